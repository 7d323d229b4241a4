/**
 * The hops a course slide draws, read from a trace: the request and the response (segments that
 * carry data), one row per sender, leaving out routers, which only pass the packet on. The
 * golden tests (golden/course-tables.test.ts) compare these rows with the slides' tables.
 */
import { macOwners } from './hop-line';
import type { FrameEventJson, IpJson, TraceJson } from './trace-json';

export interface CourseHop {
  from: string;
  to: string;
  /** Routers the packet crossed on the way, unchanged but for TTL and MACs. */
  via?: string[];
  s: string;
  d: string;
  dmacOwner: string;
  inner?: { s: string; d: string };
}

function withPort(ip: IpJson, side: 'src' | 'dst'): string {
  const t = ip.tcp;
  return t ? `${ip[side]}:${side === 'src' ? t.sport : t.dport}` : ip[side];
}

export function courseHops(trace: TraceJson, roles: Record<string, string>): CourseHop[] {
  const owners = macOwners(trace);
  const frames = trace.events.filter((e): e is FrameEventJson & { ip: IpJson } => e.kind === 'frame' && e.ip !== undefined);
  const out: CourseHop[] = [];
  frames.forEach((f, i) => {
    const carried = f.ip.inner ? { ...f.ip.inner.ip, ...(f.ip.inner.tcp ? { tcp: f.ip.inner.tcp } : {}) } : f.ip;
    if (!carried.tcp || carried.tcp.len === 0) return;
    if (roles[f.from.host] === 'router') return;
    // Follow the same packet through routers to the host it was really going to.
    let last = f;
    const via: string[] = [];
    for (let j = i + 1; j < frames.length && roles[last.to[0]?.host ?? ''] === 'router'; j++) {
      const g = frames[j] as FrameEventJson & { ip: IpJson };
      if (g.packet === undefined || g.packet !== f.packet || g.from.host !== last.to[0]?.host) continue;
      via.push(g.from.host);
      last = g;
    }
    out.push({
      from: f.from.host,
      to: last.to.map((x) => x.host).join(','),
      ...(via.length ? { via } : {}),
      s: withPort(f.ip, 'src'),
      d: withPort(f.ip, 'dst'),
      dmacOwner: (owners.get(last.eth.dst) ?? last.eth.dst).split('.')[0] as string,
      ...(f.ip.inner ? { inner: { s: withPort(carried, 'src'), d: withPort(carried, 'dst') } } : {}),
    });
  });
  return out;
}

/** "10.11.12.13" matches any port of that address; "11.12.13.14:80" must match exactly. */
export function sameEndpoint(actual: string, expected: string): boolean {
  return expected.includes(':') ? actual === expected : actual.split(':')[0] === expected;
}

/** The course hops as the slides' table: #, who sends to whom, S, D, and what rides inside. */
export function formatCourseTable(trace: TraceJson, roles: Record<string, string>): string {
  const hops = courseHops(trace, roles);
  const rows = hops.map((h, i) => ({
    n: String(i + 1),
    hop: `${h.from} → ${h.to}${h.via ? ` (via ${h.via.join(', ')})` : ''}`,
    s: h.s,
    d: h.d,
    extra: [h.inner ? `inner S ${h.inner.s} D ${h.inner.d}` : '', `DMAC ${h.dmacOwner}`].filter(Boolean).join('  '),
  }));
  const head = { n: '#', hop: 'hop', s: 'S', d: 'D', extra: '' };
  const w = (k: 'n' | 'hop' | 's' | 'd'): number => Math.max(head[k].length, ...rows.map((r) => r[k].length));
  const line = (r: typeof head): string => `${r.n.padStart(w('n'))}  ${r.hop.padEnd(w('hop'))}  ${r.s.padEnd(w('s'))}  ${r.d.padEnd(w('d'))}  ${r.extra}`.trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
