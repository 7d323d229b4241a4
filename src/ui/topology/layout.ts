/**
 * Where things sit, in the scenario's 1000 × 600 box: hosts at their position hints (or a
 * column by role when a hint is missing), a 'switch' segment as a bus bar across its hosts,
 * a 'link' as a straight line. Pure: the view and the packet paths both read it.
 */
import type { HostRole, Scenario, SegmentSpec } from '../../engine';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BusLayout {
  id: string;
  kind: 'switch' | 'link';
  /** The bar of a switch, or the line of a link. */
  a: Point;
  b: Point;
  /** Each host's wire, from the host's centre to the bar (a link: just the host). */
  attach: Map<string, Point[]>;
}

export interface Layout {
  hosts: Map<string, Point>;
  /** What each host's drawing covers: icon, name and addresses. */
  boxes: Map<string, Rect>;
  /** The same, finer: the icon and the text block apart, for labels to keep clear of. */
  obstacles: Rect[];
  segments: Map<string, BusLayout>;
  bounds: Rect;
}

const ROLE_COLUMN: Record<HostRole, number> = {
  client: 100, router: 300, switch: 420, director: 520, proxy: 520, 'real-server': 860, server: 860,
};

/** How far a host's drawing reaches from its centre: icon above, name and addresses below. */
export const HOST_EXTENT = { left: 120, right: 120, top: 50, bottom: 130 };

function placeHosts(scenario: Scenario): Map<string, Point> {
  const out = new Map<string, Point>();
  const unplaced = new Map<number, string[]>();
  for (const h of scenario.hosts) {
    if (h.position) out.set(h.id, { ...h.position });
    else {
      const x = ROLE_COLUMN[h.role];
      unplaced.set(x, [...(unplaced.get(x) ?? []), h.id]);
    }
  }
  for (const [x, ids] of unplaced) {
    ids.forEach((id, i) => out.set(id, { x, y: ((i + 1) * 600) / (ids.length + 1) }));
  }
  return out;
}

/** A host's text, below its centre: the name's baseline, then one line per address. */
export const HOST_TEXT = { nameY: 52, firstLineY: 78, lineH: 23 };

/** Where a host's drawing ends below its centre. */
export function textBottom(lines: number): number {
  return HOST_TEXT.firstLineY + HOST_TEXT.lineH * Math.max(0, lines - 1) + 8;
}

const BLOCK_HALF_HEIGHT = 45;
const PAD = 30;

/**
 * A switch is a bar at the segment's position hint. Vertical when hosts sit on both sides of
 * it (the presets put the switch between the director and its real servers), so each host's
 * wire runs straight across to it; a host whose way is blocked by another host in line goes
 * down under that host's addresses first, as a hand-drawn diagram would.
 */
function layoutSwitch(seg: SegmentSpec, pts: Point[], ids: string[], bottoms: ReadonlyMap<string, number>, all: ReadonlyMap<string, Point>): BusLayout {
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
  const hint = seg.position ?? { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  const attach = new Map<string, Point[]>();
  const bothSides = xs.some((x) => x < hint.x - 40) && xs.some((x) => x > hint.x + 40);
  if (bothSides || Math.max(...ys) - Math.min(...ys) > Math.max(...xs) - Math.min(...xs)) {
    const X = hint.x;
    ids.forEach((id, i) => {
      const p = pts[i] as Point;
      const blockers = [...all].filter(([other, q]) => other !== id && Math.abs(q.y - p.y) < BLOCK_HALF_HEIGHT
        && Math.min(p.x, X) < q.x && q.x < Math.max(p.x, X));
      if (blockers.length === 0) {
        attach.set(id, [p, { x: X, y: p.y }]);
        return;
      }
      const below = Math.max(...[id, ...blockers.map(([b]) => b)].map((h) => (all.get(h)?.y ?? 0) + (bottoms.get(h) ?? 0))) + 14;
      attach.set(id, [p, { x: p.x, y: below }, { x: X, y: below }]);
    });
    const wireYs = [...attach.values()].map((w) => (w[w.length - 1] as Point).y);
    return { id: seg.id, kind: 'switch', a: { x: X, y: Math.min(...wireYs, hint.y) - PAD }, b: { x: X, y: Math.max(...wireYs) + PAD }, attach };
  }
  const Y = hint.y;
  ids.forEach((id, i) => {
    const p = pts[i] as Point;
    attach.set(id, [p, { x: p.x, y: Y }]);
  });
  return { id: seg.id, kind: 'switch', a: { x: Math.min(...xs) - PAD, y: Y }, b: { x: Math.max(...xs) + PAD, y: Y }, attach };
}

/** How many address lines a host shows: every address but loopback's 127.x. */
function addressLines(scenario: Scenario): Map<string, number> {
  return new Map(scenario.hosts.map((h) => [h.id,
    h.interfaces.reduce((n, i) => n + i.addrs.filter((a) => !a.cidr.startsWith('127.')).length, 0)]));
}

export function layoutScenario(scenario: Scenario): Layout {
  const hosts = placeHosts(scenario);
  const bottoms = new Map([...addressLines(scenario)].map(([id, n]) => [id, textBottom(n)]));
  const segments = new Map<string, BusLayout>();
  for (const seg of scenario.segments) {
    const ids = seg.ports.map((p) => p.host).filter((id, i, all) => hosts.has(id) && all.indexOf(id) === i);
    const pts = ids.map((id) => hosts.get(id) as Point);
    if (pts.length === 0) continue;
    if (seg.kind === 'link' && pts.length === 2) {
      const [a, b] = pts as [Point, Point];
      segments.set(seg.id, { id: seg.id, kind: 'link', a, b, attach: new Map(ids.map((id, i) => [id, [pts[i] as Point]])) });
    } else {
      segments.set(seg.id, layoutSwitch(seg, pts, ids, bottoms, hosts));
    }
  }
  const all = [...hosts.values()];
  const barEnds = [...segments.values()].flatMap((s) => [s.a, s.b, ...[...s.attach.values()].flat()]);
  const minX = Math.min(...all.map((p) => p.x - HOST_EXTENT.left), ...barEnds.map((p) => p.x));
  const maxX = Math.max(...all.map((p) => p.x + HOST_EXTENT.right), ...barEnds.map((p) => p.x));
  // Room above and below for a packet's label.
  const minY = Math.min(...all.map((p) => p.y - HOST_EXTENT.top), ...barEnds.map((p) => p.y)) - 70;
  const maxY = Math.max(...[...hosts].map(([id, p]) => p.y + (bottoms.get(id) ?? HOST_EXTENT.bottom)), ...barEnds.map((p) => p.y + 10)) + 30;
  const boxes = new Map([...hosts].map(([id, p]) => [id, {
    x: p.x - 115, y: p.y - HOST_EXTENT.top, w: 230, h: HOST_EXTENT.top + (bottoms.get(id) ?? HOST_EXTENT.bottom) + 12,
  }]));
  const obstacles: Rect[] = [...hosts].flatMap(([id, p]) => [
    { x: p.x - 48, y: p.y - 44, w: 96, h: 80 },
    { x: p.x - 115, y: p.y + 30, w: 230, h: (bottoms.get(id) ?? HOST_EXTENT.bottom) - 18 },
  ]);
  // A switch's name is an obstacle too, added where it is drawn (Topology, segment-title.ts).
  return { hosts, boxes, obstacles, segments, bounds: { x: minX, y: minY, w: maxX - minX, h: maxY - minY } };
}

/** The way a frame travels from one host to another over a segment. */
export function framePath(layout: Layout, segmentId: string, from: string, to: string): Point[] {
  const a = layout.hosts.get(from), b = layout.hosts.get(to);
  if (!a || !b) return [];
  const seg = layout.segments.get(segmentId);
  if (!seg || seg.kind === 'link') return [a, b];
  const wa = seg.attach.get(from) ?? [a], wb = seg.attach.get(to) ?? [b];
  return [...wa, ...[...wb].reverse()];
}

/** The point at fraction `f` of a polyline's length, and its total length. */
export function pointAlong(path: readonly Point[], f: number): Point {
  const lens = path.slice(1).map((p, i) => Math.hypot(p.x - (path[i]?.x ?? 0), p.y - (path[i]?.y ?? 0)));
  const total = lens.reduce((s, l) => s + l, 0);
  let rest = total * Math.max(0, Math.min(1, f));
  for (let i = 0; i < lens.length; i++) {
    const l = lens[i] ?? 0;
    const p = path[i] as Point, q = path[i + 1] as Point;
    if (rest <= l || i === lens.length - 1) {
      const r = l === 0 ? 0 : rest / l;
      return { x: p.x + (q.x - p.x) * r, y: p.y + (q.y - p.y) * r };
    }
    rest -= l;
  }
  return path[0] ?? { x: 0, y: 0 };
}

/** The part of the drawing a `size` (CSS px) view shows at transform `v`, inset by `margin` px. */
export function onScreen(v: { x: number; y: number; k: number }, size: { w: number; h: number }, margin = 8): Rect {
  return { x: (margin - v.x) / v.k, y: (margin - v.y) / v.k, w: (size.w - 2 * margin) / v.k, h: (size.h - 2 * margin) / v.k };
}
