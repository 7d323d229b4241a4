/**
 * Where a switch's name is drawn: centred over the top of a vertical bar, or ending at the right
 * end of a horizontal one, slid sideways to stay inside the drawing's bounds (the fit shows
 * exactly those, so a name that grows on a phone is not cut at the screen's edge). Its box is
 * what a packet's label keeps clear of.
 */
import { textWidth } from '../packets/text-metrics';
import type { BusLayout, Rect } from './layout';

/** The name's size in drawing units on a wide screen (a narrow one draws it larger: Topology). */
export const TITLE_FONT = 20;
/** The baseline sits this far above the bar's top (or above a horizontal bar). */
const LIFT = 12;

export interface SegmentTitle {
  /** Where the text is anchored (its middle), and its baseline. */
  x: number;
  y: number;
  box: Rect;
}

export function segmentTitle(seg: BusLayout, text: string, font: number, within: Rect): SegmentTitle {
  const w = textWidth(text, font);
  const vertical = seg.a.x === seg.b.x;
  const wanted = vertical ? seg.a.x : seg.b.x - w / 2;
  const y = (vertical ? seg.a.y : seg.b.y) - LIFT;
  // Wider than the drawing: centred on it, both ends equally short.
  const x = w >= within.w ? within.x + within.w / 2 : Math.max(within.x + w / 2, Math.min(wanted, within.x + within.w - w / 2));
  return { x, y, box: { x: x - w / 2, y: y - font, w, h: font * 1.25 } };
}
