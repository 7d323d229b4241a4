/**
 * The series as chart lines: per second rates from per-sample counters (a sample covers the
 * time since the previous one), and ActiveConn/InActConn as they stood.
 */
import type { LoadPoint } from './series';

export type ServerMetric = 'new' | 'active' | 'inactive';
export type TrafficUnit = 'packets' | 'bytes';
type Values = Array<[number, number]>;

const perSecond = (points: readonly LoadPoint[], i: number) => {
  const p = points[i]!;
  const dt = (p.t - (i > 0 ? points[i - 1]!.t : 0)) / 1000;
  return dt > 0 ? 1 / dt : 0;
};

/** One line per server: where a server is absent (removed), its line has no point. */
export function serverLines(points: readonly LoadPoint[], names: readonly string[], metric: ServerMetric): Map<string, Values> {
  const out = new Map<string, Values>(names.map((n) => [n, []]));
  points.forEach((p, i) => {
    const rate = perSecond(points, i);
    for (const n of names) {
      const s = p.servers[n];
      if (!s) continue;
      const v = metric === 'new' ? s.conns * rate : metric === 'active' ? s.active : s.inactive;
      out.get(n)!.push([p.t, v]);
    }
  });
  return out;
}

export interface TrafficLines {
  dirIn: Values;
  dirOut: Values;
  rsIn: Values;
  rsOut: Values;
}

/** Through the director (the service's counters) and through the real servers (the sum of theirs). */
export function trafficLines(points: readonly LoadPoint[], unit: TrafficUnit): TrafficLines {
  const out: TrafficLines = { dirIn: [], dirOut: [], rsIn: [], rsOut: [] };
  points.forEach((p, i) => {
    const rate = perSecond(points, i);
    let rsIn = 0;
    let rsOut = 0;
    for (const s of Object.values(p.servers)) {
      rsIn += unit === 'packets' ? s.inPackets : s.inBytes;
      rsOut += unit === 'packets' ? s.outPackets : s.outBytes;
    }
    const d = p.director;
    out.dirIn.push([p.t, (unit === 'packets' ? d.inPackets : d.inBytes) * rate]);
    out.dirOut.push([p.t, (unit === 'packets' ? d.outPackets : d.outBytes) * rate]);
    out.rsIn.push([p.t, rsIn * rate]);
    out.rsOut.push([p.t, rsOut * rate]);
  });
  return out;
}
