/**
 * Source address selection for packets a host sends itself: the route's preferred source, else
 * inet_select_addr(dev, gateway-or-destination, scope) from net/ipv4/devinet.c: the first primary
 * address on the device in the target's subnet, else the device's first primary, else the first
 * primary of any device (lo first).
 */
import type { Ipv4 } from '../addr/ipv4';
import { ifaMatch, type Iface } from '../host/iface';
import type { Route } from './table';

export function inetSelectAddr(dev: Iface, target: Ipv4 | 0, scope: number, allIfaces: readonly Iface[]): Ipv4 | undefined {
  let addr: Ipv4 | undefined;
  for (const ifa of dev.addrs) {
    if (ifa.secondary || ifa.scope > scope) continue;
    if (target === 0 || ifaMatch(target, ifa)) return ifa.addr;
    if (addr === undefined) addr = ifa.addr;
  }
  if (addr !== undefined) return addr;
  for (const other of allIfaces) {
    for (const ifa of other.addrs) if (!ifa.secondary && ifa.scope <= scope) return ifa.addr;
  }
  return undefined;
}

/** The source a locally originated packet to `dst` gets over `route` (fib_result_prefsrc). */
export function selectSource(route: Route, dst: Ipv4, allIfaces: readonly Iface[]): Ipv4 | undefined {
  if (route.src !== undefined) return route.src;
  return inetSelectAddr(route.dev, route.via ?? dst, route.scope, allIfaces);
}
