/** Samples as the engine streams them, for the view's tests: servers with given connections per sample. */
import type { LoadPoint, ServerPoint } from './series';

export function serverAt(conns: number, weight: number, more: Partial<ServerPoint> = {}): ServerPoint {
  return { active: conns * 2, inactive: conns, conns, weight, inPackets: conns * 6, outPackets: conns * 5, inBytes: conns * 400, outBytes: conns * 900, up: true, ...more };
}

export function sampleAt(t: number, servers: Record<string, ServerPoint>): LoadPoint {
  const sum = (f: (s: ServerPoint) => number) => Object.values(servers).reduce((n, s) => n + f(s), 0);
  return {
    t, servers,
    director: { inPackets: sum((s) => s.inPackets), outPackets: sum((s) => s.outPackets), inBytes: sum((s) => s.inBytes), outBytes: sum((s) => s.outBytes) },
    requests: { started: sum((s) => s.conns), ok: sum((s) => s.conns), failed: 0 },
    disrupted: { kept: 0, reset: 0, lost: 0 },
  };
}
