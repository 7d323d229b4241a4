/**
 * The meaning of each header the simulator moves (smoltcp's `Repr`): plain immutable records.
 * A hop that changes a header makes a new record, so a retained trace keeps every hop as it was.
 * Byte encodings live beside each protocol (ethernet.ts, ipv4.ts, …) for checksums and pcapng.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { Mac } from '../addr/mac';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;

export const IPPROTO_ICMP = 1;
export const IPPROTO_IPIP = 4;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** TCP flag bits as on the wire. */
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

export interface TcpRepr {
  readonly proto: 'tcp';
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window: number;
  /** Payload as ASCII text (HTTP-like); its length is the payload length. */
  readonly data: string;
  /** Timestamps (tcp_timestamps=1): on every segment of a connection that agreed to them. */
  readonly ts?: TcpTimestamps | undefined;
  /** MSS option, sent on SYN and SYN-ACK only. */
  readonly mss?: number | undefined;
  /** SACK permitted (SYN and SYN-ACK), as Linux offers by default (tcp_sack=1). */
  readonly sackPerm?: boolean | undefined;
  /** Window-scale shift (SYN and SYN-ACK; tcp_window_scaling=1). */
  readonly wscale?: number | undefined;
}

export interface TcpTimestamps {
  readonly val: number;
  readonly ecr: number;
}

/**
 * A TCP segment as the engine makes it: every segment it builds comes from here or tcpWith, so
 * all share one key order with every option key present (undefined when absent). V8 then gives
 * them one hidden class, and the reads on every hop (ports, flags, seq) stay monomorphic.
 */
export function tcpRepr(
  sport: number, dport: number, seq: number, ack: number, flags: number, wnd: number, data: string,
  ts?: TcpTimestamps, mss?: number, sackPerm?: boolean, wscale?: number,
): TcpRepr {
  return { proto: 'tcp', sport, dport, seq, ack, flags, window: wnd, data, ts, mss, sackPerm, wscale };
}

/** The same segment with other ports and acknowledgment number (NAT rewrites, a retransmission). */
export function tcpWith(p: TcpRepr, sport: number, dport: number, ack: number): TcpRepr {
  return { proto: 'tcp', sport, dport, seq: p.seq, ack, flags: p.flags, window: p.window, data: p.data, ts: p.ts, mss: p.mss, sackPerm: p.sackPerm, wscale: p.wscale };
}

export interface UdpRepr {
  readonly proto: 'udp';
  readonly sport: number;
  readonly dport: number;
  readonly data: string;
}

export interface IcmpRepr {
  readonly proto: 'icmp';
  readonly type: number;
  readonly code: number;
  /** Echo: identifier and sequence number. */
  readonly ident?: number;
  readonly seqNo?: number;
  /** Errors (unreachable, time exceeded, redirect): the offending datagram, quoted. */
  readonly quote?: Ipv4Repr;
  /** Redirect: the better next hop for the quoted datagram's destination (the header's second word). */
  readonly gateway?: Ipv4;
  readonly data?: string;
}

/** IP-in-IP (protocol 4): the payload is a whole inner IPv4 packet. */
export interface IpipRepr {
  readonly proto: 'ipip';
  readonly inner: Ipv4Repr;
}

export type Ipv4Payload = TcpRepr | UdpRepr | IcmpRepr | IpipRepr;

export interface Ipv4Repr {
  readonly src: Ipv4;
  readonly dst: Ipv4;
  readonly ttl: number;
  readonly id: number;
  readonly df: boolean;
  /** DSCP/ECN byte; 0 in everything the course draws. */
  readonly tos: number;
  readonly payload: Ipv4Payload;
  /**
   * Simulator bookkeeping, never on the wire: the packet's identity from hop to hop, kept
   * through TTL changes, NAT rewrites and IP-in-IP wrapping, so a view can follow one packet.
   */
  readonly pid?: number | undefined;
}

export interface ArpRepr {
  readonly op: 'request' | 'reply';
  readonly senderMac: Mac;
  readonly senderIp: Ipv4;
  readonly targetMac: Mac;
  readonly targetIp: Ipv4;
}

export interface EthernetRepr {
  readonly src: Mac;
  readonly dst: Mac;
}

/**
 * The same packet with new addresses, TTL and payload, as NAT and forwarding rewrite it: one
 * copy (a literal, not a spread: this runs for every routed hop), its identity `pid` kept.
 */
export function ipRewrite(ip: Ipv4Repr, src: Ipv4, dst: Ipv4, ttl: number, payload: Ipv4Payload): Ipv4Repr {
  return ip.pid === undefined
    ? { src, dst, ttl, id: ip.id, df: ip.df, tos: ip.tos, payload }
    : { src, dst, ttl, id: ip.id, df: ip.df, tos: ip.tos, payload, pid: ip.pid };
}

/** The same packet with another TTL. */
export function withTtl(ip: Ipv4Repr, ttl: number): Ipv4Repr {
  return ipRewrite(ip, ip.src, ip.dst, ttl, ip.payload);
}

/** A TCP segment or UDP datagram with other ports (NAT); the record itself when they stay. */
export function withPorts<P extends TcpRepr | UdpRepr>(p: P, sport: number, dport: number): P {
  if (p.sport === sport && p.dport === dport) return p;
  return (p.proto === 'tcp' ? tcpWith(p, sport, dport, p.ack) : { ...p, sport, dport }) as P;
}

/** One frame on one segment: Ethernet with either ARP or IPv4 inside. */
export type Frame =
  | { readonly eth: EthernetRepr; readonly type: 'arp'; readonly arp: ArpRepr }
  | { readonly eth: EthernetRepr; readonly type: 'ipv4'; readonly ip: Ipv4Repr };

export function protoNumber(p: Ipv4Payload['proto']): number {
  switch (p) {
    case 'tcp':
      return IPPROTO_TCP;
    case 'udp':
      return IPPROTO_UDP;
    case 'icmp':
      return IPPROTO_ICMP;
    case 'ipip':
      return IPPROTO_IPIP;
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** In Wireshark's order: [SYN, ACK], [FIN, PSH, ACK], [RST, ACK]. */
export const TCP_FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [TCP_FIN, 'FIN'],
  [TCP_SYN, 'SYN'],
  [TCP_RST, 'RST'],
  [TCP_PSH, 'PSH'],
  [TCP_ACK, 'ACK'],
];

export function tcpFlagList(flags: number): string[] {
  const out: string[] = [];
  for (const [bit, name] of TCP_FLAG_NAMES) if (flags & bit) out.push(name);
  return out;
}
