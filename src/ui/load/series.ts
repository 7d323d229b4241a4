/**
 * What the load view draws: the engine's samples of the run (one every `sampleMs` of simulated
 * time), as the worker streams them. Counters are per sample (new connections, packets, bytes
 * since the previous sample); ActiveConn/InActConn are the director's table at the sample's time,
 * as `ipvsadm -L -n` shows them.
 */
import type { LoadSample, ServerSample } from '../../engine';

export type LoadPoint = LoadSample;
export type ServerPoint = ServerSample;

/** Every server that appears anywhere in the series, in first-seen order. */
export function serverNames(points: readonly LoadPoint[]): string[] {
  const seen = new Set<string>();
  for (const p of points) for (const name of Object.keys(p.servers)) seen.add(name);
  return [...seen];
}

export interface ShareRow {
  server: string;
  /** Share of the new connections it got, 0–1. */
  share: number;
  /** Its weight's share of the total weight at the last sample, 0–1. */
  weightShare: number;
  conns: number;
}

/** Each server's share of the connections made in [fromT, toT] against its weight's share. */
export function shares(points: readonly LoadPoint[], fromT = -Infinity, toT = Infinity): ShareRow[] {
  const names = serverNames(points);
  const conns = new Map(names.map((n) => [n, 0]));
  let last: LoadPoint | undefined;
  for (const p of points) {
    if (p.t < fromT || p.t > toT) continue;
    for (const [n, s] of Object.entries(p.servers)) conns.set(n, (conns.get(n) ?? 0) + s.conns);
    last = p;
  }
  const total = [...conns.values()].reduce((a, b) => a + b, 0);
  const weights = names.map((n) => last?.servers[n]?.weight ?? 0);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  return names.map((server, i) => ({
    server,
    conns: conns.get(server) ?? 0,
    share: total > 0 ? (conns.get(server) ?? 0) / total : 0,
    weightShare: weightTotal > 0 ? (weights[i] ?? 0) / weightTotal : 0,
  }));
}

/** The last sample at or before `t` (the first one if `t` is before every sample). */
export function pointAt(points: readonly LoadPoint[], t: number): LoadPoint | undefined {
  let lo = 0;
  let hi = points.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((points[mid] as LoadPoint).t <= t) lo = mid;
    else hi = mid - 1;
  }
  return points[lo];
}
