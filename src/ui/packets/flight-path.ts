/**
 * A frame's flight as motion keyframes: positions along the path and, for each, the fraction
 * of the flight's time at which the packet passes it (so it moves at constant speed).
 */
import type { Point } from '../topology/layout';

export interface Flight {
  xs: number[];
  ys: number[];
  times: number[];
}

export function flightOf(path: readonly Point[]): Flight {
  const lens = path.map((p, i) => (i === 0 ? 0 : Math.hypot(p.x - (path[i - 1]?.x ?? 0), p.y - (path[i - 1]?.y ?? 0))));
  const total = lens.reduce((s, l) => s + l, 0) || 1;
  let acc = 0;
  const times = lens.map((l) => (acc += l) / total);
  return { xs: path.map((p) => p.x), ys: path.map((p) => p.y), times };
}
