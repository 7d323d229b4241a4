/**
 * fib_validate_source() (net/ipv4/fib_frontend.c): the input checks on a packet's source address.
 * With rp_filter off the kernel only refuses a source that is one of the host's own addresses
 * (a "martian" from itself), unless accept_local is set. With rp_filter 1 (strict) the route back
 * to the source must leave by the arrival interface; with 2 (loose) any route back will do.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { Iface } from '../host/iface';
import type { RouteTable } from './table';

export type SourceVerdict =
  | { ok: true }
  | { ok: false; reason: 'martian-source' | 'rp-filter'; detail: 'own-address' | 'no-route-back' | 'wrong-interface' | 'not-unicast' };

export interface ValidateInput {
  src: Ipv4;
  arrival: Iface;
  /** Effective rp_filter for the arrival interface (max of all and the interface). */
  rpFilter: number;
  /** Effective accept_local (all OR the interface). */
  acceptLocal: boolean;
  /** The interface a forwarded packet will leave by; undefined for local delivery. */
  outDev?: Iface;
  /** send_redirects on the arrival interface (default 1). */
  sendRedirects?: boolean;
  /** inet_lookup_ifaddr_rcu: is this exactly one of the host's configured addresses? */
  isOwnAddress: (a: Ipv4) => boolean;
}

export function validateSource(routes: RouteTable, inp: ValidateInput): SourceVerdict {
  const sameDevOut = inp.outDev !== undefined && inp.outDev === inp.arrival && inp.sendRedirects !== false;
  if (inp.rpFilter === 0 && !sameDevOut) {
    if (inp.acceptLocal) return { ok: true };
    if (inp.isOwnAddress(inp.src)) return { ok: false, reason: 'martian-source', detail: 'own-address' };
    return { ok: true };
  }
  const back = routes.lookup(inp.src);
  if (!back) return inp.rpFilter ? { ok: false, reason: 'rp-filter', detail: 'no-route-back' } : { ok: true };
  if (back.type === 'local' && !inp.acceptLocal) return { ok: false, reason: 'martian-source', detail: 'own-address' };
  const devMatch = back.dev === inp.arrival || (back.type === 'local' && inp.arrival.kind === 'loopback');
  if (devMatch) return { ok: true };
  if (inp.rpFilter === 1) return { ok: false, reason: 'rp-filter', detail: 'wrong-interface' };
  return { ok: true };
}
