/**
 * The hops a quiz can ask, read from a trace: every IPv4 packet a host (not a router) sends,
 * followed through routers to the host it is really going to, as the course's tables draw it.
 * A hop is asked where its path first appears: the SYN for a request path, the SYN-ACK for a
 * reply path, so the handshake never gives the answer away before the question. The default
 * quiz asks the course hops (the engine's courseHops, the slides' rows).
 */
import { courseHops, macOwners, type FrameEventJson, type IpJson, type Scenario, type TraceJson } from '../engine';

export interface Endpoint {
  ip: string;
  port?: number;
}

export interface QuizHop {
  /** Position among the trace's hops: what a quiz link names. */
  n: number;
  /** trace.events index of the hop's first frame: the quiz stops before it. */
  first: number;
  /** trace.events index of its last frame, past routers. */
  last: number;
  from: string;
  /** The host the last frame's destination MAC belongs to. */
  to: string;
  via: string[];
  s: Endpoint;
  d: Endpoint;
  /** IP-in-IP: the packet inside (the outer header is s and d). */
  inner?: { s: Endpoint; d: Endpoint };
}

type IpFrame = FrameEventJson & { ip: IpJson };

function endpoint(ip: IpJson, side: 'src' | 'dst'): Endpoint {
  const l4 = ip.tcp ?? ip.udp;
  return l4 ? { ip: ip[side], port: side === 'src' ? l4.sport : l4.dport } : { ip: ip[side] };
}

export const endpointText = (e: Endpoint): string => (e.port === undefined ? e.ip : `${e.ip}:${e.port}`);

function innerOf(ip: IpJson): IpJson | undefined {
  const i = ip.inner;
  return i ? { ...i.ip, ...(i.tcp ? { tcp: i.tcp } : {}), ...(i.udp ? { udp: i.udp } : {}) } : undefined;
}

export function hostRoles(scenario: Pick<Scenario, 'hosts'>): Record<string, string> {
  return Object.fromEntries(scenario.hosts.map((h) => [h.id, h.role]));
}

const passesOn = (role: string | undefined): boolean => role === 'router' || role === 'switch';

/** Same sender, receiver and headers: the same hop of the same connection. */
const signature = (h: Omit<QuizHop, 'n' | 'first' | 'last' | 'via'>): string =>
  [h.from, h.to, endpointText(h.s), endpointText(h.d), h.inner ? `${endpointText(h.inner.s)}>${endpointText(h.inner.d)}` : ''].join('|');

/** Every distinct hop of the trace, in the order they first appear. */
export function quizHops(trace: TraceJson, scenario: Pick<Scenario, 'hosts'>): QuizHop[] {
  const roles = hostRoles(scenario);
  const owners = macOwners(trace);
  const seen = new Set<string>();
  const out: QuizHop[] = [];
  const frames: Array<{ f: IpFrame; i: number }> = [];
  trace.events.forEach((e, i) => {
    if (e.kind === 'frame' && e.ip) frames.push({ f: e as IpFrame, i });
  });
  frames.forEach(({ f, i }, k) => {
    if (passesOn(roles[f.from.host])) return;
    let last = { f, i };
    const via: string[] = [];
    for (let j = k + 1; j < frames.length && passesOn(roles[last.f.to[0]?.host ?? '']); j++) {
      const g = frames[j] as { f: IpFrame; i: number };
      if (g.f.packet === undefined || g.f.packet !== f.packet || g.f.from.host !== last.f.to[0]?.host) continue;
      via.push(g.f.from.host);
      last = g;
    }
    const inner = innerOf(f.ip);
    const to = (owners.get(last.f.eth.dst) ?? last.f.to[0]?.host ?? '').split('.')[0] ?? '';
    const hop = {
      from: f.from.host, to, s: endpoint(f.ip, 'src'), d: endpoint(f.ip, 'dst'),
      ...(inner ? { inner: { s: endpoint(inner, 'src'), d: endpoint(inner, 'dst') } } : {}),
    };
    const key = signature(hop);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ n: out.length, first: i, last: last.i, via, ...hop });
  });
  return out;
}

/**
 * The hops a quiz asks unless a teacher chose others: the course's rows, each where it first
 * appears; in a broken lab whose requests never get through (no course rows), every hop.
 */
export function defaultAsked(trace: TraceJson, scenario: Pick<Scenario, 'hosts'>, hops: readonly QuizHop[] = quizHops(trace, scenario)): number[] {
  const out = new Set<number>();
  for (const c of courseHops(trace, hostRoles(scenario))) {
    const match = hops.find((h) => h.from === c.from && endpointText(h.s) === c.s && endpointText(h.d) === c.d
      && (h.inner ? c.inner !== undefined && endpointText(h.inner.s) === c.inner.s && endpointText(h.inner.d) === c.inner.d : c.inner === undefined));
    if (match) out.add(match.n);
  }
  return out.size > 0 ? [...out].sort((a, b) => a - b) : hops.map((h) => h.n);
}
