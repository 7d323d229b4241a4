/**
 * ip_rcv → ip_route_input_slow → local delivery or ip_forward (net/ipv4/route.c, ip_input.c,
 * ip_forward.c). IPVS sits where netfilter's hooks are: LOCAL_IN after the routing decision says
 * "local", FORWARD after the TTL is decremented.
 */
import { formatIpv4, isMartianSource } from '../addr/ipv4';
import type { Iface } from '../host/iface';
import { ICMP_DEST_UNREACH, ICMP_REDIRECT, ICMP_TIME_EXCEEDED, REDIRECT_HOST, UNREACH_NET, icmpSendError } from '../host/icmp';
import { localDeliver } from '../host/deliver';
import type { Host, World } from '../sim/world';
import { withTtl, type Ipv4Repr } from '../wire/repr';
import { checkSource } from './validate-source';
import { isBroadcastOn } from './broadcast';
import { ipOutputRoute } from './output';
import { redirectAllowed, redirectGateway, wantsRedirect } from './redirect';
import type { Route } from './table';
import type { Detail, Params } from '../sim/trace';

export function ipRcv(w: World, host: Host, dev: Iface, ip: Ipv4Repr, conn: number): void {
  if (isMartianSource(ip.src)) {
    w.trace.drop(w.now, host.id, 'martian-source', { ip }, conn, { src: formatIpv4(ip.src), dev: dev.name }, 'drop.martian-source.bogus');
    return;
  }
  const route = host.routes.lookup(ip.dst);
  const { rpFilter, acceptLocal } = dev.conf;

  if (route?.type === 'local') {
    // Looped back to ourselves: the skb keeps its output route, so ip_rcv_finish makes no input
    // lookup and fib_validate_source never runs (`curl http://<own address>/` works).
    if (dev.kind !== 'loopback') {
      const v = checkSource(host.routes, ip.src, dev, rpFilter, acceptLocal, undefined, undefined, host.ownAddrs);
      if (!v.ok) {
        w.trace.drop(w.now, host.id, v.reason, { ip }, conn, { src: formatIpv4(ip.src), dev: dev.name, rpFilter, acceptLocal: acceptLocal ? 1 : 0 }, `drop.${v.reason}.${v.detail}`);
        return;
      }
    }
    if (host.director?.localIn(w, host, dev, ip, conn)) return;
    localDeliver(w, host, dev, ip, conn);
    return;
  }
  // To a broadcast address of the arrival interface (a directed broadcast, `ping -b`): taken as
  // for this host, never forwarded; an ICMP echo to it is ignored (icmp_echo_ignore_broadcasts=1).
  if (isBroadcastOn(dev, ip.dst)) return;
  if (!dev.conf.forwarding) {
    // Not ours and not a router: ip_error drops it without an ICMP.
    w.trace.drop(w.now, host.id, 'not-local-address', { ip }, conn, { dst: formatIpv4(ip.dst), dev: dev.name });
    return;
  }
  if (!route) {
    w.trace.drop(w.now, host.id, 'no-route', { ip }, conn, { dst: formatIpv4(ip.dst) });
    icmpSendError(w, host, ip, ICMP_DEST_UNREACH, UNREACH_NET, conn);
    return;
  }
  const v = checkSource(host.routes, ip.src, dev, rpFilter, acceptLocal, route.dev, dev.conf.sendRedirects, host.ownAddrs);
  if (!v.ok) {
    w.trace.drop(w.now, host.id, v.reason, { ip }, conn, { src: formatIpv4(ip.src), dev: dev.name, rpFilter, acceptLocal: acceptLocal ? 1 : 0 }, `drop.${v.reason}.${v.detail}`);
    return;
  }
  if (ip.ttl <= 1) {
    w.trace.drop(w.now, host.id, 'ttl-exceeded', { ip }, conn, { ttl: ip.ttl });
    icmpSendError(w, host, ip, ICMP_TIME_EXCEEDED, 0, conn);
    return;
  }
  // ip_forward: after the TTL is decremented, before the FORWARD hook, the redirect (if
  // __mkroute_input asked for one), quoting the packet as it will leave.
  if (wantsRedirect(host, dev, route, ip) && redirectAllowed(w, host, ip.src)) {
    icmpSendError(w, host, withTtl(ip, ip.ttl - 1), ICMP_REDIRECT, REDIRECT_HOST, conn, { gateway: redirectGateway(route, ip) });
  }
  // With IPVS, its FORWARD hook makes the one copy (decremented TTL, and any SNAT).
  const out = host.director ? host.director.forward(w, host, ip, ip.ttl - 1, conn) : withTtl(ip, ip.ttl - 1);
  if (w.trace.retain) {
    const n = forwardNote(route, out);
    w.trace.action(w.now, host.id, 'forward', n.detail, conn, n.params);
  }
  // After an SNAT the route still holds: the destination did not change.
  ipOutputRoute(w, host, route, out, conn);
}

interface ForwardNote {
  readonly detail: Detail;
  readonly params: Params;
}

/**
 * The forward action's detail and params, made once per (route, destination, TTL): a routed
 * flow repeats them on every packet, and a retained trace would otherwise keep a copy of the
 * same strings per hop. The records are frozen, as every event that shares them reads them only.
 */
const FORWARD_NOTES = new WeakMap<Route, Map<number, ForwardNote>>();
function forwardNote(route: Route, out: Ipv4Repr): ForwardNote {
  let byDst = FORWARD_NOTES.get(route);
  if (!byDst) FORWARD_NOTES.set(route, (byDst = new Map()));
  const key = out.dst * 256 + out.ttl;
  let n = byDst.get(key);
  if (!n) {
    const dst = formatIpv4(out.dst);
    n = {
      detail: Object.freeze({ dst, via: route.via !== undefined ? formatIpv4(route.via) : 'direct', dev: route.dev.name, ttl: out.ttl }),
      params: Object.freeze({ dst, dev: route.dev.name, ttl: out.ttl }),
    };
    byDst.set(key, n);
  }
  return n;
}
