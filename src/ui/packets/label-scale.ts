/**
 * How much a packet's label is enlarged so that its smallest text reaches a size on screen.
 * The label's box is laid out at its own font sizes (label-box.ts); the drawing's zoom `k`
 * shrinks it when the topology is fitted into a small screen. A view that needs a minimum
 * (presenter mode on a projector) provides it through LabelMinPx; elsewhere it is 0, no change.
 */
import { createContext } from 'react';
import { WAS_FONT } from './label-box';

/** The smallest text size, in screen pixels, a packet label must show; 0 for none. */
export const LabelMinPx = createContext(0);

/** The label's scale: 1 when its smallest font (WAS_FONT, the tags' size too) already reaches `minPx` at zoom `k`. */
export function labelScale(minPx: number, k: number): number {
  if (!(minPx > 0) || !(k > 0)) return 1;
  return Math.max(1, minPx / (WAS_FONT * k));
}
