/**
 * The hops a course slide draws, read from a trace: the request and the response (segments that
 * carry data), one row per sender, leaving out routers, which only pass the packet on. The
 * golden tests compare these rows with the tables of shared/COURSE.md.
 */
import { macOwners } from '../sim/hop-line';
import type { FrameEventJson, IpJson, TraceJson } from '../sim/trace-json';

export interface CourseHop {
  from: string;
  to: string;
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
  const out: CourseHop[] = [];
  for (const e of trace.events) {
    if (e.kind !== 'frame' || !e.ip) continue;
    const f = e as FrameEventJson & { ip: IpJson };
    const carried = f.ip.inner ? { ...f.ip.inner.ip, ...(f.ip.inner.tcp ? { tcp: f.ip.inner.tcp } : {}) } : f.ip;
    if (!carried.tcp || carried.tcp.len === 0) continue;
    if (roles[f.from.host] === 'router') continue;
    out.push({
      from: f.from.host,
      to: f.to.map((x) => x.host).join(','),
      s: withPort(f.ip, 'src'),
      d: withPort(f.ip, 'dst'),
      dmacOwner: (owners.get(f.eth.dst) ?? f.eth.dst).split('.')[0] as string,
      ...(f.ip.inner ? { inner: { s: withPort(carried, 'src'), d: withPort(carried, 'dst') } } : {}),
    });
  }
  return out;
}

/** "10.11.12.13" matches any port of that address; "11.12.13.14:80" must match exactly. */
export function sameEndpoint(actual: string, expected: string): boolean {
  return expected.includes(':') ? actual === expected : actual.split(':')[0] === expected;
}
