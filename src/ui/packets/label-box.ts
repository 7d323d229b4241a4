/**
 * Where each line of a packet label goes inside its box, and where the box goes beside the
 * link: above a horizontal stretch, to the right of a vertical one. Pure geometry.
 */
import { pointAlong, type Point, type Rect } from '../topology/layout';
import { textWidth } from './text-metrics';

export const LABEL_FONT = 21;
export const WAS_FONT = 19;
const WAS_LINE = 23;
const LINE = 27;
const PAD = 8;

export interface BoxRow {
  /** A small muted line (the previous value of the row above). */
  muted?: boolean;
  x: number;
  /** Baseline. */
  y: number;
  name: string;
  value: string;
  changed: boolean;
  width: number;
}

export interface LabelBox {
  w: number;
  h: number;
  rows: BoxRow[];
  inner: { x: number; y: number; w: number; h: number } | null;
}

/** One line: `name: value`, or just `value` when the name is empty. */
export interface RowSpec {
  name: string;
  value: string;
  changed: boolean;
  /** A small line under the row: what the value was before this hop. */
  was?: string;
}

const rowText = (f: RowSpec) => (f.name ? `${f.name}: ${f.value}` : f.value);

export function layoutLabel(outer: readonly RowSpec[], inner: readonly RowSpec[] | null): LabelBox {
  const rows: BoxRow[] = [];
  let y = PAD;
  const push = (f: RowSpec, x: number) => {
    rows.push({ x, y: y + LINE * 0.75, name: f.name, value: f.value, changed: f.changed, width: textWidth(rowText(f), LABEL_FONT) });
    y += LINE;
    if (f.was) {
      rows.push({ muted: true, x, y: y + WAS_LINE * 0.7, name: '', value: f.was, changed: false, width: textWidth(f.was, WAS_FONT) });
      y += WAS_LINE;
    }
  };
  for (const f of outer) push(f, PAD);
  let innerBox: LabelBox['inner'] = null;
  if (inner) {
    y += PAD / 2;
    const top = y;
    y += PAD / 2;
    for (const f of inner) push(f, PAD * 2);
    const innerW = Math.max(...rows.filter((r) => r.x === PAD * 2).map((r) => r.width)) + PAD * 2;
    innerBox = { x: PAD, y: top, w: innerW, h: y - top + PAD / 2 };
    y += PAD / 2;
  }
  const w = Math.max(...rows.map((r) => r.x + r.width), innerBox ? innerBox.x + innerBox.w : 0) + PAD;
  return { w, h: y + PAD, rows, inner: innerBox };
}

/** Plain lines (ARP, a drop's reason) as a label box. */
export function layoutLines(lines: readonly string[]): LabelBox {
  return layoutLabel(lines.map((value) => ({ name: '', value, changed: false })), null);
}

const GAP = 16;
const FRACTIONS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];
const FAR = 70;
const SIDES = [
  { cost: 0, at: (p: Point, w: number, h: number) => ({ x: p.x - w / 2, y: p.y - h - GAP }) },
  { cost: 40, at: (p: Point, w: number) => ({ x: p.x - w / 2, y: p.y + GAP + 20 }) },
  { cost: 20, at: (p: Point, _w: number, h: number) => ({ x: p.x + GAP, y: p.y - h / 2 }) },
  { cost: 60, at: (p: Point, w: number, h: number) => ({ x: p.x - w - GAP, y: p.y - h / 2 }) },
  // Above or below, but ending at the point or starting from it: past a neighbour's text.
  { cost: 30, at: (p: Point, w: number, h: number) => ({ x: p.x - w + GAP, y: p.y - h - GAP }) },
  { cost: 30, at: (p: Point, _w: number, h: number) => ({ x: p.x - GAP, y: p.y - h - GAP }) },
  { cost: 50, at: (p: Point, w: number) => ({ x: p.x - w + GAP, y: p.y + GAP + 20 }) },
  { cost: 50, at: (p: Point) => ({ x: p.x - GAP, y: p.y + GAP + 20 }) },
  // Further off a short link whose ends (the hosts) leave no room right beside it: on a phone the
  // hosts' text is drawn larger, above or below the icons, and the free room is further still.
  ...[1, 2, 3, 4].flatMap((n) => [
    { cost: 60 + 20 * n, at: (p: Point, w: number, h: number) => ({ x: p.x - w / 2, y: p.y - h - FAR * n }) },
    { cost: 100 + 20 * n, at: (p: Point, w: number) => ({ x: p.x - w / 2, y: p.y + FAR * n + 20 }) },
  ]),
];

/** Slide a box into the drawing's bounds when it sticks out (and fits at all). */
const clampInto = (at: Point, w: number, h: number, b: Rect): Point => ({
  x: Math.max(b.x, Math.min(at.x, b.x + b.w - w)),
  y: Math.max(b.y, Math.min(at.y, b.y + b.h - h)),
});

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/**
 * Top-left corner of a w × h label beside a path: near its middle, clear of hosts and inside
 * the drawing if it can be. Candidates along the path and on each side, the least-covering wins.
 */
export function placeBox(path: readonly Point[], w: number, h: number, obstacles: readonly Rect[], bounds: Rect): Point {
  let best: Point = { x: 0, y: 0 }, bestScore = Infinity;
  for (const f of FRACTIONS) {
    const p = pointAlong(path, f);
    for (const side of SIDES) {
      const at = clampInto(side.at(p, w, h), w, h, { ...bounds, y: bounds.y + 30, h: bounds.h - 30 });
      const box = { x: at.x, y: at.y - 30, w, h: h + 30 }; // the rewrite tags sit above the box
      const covered = obstacles.reduce((sum, o) => sum + overlap(box, o), 0);
      const outside = box.w * box.h - overlap(box, bounds);
      const score = covered * 4 + outside * 2 + Math.abs(f - 0.5) * 300 + side.cost;
      if (score < bestScore) { bestScore = score; best = at; }
    }
  }
  return best;
}

/** Top-left corner of a w × h label beside a host's drawing `r`, clear of other hosts if it can be. */
export function placeBeside(r: Rect, w: number, h: number, obstacles: readonly Rect[], bounds: Rect): Point {
  const candidates: Point[] = [
    { x: r.x + r.w - 30, y: r.y - h - GAP },
    { x: r.x + 30 - w, y: r.y - h - GAP },
    { x: r.x - w + 40, y: r.y + 10 },
    { x: r.x + r.w - 40, y: r.y + 10 },
    { x: r.x + (r.w - w) / 2, y: r.y + r.h + GAP },
  ];
  let best = candidates[0] as Point, bestScore = Infinity;
  candidates.map((c) => clampInto(c, w, h, bounds)).forEach((at, i) => {
    const box = { x: at.x, y: at.y, w, h };
    const covered = obstacles.filter((o) => o !== r).reduce((sum, o) => sum + overlap(box, o), 0);
    const score = covered * 4 + (w * h - overlap(box, bounds)) * 2 + i * 50;
    if (score < bestScore) { bestScore = score; best = at; }
  });
  return best;
}
