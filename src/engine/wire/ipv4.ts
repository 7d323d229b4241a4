/**
 * IPv4 packets (RFC 791): a 20-byte header without options (version 4, IHL 5, TOS, total
 * length, identification, DF, TTL, protocol, header checksum, addresses) and the payload
 * its protocol names. Fragments are refused: nothing in the course fragments.
 */
import { err, ok, type Result } from '../addr/result';
import { ipv4FromU32 } from '../addr/ipv4';
import { IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP, protoNumber, type Ipv4Payload, type Ipv4Repr } from './repr';
import { checksumError, internetChecksum, rangeError, type PseudoHeader } from './checksum';
import { emitTcp, parseTcp, tcpLen } from './tcp';
import { emitUdp, parseUdp, udpLen } from './udp';
import { emitIcmp, icmpLen, parseIcmp } from './icmp';
import { emitIpip, ipipLen, parseIpip } from './ipip';

export const IPV4_HEADER_LEN = 20;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const FRAG_OFFSET_MASK = 0x1fff;

export function payloadLen(p: Ipv4Payload): number {
  switch (p.proto) {
    case 'tcp':
      return tcpLen(p);
    case 'udp':
      return udpLen(p);
    case 'icmp':
      return icmpLen(p);
    case 'ipip':
      return ipipLen(p);
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** Header and payload; callers keep packets within 65535 bytes (the course's are tiny). */
export function ipv4Len(repr: Ipv4Repr): number {
  return IPV4_HEADER_LEN + payloadLen(repr.payload);
}

export function emitIpv4(repr: Ipv4Repr, view: DataView, offset: number): void {
  const total = ipv4Len(repr);
  view.setUint8(offset, 0x45);
  view.setUint8(offset + 1, repr.tos);
  view.setUint16(offset + 2, total);
  view.setUint16(offset + 4, repr.id);
  view.setUint16(offset + 6, repr.df ? FLAG_DF : 0);
  view.setUint8(offset + 8, repr.ttl);
  view.setUint8(offset + 9, protoNumber(repr.payload.proto));
  view.setUint16(offset + 10, 0);
  view.setUint32(offset + 12, repr.src);
  view.setUint32(offset + 16, repr.dst);
  view.setUint16(offset + 10, internetChecksum(view, offset, IPV4_HEADER_LEN));
  emitPayload(repr, view, offset + IPV4_HEADER_LEN);
}

function emitPayload(repr: Ipv4Repr, view: DataView, offset: number): void {
  const p = repr.payload;
  switch (p.proto) {
    case 'tcp':
      return emitTcp(p, view, offset, repr);
    case 'udp':
      return emitUdp(p, view, offset, repr);
    case 'icmp':
      return emitIcmp(p, view, offset);
    case 'ipip':
      return emitIpip(p, view, offset);
    default: {
      const never: never = p;
      return never;
    }
  }
}

export function encodeIpv4(repr: Ipv4Repr): Uint8Array {
  const bytes = new Uint8Array(ipv4Len(repr));
  emitIpv4(repr, new DataView(bytes.buffer), 0);
  return bytes;
}

/**
 * Parses a packet from `len` available bytes, verifying every checksum. Bytes past the
 * total length (Ethernet padding) are ignored.
 */
export function parseIpv4(view: DataView, offset: number, len: number): Result<Ipv4Repr> {
  return parsePacket(view, offset, len, false);
}

/**
 * Parses a datagram quoted in an ICMP error: it may be cut short of its total length, so only
 * the IPv4 header checksum can be checked, and a cut payload keeps the bytes that are there.
 */
export function parseQuotedIpv4(view: DataView, offset: number, len: number): Result<Ipv4Repr> {
  return parsePacket(view, offset, len, true);
}

function parsePacket(view: DataView, offset: number, len: number, quoted: boolean): Result<Ipv4Repr> {
  const bad = rangeError(view, offset, len, 'IPv4 packet');
  if (bad) return err(bad);
  if (len < IPV4_HEADER_LEN) return err(`IPv4 packet truncated: ${len} bytes, the header needs ${IPV4_HEADER_LEN}`);
  const version = view.getUint8(offset) >> 4;
  const ihl = (view.getUint8(offset) & 0x0f) * 4;
  if (version !== 4) return err(`IP version ${version} is not 4`);
  if (ihl < IPV4_HEADER_LEN || ihl > len) return err(`IPv4 header length ${ihl} bytes does not fit (need 20 to ${Math.min(len, 60)})`);
  const total = view.getUint16(offset + 2);
  if (total < ihl) return err(`IPv4 total length ${total} is shorter than its ${ihl}-byte header`);
  if (total > len && !quoted) return err(`IPv4 packet truncated: total length ${total}, only ${len} bytes present`);
  const badSum = checksumError(view, offset, ihl, offset + 10, 0, 'IPv4 header');
  if (badSum) return err(badSum);
  const frag = view.getUint16(offset + 6);
  if (frag & (FLAG_MF | FRAG_OFFSET_MASK)) return err(`IPv4 fragments are not supported (more-fragments ${frag & FLAG_MF ? 1 : 0}, offset ${(frag & FRAG_OFFSET_MASK) * 8})`);
  const src = ipv4FromU32(view.getUint32(offset + 12));
  const dst = ipv4FromU32(view.getUint32(offset + 16));
  const payload = parsePayload(view, offset + ihl, Math.min(total, len) - ihl, view.getUint8(offset + 9), quoted ? null : { src, dst });
  if (!payload.ok) return payload;
  return ok({
    src,
    dst,
    ttl: view.getUint8(offset + 8),
    id: view.getUint16(offset + 4),
    df: (frag & FLAG_DF) !== 0,
    tos: view.getUint8(offset + 1),
    payload: payload.value,
  });
}

/** `ph` is null for a quoted datagram: its checksums are not checked and it may be cut short. */
function parsePayload(view: DataView, offset: number, len: number, protocol: number, ph: PseudoHeader | null): Result<Ipv4Payload> {
  switch (protocol) {
    case IPPROTO_TCP:
      return parseTcp(view, offset, len, ph);
    case IPPROTO_UDP:
      return parseUdp(view, offset, len, ph);
    case IPPROTO_ICMP:
      return parseIcmp(view, offset, len, ph !== null);
    case IPPROTO_IPIP:
      return parseIpip(view, offset, len, ph === null);
    default:
      return err(`IP protocol ${protocol} is not supported (only ICMP 1, IP-in-IP 4, TCP 6, UDP 17)`);
  }
}
