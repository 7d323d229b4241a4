/**
 * The hops of a run's packets as the compare view steps through them: every IPv4 frame of a
 * connection (ARP left out: it is the network's, not the request's), with the direction it
 * travels and whether the director received it on the way in or on the way out, the way
 * IPVS's counters see packets (ip_vs_in_stats on a request-side packet, ip_vs_out_stats on a
 * reply it un-NATs). Direction comes from the innermost transport header: a packet to a port
 * some host serves is a request, one from such a port a reply (IP-in-IP looks inside).
 */
import { formatIpv4 } from '../addr/ipv4';
import { formatMac } from '../addr/mac';
import type { World } from '../sim/world';
import type { FrameEvent, TraceEvent } from '../sim/trace';
import type { Ipv4Repr } from '../wire/repr';
import { ipLength } from '../ipvs/ip-length';

export type Direction = 'request' | 'reply' | 'other';

/** One frame of a connection, crossing one link or segment. */
export interface PacketHop {
  /** The trace event's seq. */
  readonly seq: number;
  readonly t: number;
  readonly from: string;
  /** The host the frame is addressed to (its destination MAC's owner). */
  readonly to: string;
  /** Outer addresses, as the slides' S and D. */
  readonly src: string;
  readonly dst: string;
  /** The inner addresses of an IP-in-IP packet (TUN), else absent. */
  readonly inner?: { readonly src: string; readonly dst: string };
  readonly sport?: number;
  readonly dport?: number;
  readonly direction: Direction;
  /** The packet carries a payload (the request's or the reply's data, not a bare ACK). */
  readonly data: boolean;
  /** The packet's identity from hop to hop (kept through NAT and IP-in-IP). */
  readonly pid: number;
  /** The director received it as a request-side packet (InPkts) or as a reply (OutPkts). */
  readonly directorIn: boolean;
  readonly directorOut: boolean;
  /** skb->len of the packet as it arrived: what the byte counters add. */
  readonly bytes: number;
}

interface Innermost {
  ip: Ipv4Repr;
  sport?: number;
  dport?: number;
  data: boolean;
}

function innermost(ip: Ipv4Repr): Innermost {
  const p = ip.payload;
  if (p.proto === 'ipip') return innermost(p.inner);
  if (p.proto === 'tcp' || p.proto === 'udp') return { ip, sport: p.sport, dport: p.dport, data: p.data.length > 0 };
  return { ip, data: false };
}

function directionOf(x: Innermost, serverPorts: ReadonlySet<number>): Direction {
  const p = x.ip.payload;
  // An ICMP error travels against the packet it quotes (IPVS counts it as that connection's).
  if (p.proto === 'icmp' && p.quote) {
    const quoted = directionOf(innermost(p.quote), serverPorts);
    return quoted === 'request' ? 'reply' : quoted === 'reply' ? 'request' : 'other';
  }
  if (x.dport !== undefined && serverPorts.has(x.dport)) return 'request';
  if (x.sport !== undefined && serverPorts.has(x.sport)) return 'reply';
  return 'other';
}

/** Which host owns each MAC: a flooded frame still has one addressee. */
function macOwners(w: World): Map<string, string> {
  const owners = new Map<string, string>();
  for (const h of w.hostList) for (const i of h.ifaces) owners.set(formatMac(i.mac), h.id);
  return owners;
}

function addressee(e: FrameEvent, owners: ReadonlyMap<string, string>): string {
  const byMac = owners.get(formatMac(e.frame.eth.dst));
  if (byMac !== undefined && e.to.some((r) => r.host === byMac)) return byMac;
  return e.to[0]?.host ?? '';
}

/**
 * The connection frames of a finished run, in order. `director` is the host whose counters
 * are measured; `serverPorts` the ports services listen on.
 */
export function packetHops(w: World, events: readonly TraceEvent[], director: string | undefined, serverPorts: ReadonlySet<number>): PacketHop[] {
  const owners = macOwners(w);
  const hops: PacketHop[] = [];
  for (const e of events) {
    if (e.kind !== 'frame' || e.frame.type !== 'ipv4' || !e.conn) continue;
    const ip = e.frame.ip;
    const x = innermost(ip);
    const direction = directionOf(x, serverPorts);
    const to = addressee(e, owners);
    const received = director !== undefined && to === director && e.from.host !== director;
    hops.push({
      seq: e.seq, t: e.t, from: e.from.host, to, src: formatIpv4(ip.src), dst: formatIpv4(ip.dst),
      ...(x.ip !== ip ? { inner: { src: formatIpv4(x.ip.src), dst: formatIpv4(x.ip.dst) } } : {}),
      ...(x.sport !== undefined ? { sport: x.sport } : {}), ...(x.dport !== undefined ? { dport: x.dport } : {}),
      direction, data: x.data, pid: ip.pid ?? -1,
      directorIn: received && direction === 'request', directorOut: received && direction === 'reply', bytes: ipLength(ip),
    });
  }
  return hops;
}
