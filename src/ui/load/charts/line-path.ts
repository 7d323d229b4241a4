/**
 * A series as an SVG path, built in one pass: no d3 line generator per redraw, coordinates to a
 * tenth of a unit (the charts are drawn 1:1, so finer digits only lengthen the attribute), and at
 * most MAX_POINTS points however long the run: past that, each bucket of samples keeps its lowest
 * and highest value in time order, so a spike or a drop to zero still shows.
 */

/** Points drawn per series at most: two per unit of the plot's width (INNER_W is 410). */
export const MAX_POINTS = 820;

type Values = ReadonlyArray<readonly [number, number]>;

/** The points to draw: all of them up to `max`, else the lowest and highest of each bucket. */
export function thinned(values: Values, max = MAX_POINTS): Values {
  if (values.length <= max) return values;
  const buckets = Math.floor(max / 2);
  const out: Array<readonly [number, number]> = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * values.length) / buckets);
    const to = Math.floor(((b + 1) * values.length) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if ((values[i] as readonly [number, number])[1] < (values[lo] as readonly [number, number])[1]) lo = i;
      if ((values[i] as readonly [number, number])[1] > (values[hi] as readonly [number, number])[1]) hi = i;
    }
    out.push(values[Math.min(lo, hi)] as readonly [number, number]);
    if (hi !== lo) out.push(values[Math.max(lo, hi)] as readonly [number, number]);
  }
  return out;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** `M x,y L x,y …` of the values through the scales (x takes ms), or '' for none. */
export function linePath(values: Values, x: (ms: number) => number, y: (v: number) => number): string {
  const pts = thinned(values);
  let d = '';
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i] as readonly [number, number];
    d += `${i === 0 ? 'M' : 'L'}${r1(x(p[0]))},${r1(y(p[1]))}`;
  }
  return d;
}
