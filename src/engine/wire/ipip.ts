/**
 * IP-in-IP (RFC 2003, protocol 4; Linux's ipip module behind tunl0): the payload is a whole
 * inner IPv4 packet, nothing more. ipv4.ts dispatches here and this file encodes IPv4, so the
 * two import each other; only functions cross, called after both modules have loaded.
 */
import { err, ok, type Result } from '../addr/result';
import type { IpipRepr } from './repr';
import { emitIpv4, ipv4Len, parseIpv4, parseQuotedIpv4 } from './ipv4';

export function ipipLen(repr: IpipRepr): number {
  return ipv4Len(repr.inner);
}

export function emitIpip(repr: IpipRepr, view: DataView, offset: number): void {
  emitIpv4(repr.inner, view, offset);
}

/** `quoted`: the outer packet sits in an ICMP error, so the inner one may be cut short. */
export function parseIpip(view: DataView, offset: number, len: number, quoted: boolean): Result<IpipRepr> {
  const inner = quoted ? parseQuotedIpv4(view, offset, len) : parseIpv4(view, offset, len);
  if (!inner.ok) return err(`inner packet of IP-in-IP: ${inner.error}`);
  return ok({ proto: 'ipip', inner: inner.value });
}
