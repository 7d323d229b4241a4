/**
 * ICMP redirects (net/ipv4/route.c). Sending: a router forwarding a packet back out of the
 * interface it came in on, for a sender on that interface's own subnet, tells the sender the
 * better next hop (__mkroute_input sets IPSKB_DOREDIRECT, ip_forward calls ip_rt_send_redirect),
 * rate-limited per sender (inet_peer: the first at once, then after 20 ms << n, at most 9, and
 * counting again after 20.48 s of silence). Receiving (__ip_do_redirect): a host that accepts
 * redirects on the interface (accept_redirects; a forwarding interface needs all and its own)
 * learns a next-hop exception for the destination, valid 300 s (ip_rt_gc_timeout), if the
 * redirect came from the gateway it used and the new gateway's address is already resolved;
 * otherwise it only starts resolving it.
 */
import { isMulticast, type Ipv4 } from '../addr/ipv4';
import type { Iface } from '../host/iface';
import type { Host, World } from '../sim/world';
import type { IcmpRepr, Ipv4Repr } from '../wire/repr';
import type { Route } from './table';
import { stateAt } from '../arp/neigh-table';
import { isBroadcastOn } from './broadcast';

/** ip_rt_redirect_load (HZ/50), ip_rt_redirect_number, ip_rt_redirect_silence ((HZ/50) << 10). */
const REDIRECT_LOAD_MS = 20;
const REDIRECT_NUMBER = 9;
const REDIRECT_SILENCE_MS = REDIRECT_LOAD_MS << (REDIRECT_NUMBER + 1);
/** ip_rt_gc_timeout: how long a learned exception lasts. */
export const REDIRECT_EXPIRES_MS = 300_000;

interface Peer {
  rateLast: number;
  count: number;
}

/** A next-hop exception learned from a redirect (fib_nh_exception). */
export interface RedirectException {
  readonly gw: Ipv4;
  readonly dev: Iface;
  readonly expires: number;
}

const PEERS = new WeakMap<Host, Map<number, Peer>>();
const EXCEPTIONS = new WeakMap<Host, Map<number, RedirectException>>();

/**
 * Whether forwarding `ip` (arrived on `dev`, leaving by `route`) calls for a redirect: same
 * interface, send_redirects, and a source the arrival interface reaches directly
 * (__fib_validate_source's result 1: the route back has no gateway).
 */
export function wantsRedirect(host: Host, dev: Iface, route: Route, ip: Ipv4Repr): boolean {
  if (route.dev !== dev || !dev.conf.sendRedirects) return false;
  const back = host.routes.lookup(ip.src);
  return back !== undefined && back.type !== 'local' && back.dev === dev && back.via === undefined;
}

/** ip_rt_send_redirect's rate limit for one sender: true when a redirect may go now. */
export function redirectAllowed(w: World, host: Host, sender: Ipv4): boolean {
  let peers = PEERS.get(host);
  if (!peers) PEERS.set(host, (peers = new Map()));
  let p = peers.get(sender);
  if (!p) peers.set(sender, (p = { rateLast: w.now, count: 0 }));
  if (w.now > p.rateLast + REDIRECT_SILENCE_MS) p.count = 0;
  if (p.count >= REDIRECT_NUMBER) {
    p.rateLast = w.now;
    return false;
  }
  if (p.count === 0 || w.now > p.rateLast + (REDIRECT_LOAD_MS << p.count)) {
    p.rateLast = w.now;
    p.count++;
    return true;
  }
  return false;
}

/** The redirect's new gateway: the route's next hop for the destination (rt_nexthop). */
export function redirectGateway(route: Route, ip: Ipv4Repr): Ipv4 {
  return route.via ?? ip.dst;
}

/** The next hop a learned exception gives `dst` over `route`, if one is still valid. */
export function redirectedVia(w: World, host: Host, route: Route, dst: Ipv4): Ipv4 | undefined {
  const e = EXCEPTIONS.get(host)?.get(dst);
  if (!e) return undefined;
  if (w.now >= e.expires) {
    EXCEPTIONS.get(host)?.delete(dst);
    return undefined;
  }
  return e.dev === route.dev ? e.gw : undefined;
}

/** The exception for `dst` at `now`, for `ip route get` (undefined when none or expired). */
export function redirectException(host: Host, dst: Ipv4, now: number): RedirectException | undefined {
  const e = EXCEPTIONS.get(host)?.get(dst);
  return e && now < e.expires ? e : undefined;
}

/**
 * __ip_do_redirect for a redirect from `from` arriving on `dev`, quoting one of our packets.
 * Returns what came of it, for the trace. `resolve` starts resolving the new gateway.
 */
export function acceptRedirect(
  w: World, host: Host, dev: Iface, from: Ipv4, icmp: IcmpRepr, resolve: (gw: Ipv4, route: Route) => void,
): 'learned' | 'resolving' | 'ignored' {
  const q = icmp.quote;
  const gw = icmp.gateway;
  if (!q || gw === undefined || icmp.code > 3) return 'ignored';
  const route = host.routes.lookup(q.dst);
  // Only from the gateway our route to that destination uses.
  if (!route || route.type === 'local' || (redirectedVia(w, host, route, q.dst) ?? route.via) !== from) return 'ignored';
  if (gw === from || !dev.conf.acceptRedirects || isMulticast(gw) || gw === 0xffffffff || gw >>> 24 === 0) return 'ignored';
  // shared_media (default 1): the new gateway need only be a unicast address.
  const gwRoute = host.routes.lookup(gw);
  if (!gwRoute || gwRoute.type === 'local' || isBroadcastOn(route.dev, gw)) return 'ignored';
  const n = host.neigh.get(route.dev.index, gw);
  const state = n ? stateAt(n, w.now) : undefined;
  const valid = n !== undefined && n.mac !== null && state !== undefined && state !== 'INCOMPLETE' && state !== 'FAILED';
  if (!valid) {
    resolve(gw, route);
    return 'resolving';
  }
  let ex = EXCEPTIONS.get(host);
  if (!ex) EXCEPTIONS.set(host, (ex = new Map()));
  ex.set(q.dst, { gw, dev: route.dev, expires: w.now + REDIRECT_EXPIRES_MS });
  return 'learned';
}
