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

// Verdicts are immutable and few: shared, so the per-packet check allocates nothing.
const OK: SourceVerdict = Object.freeze({ ok: true });
const OWN: SourceVerdict = Object.freeze({ ok: false, reason: 'martian-source', detail: 'own-address' });
const NO_ROUTE_BACK: SourceVerdict = Object.freeze({ ok: false, reason: 'rp-filter', detail: 'no-route-back' });
const WRONG_IF: SourceVerdict = Object.freeze({ ok: false, reason: 'rp-filter', detail: 'wrong-interface' });

export function validateSource(routes: RouteTable, inp: ValidateInput): SourceVerdict {
  return checkSource(routes, inp.src, inp.arrival, inp.rpFilter, inp.acceptLocal, inp.outDev, inp.sendRedirects, { has: inp.isOwnAddress });
}

/** validateSource with its input spelled out (ip_rcv calls it once per packet with the host's address set). */
export function checkSource(
  routes: RouteTable, src: Ipv4, arrival: Iface, rpFilter: number, acceptLocal: boolean,
  outDev: Iface | undefined, sendRedirects: boolean | undefined, own: { has(a: Ipv4): boolean },
): SourceVerdict {
  const sameDevOut = outDev !== undefined && outDev === arrival && sendRedirects !== false;
  if (rpFilter === 0 && !sameDevOut) {
    if (acceptLocal) return OK;
    if (own.has(src)) return OWN;
    return OK;
  }
  const back = routes.lookup(src);
  if (!back) return rpFilter ? NO_ROUTE_BACK : OK;
  if (back.type === 'local' && !acceptLocal) return OWN;
  const devMatch = back.dev === arrival || (back.type === 'local' && arrival.kind === 'loopback');
  if (devMatch) return OK;
  if (rpFilter === 1) return WRONG_IF;
  return OK;
}
