/**
 * TCP segments (RFC 9293 §3.1): ports, sequence and acknowledgement numbers, data offset,
 * flags, window, checksum over the IPv4 pseudo-header, urgent pointer 0; options as Linux packs
 * them (tcp-options.ts); the payload is `data`'s bytes.
 */
import { err, ok, type Result } from '../addr/result';
import { IPPROTO_TCP, tcpRepr, type TcpRepr } from './repr';
import { checksumError, internetChecksum, pseudoHeaderSum, rangeError, readText, writeText, type PseudoHeader } from './checksum';
import { emitTcpOptions, parseTcpOptions, tcpOptionsLen } from './tcp-options';

export const TCP_HEADER_LEN = 20;
export function tcpHeaderLen(repr: TcpRepr): number {
  return TCP_HEADER_LEN + tcpOptionsLen(repr);
}

export function tcpLen(repr: TcpRepr): number {
  return tcpHeaderLen(repr) + repr.data.length;
}

/** Writes the whole segment and its checksum, which covers the pseudo-header `ph`. */
export function emitTcp(repr: TcpRepr, view: DataView, offset: number, ph: PseudoHeader): void {
  const hlen = tcpHeaderLen(repr);
  view.setUint16(offset, repr.sport);
  view.setUint16(offset + 2, repr.dport);
  view.setUint32(offset + 4, repr.seq >>> 0);
  view.setUint32(offset + 8, repr.ack >>> 0);
  view.setUint8(offset + 12, (hlen / 4) << 4);
  view.setUint8(offset + 13, repr.flags & 0xff);
  view.setUint16(offset + 14, repr.window);
  view.setUint16(offset + 16, 0);
  view.setUint16(offset + 18, 0);
  emitTcpOptions(repr, view, offset + TCP_HEADER_LEN);
  writeText(view, offset + hlen, repr.data);
  const len = hlen + repr.data.length;
  view.setUint16(offset + 16, internetChecksum(view, offset, len, pseudoHeaderSum(ph, IPPROTO_TCP, len)));
}

/**
 * Parses a segment of `len` bytes. With `ph` null (a segment quoted in an ICMP error, maybe
 * cut short) the checksum is not checked: it covers bytes that may not be there.
 */
export function parseTcp(view: DataView, offset: number, len: number, ph: PseudoHeader | null): Result<TcpRepr> {
  const bad = rangeError(view, offset, len, 'TCP segment');
  if (bad) return err(bad);
  if (len < TCP_HEADER_LEN) return err(`TCP segment truncated: ${len} bytes, the header needs ${TCP_HEADER_LEN}`);
  const hlen = (view.getUint8(offset + 12) >> 4) * 4;
  if (hlen < TCP_HEADER_LEN || hlen > len) return err(`TCP data offset ${hlen / 4} words (${hlen} bytes) does not fit a ${len}-byte segment`);
  if (ph) {
    const badSum = checksumError(view, offset, len, offset + 16, pseudoHeaderSum(ph, IPPROTO_TCP, len), 'TCP');
    if (badSum) return err(badSum);
  }
  const opts = parseTcpOptions(view, offset + TCP_HEADER_LEN, offset + hlen);
  if (!opts.ok) return opts;
  const o = opts.value;
  return ok(tcpRepr(
    view.getUint16(offset), view.getUint16(offset + 2), view.getUint32(offset + 4), view.getUint32(offset + 8),
    view.getUint8(offset + 13), view.getUint16(offset + 14), readText(view, offset + hlen, len - hlen),
    o.ts, o.mss, o.sackPerm, o.wscale,
  ));
}
