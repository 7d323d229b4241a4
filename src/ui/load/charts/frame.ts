/**
 * The charts' shared geometry: a fixed viewBox (drawn 1:1 in a half-width card at 1280×720, so
 * 14-unit text stays 14 px on a projector) and the margins the axes take.
 */
import { schemeTableau10 } from 'd3';

export const W = 480;
export const H = 270;
export const M = { top: 50, right: 14, bottom: 36, left: 56 };
export const INNER_W = W - M.left - M.right;
export const INNER_H = H - M.top - M.bottom;

/** A server keeps its colour in every chart and in both runs of a comparison. */
export function serverColor(names: readonly string[], name: string): string {
  const i = names.indexOf(name);
  return schemeTableau10[(i < 0 ? names.length : i) % schemeTableau10.length] as string;
}

/** Round, readable numbers on an axis: 950 · 1.4k · 12k · 3.5M. */
export function shortNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${+(n / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
