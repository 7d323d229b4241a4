/**
 * A host's text block (name and addresses) on a narrow screen. The fit shrinks the whole
 * drawing to the phone's width, so the block is drawn `scale` times larger (addresses at
 * ≥ 12.5 px) from the icon's foot; where it would then run into a neighbour's block it goes
 * above the icon instead, as a hand-drawn diagram would put it.
 */
import { textWidth } from '../packets/text-metrics';
import { HOST_TEXT, textBottom, type Point } from './layout';

/** Where the block's scaling is anchored, below the host's centre: the icon's foot. */
const FOOT = 40;
/** The icon reaches this far above the centre (HostIcon), and a block above keeps clear of it. */
const ICON_TOP = 40;
/** Half the icon's box, for blocks placed above not to cover another host's icon. */
const ICON_HALF = { w: 44, h: 36 };

/** The scale that draws 19-unit addresses at ≥ 12.5 px when the drawing is shown at `k`. */
export const hostTextScale = (k: number): number => Math.max(1, 12.5 / 19 / k);

/** The scale that draws 22-unit host names at ≥ `minPx` on screen at `k` (presenter mode's minimum); 1 for none. */
export const hostNameScale = (minPx: number, k: number): number => (minPx > 0 && k > 0 ? Math.max(1, minPx / 22 / k) : 1);

export interface HostText {
  /** The host's letter as drawn (nameHead) and the addresses shown, one a line. */
  name: string;
  addrs: readonly string[];
}

export interface Box { left: number; right: number; top: number; bottom: number }

const hits = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The block's box in the drawing's units, below or above the icon. */
export function blockBox(at: Point, text: HostText, scale: number, above: boolean): Box {
  const w = Math.max(textWidth(text.name, 22), ...text.addrs.map((a) => textWidth(a, 19))) * scale;
  const top = HOST_TEXT.nameY - 18, bottom = textBottom(text.addrs.length);
  const h = (bottom - top) * scale;
  const y0 = above ? at.y - ICON_TOP - h : at.y + FOOT + (top - FOOT) * scale;
  return { left: at.x - w / 2, right: at.x + w / 2, top: y0, bottom: y0 + h };
}

/**
 * Which hosts' blocks go above their icon: left to right, a block that would run into one
 * already placed goes above, unless it runs into something there too.
 */
export function blocksAbove(hosts: ReadonlyMap<string, Point>, texts: ReadonlyMap<string, HostText>, scale: number): Set<string> {
  const above = new Set<string>();
  const placed: Box[] = [];
  const icons = [...hosts.values()].map((p) => ({ left: p.x - ICON_HALF.w, right: p.x + ICON_HALF.w, top: p.y - ICON_HALF.h, bottom: p.y + ICON_HALF.h }));
  const order = [...hosts].sort(([, a], [, b]) => a.x - b.x || a.y - b.y);
  for (const [id, at] of order) {
    const text = texts.get(id);
    if (!text) continue;
    const below = blockBox(at, text, scale, false);
    if (!placed.some((b) => hits(b, below))) {
      placed.push(below);
      continue;
    }
    const up = blockBox(at, text, scale, true);
    if (placed.some((b) => hits(b, up)) || icons.some((b) => hits(b, up))) placed.push(below);
    else {
      placed.push(up);
      above.add(id);
    }
  }
  return above;
}

/** The SVG transform of a block with `lines` addresses: scaled from the icon's foot, maybe lifted above the icon. */
export function hostTextTransform(lines: number, scale: number, above: boolean): string | undefined {
  if (scale === 1 && !above) return undefined;
  // Scaled about the foot, the block ends at FOOT + (bottom - FOOT) · scale; above, it ends at -ICON_TOP.
  const lift = above ? -ICON_TOP - FOOT - (textBottom(lines) - FOOT) * scale : 0;
  return `translate(0,${FOOT + lift}) scale(${scale}) translate(0,${-FOOT})`;
}
