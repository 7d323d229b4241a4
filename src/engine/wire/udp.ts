/**
 * UDP datagrams (RFC 768): ports, length, checksum over the IPv4 pseudo-header. A computed
 * checksum of 0 goes out as 0xffff, because 0 on the wire means "no checksum" (and is accepted).
 */
import { err, ok, type Result } from '../addr/result';
import { IPPROTO_UDP, type UdpRepr } from './repr';
import { checksumError, internetChecksum, pseudoHeaderSum, rangeError, readText, writeText, type PseudoHeader } from './checksum';

export const UDP_HEADER_LEN = 8;

export function udpLen(repr: UdpRepr): number {
  return UDP_HEADER_LEN + repr.data.length;
}

export function emitUdp(repr: UdpRepr, view: DataView, offset: number, ph: PseudoHeader): void {
  const len = udpLen(repr);
  view.setUint16(offset, repr.sport);
  view.setUint16(offset + 2, repr.dport);
  view.setUint16(offset + 4, len);
  view.setUint16(offset + 6, 0);
  writeText(view, offset + UDP_HEADER_LEN, repr.data);
  const sum = internetChecksum(view, offset, len, pseudoHeaderSum(ph, IPPROTO_UDP, len));
  view.setUint16(offset + 6, sum === 0 ? 0xffff : sum);
}

/**
 * Parses `len` bytes, of which the UDP length field says how many count. With `ph` null (a
 * datagram quoted in an ICMP error, maybe cut short) the checksum is not checked.
 */
export function parseUdp(view: DataView, offset: number, len: number, ph: PseudoHeader | null): Result<UdpRepr> {
  const bad = rangeError(view, offset, len, 'UDP datagram');
  if (bad) return err(bad);
  if (len < UDP_HEADER_LEN) return err(`UDP datagram truncated: ${len} bytes, the header needs ${UDP_HEADER_LEN}`);
  const udpLength = view.getUint16(offset + 4);
  if (udpLength < UDP_HEADER_LEN) return err(`UDP length field ${udpLength} is shorter than the ${UDP_HEADER_LEN}-byte header`);
  if (ph && udpLength > len) return err(`UDP length field ${udpLength} exceeds the ${len} bytes the IP packet carries`);
  const kept = Math.min(udpLength, len);
  if (ph && view.getUint16(offset + 6) !== 0) {
    const badSum = checksumError(view, offset, kept, offset + 6, pseudoHeaderSum(ph, IPPROTO_UDP, kept), 'UDP');
    if (badSum) return err(badSum);
  }
  return ok({
    proto: 'udp',
    sport: view.getUint16(offset),
    dport: view.getUint16(offset + 2),
    data: readText(view, offset + UDP_HEADER_LEN, kept - UDP_HEADER_LEN),
  });
}
