/**
 * ICMP (RFC 792): echo request/reply with identifier, sequence number and data; destination
 * unreachable, redirect (with its gateway) and time exceeded quoting the offending datagram. RFC 792 asks for its header
 * and first 8 payload bytes at least; like Linux (icmp_send) and RFC 1812 §4.3.2.3 we quote
 * as much as keeps the error within 576 bytes, which for the course's packets is all of it.
 *
 * ipv4.ts dispatches to this file and this file quotes whole IPv4 packets, so the two import
 * each other; only functions cross, called after both modules have loaded.
 */
import { ipv4FromU32 } from '../addr/ipv4';
import { err, ok, type Result } from '../addr/result';
import type { IcmpRepr } from './repr';
import { checksumError, internetChecksum, rangeError, readText, writeText } from './checksum';
import { encodeIpv4, ipv4Len, parseQuotedIpv4 } from './ipv4';

export const ICMP_HEADER_LEN = 8;
export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_REDIRECT = 5;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;
/** 576 (RFC 1812's limit for an ICMP error) less the IPv4 and ICMP headers. */
export const ICMP_QUOTE_MAX_LEN = 576 - 20 - ICMP_HEADER_LEN;

export function isEcho(type: number): boolean {
  return type === ICMP_ECHO_REQUEST || type === ICMP_ECHO_REPLY;
}

export function isIcmpError(type: number): boolean {
  return type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED || type === ICMP_REDIRECT;
}

function quoteLen(repr: IcmpRepr): number {
  return repr.quote ? Math.min(ipv4Len(repr.quote), ICMP_QUOTE_MAX_LEN) : 0;
}

export function icmpLen(repr: IcmpRepr): number {
  return ICMP_HEADER_LEN + (isEcho(repr.type) ? (repr.data ?? '').length : quoteLen(repr));
}

/** Echo writes ident, seqNo and data; a redirect its gateway and the quote; every other type an unused word and the quote, if any. */
export function emitIcmp(repr: IcmpRepr, view: DataView, offset: number): void {
  view.setUint8(offset, repr.type);
  view.setUint8(offset + 1, repr.code);
  view.setUint16(offset + 2, 0);
  if (isEcho(repr.type)) {
    view.setUint16(offset + 4, repr.ident ?? 0);
    view.setUint16(offset + 6, repr.seqNo ?? 0);
    writeText(view, offset + ICMP_HEADER_LEN, repr.data ?? '');
  } else {
    view.setUint32(offset + 4, repr.type === ICMP_REDIRECT ? (repr.gateway ?? 0) : 0);
    if (repr.quote) {
      const quoted = encodeIpv4(repr.quote).subarray(0, quoteLen(repr));
      new Uint8Array(view.buffer, view.byteOffset + offset + ICMP_HEADER_LEN, quoted.length).set(quoted);
    }
  }
  view.setUint16(offset + 2, internetChecksum(view, offset, icmpLen(repr)));
}

/**
 * Parses `len` bytes. `verify` is false for a message that is itself quoted in an error and
 * may be cut short, so its checksum cannot be checked.
 */
export function parseIcmp(view: DataView, offset: number, len: number, verify: boolean): Result<IcmpRepr> {
  const bad = rangeError(view, offset, len, 'ICMP message');
  if (bad) return err(bad);
  if (len < ICMP_HEADER_LEN) return err(`ICMP message truncated: ${len} bytes, the header needs ${ICMP_HEADER_LEN}`);
  if (verify) {
    const badSum = checksumError(view, offset, len, offset + 2, 0, 'ICMP');
    if (badSum) return err(badSum);
  }
  const type = view.getUint8(offset);
  const code = view.getUint8(offset + 1);
  if (isEcho(type)) {
    return ok({
      proto: 'icmp',
      type,
      code,
      ident: view.getUint16(offset + 4),
      seqNo: view.getUint16(offset + 6),
      data: readText(view, offset + ICMP_HEADER_LEN, len - ICMP_HEADER_LEN),
    });
  }
  if (!isIcmpError(type)) return err(`ICMP type ${type} is not supported (only echo 0/8, unreachable 3, redirect 5, time exceeded 11)`);
  const gateway = type === ICMP_REDIRECT ? { gateway: ipv4FromU32(view.getUint32(offset + 4)) } : {};
  if (len === ICMP_HEADER_LEN) return ok({ proto: 'icmp', type, code, ...gateway });
  const quote = parseQuotedIpv4(view, offset + ICMP_HEADER_LEN, len - ICMP_HEADER_LEN);
  if (!quote.ok) return err(`ICMP type ${type} quotes a bad datagram: ${quote.error}`);
  return ok({ proto: 'icmp', type, code, ...gateway, quote: quote.value });
}
