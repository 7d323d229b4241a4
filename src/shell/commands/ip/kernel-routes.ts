/**
 * The routes `ip route show` dumps, as the kernel holds them: the main table from the engine
 * (connected routes and static ones whose device is up), and the local table as fib_add_ifaddr
 * fills it for each address (a `local` route for the address, a `broadcast` route for an
 * explicit brd and, for a primary shorter than /31, for its subnet's broadcast; a loopback
 * primary's whole prefix as `local`), each with the subnet's primary as source. A device
 * that is down keeps its local routes but not its broadcast ones (the oracle's lo down). Both are in
 * the FIB trie's order: by destination, then longer prefixes first, then creation.
 */
import { broadcastOf, networkOf, type Host, type Iface, type Ipv4 } from '../../../engine';

export type RouteType = 'unicast' | 'local' | 'broadcast';

export interface KernelRoute {
  readonly table: 'main' | 'local';
  readonly type: RouteType;
  readonly dst: Ipv4;
  readonly len: number;
  readonly via?: Ipv4 | undefined;
  readonly dev: Iface;
  readonly proto: 'kernel' | 'boot';
  /** RT_SCOPE_*: 0 universe, 253 link, 254 host. */
  readonly scope: number;
  readonly src?: Ipv4 | undefined;
  /** The device has no carrier (RTNH_F_LINKDOWN). */
  readonly linkdown: boolean;
}

function trieOrder(a: KernelRoute, b: KernelRoute): number {
  return a.dst - b.dst || b.len - a.len;
}

function linkdown(dev: Iface): boolean {
  return dev.kind === 'ether' && dev.port === undefined;
}

export function mainRoutes(host: Host): KernelRoute[] {
  return host.routes.main.map((r): KernelRoute => ({
    table: 'main', type: 'unicast', dst: r.dst, len: r.len, via: r.via, dev: r.dev,
    proto: r.proto === 'kernel' ? 'kernel' : 'boot', scope: r.scope, src: r.src, linkdown: linkdown(r.dev),
  })).sort(trieOrder);
}

export function localRoutes(host: Host): KernelRoute[] {
  const out: KernelRoute[] = [];
  const add = (type: RouteType, dst: Ipv4, len: number, dev: Iface, src: Ipv4): void => {
    if (out.some((r) => r.type === type && r.dst === dst && r.len === len && r.dev === dev)) return;
    out.push({ table: 'local', type, dst, len, dev, proto: 'kernel', scope: type === 'local' ? 254 : 253, src, linkdown: false });
  };
  for (const dev of host.ifaces) {
    for (const a of dev.addrs) {
      const primary = a.secondary
        ? dev.addrs.find((p) => !p.secondary && p.len === a.len && networkOf(p.addr, p.len) === networkOf(a.addr, a.len)) ?? a
        : a;
      add('local', a.addr, 32, dev, primary.addr);
      const prefixRoute = !a.secondary && !(networkOf(a.addr, a.len) === a.addr && a.len === 32);
      if (prefixRoute && dev.kind === 'loopback') add('local', networkOf(a.addr, a.len), a.len, dev, primary.addr);
      // A device going down takes its broadcast routes; its local ones stay (as the oracle shows).
      if (!dev.up) continue;
      if (a.brd !== undefined && a.brd !== 0xffffffff) add('broadcast', a.brd, 32, dev, primary.addr);
      if (prefixRoute && a.len < 31) add('broadcast', broadcastOf(a.addr, a.len), 32, dev, primary.addr);
    }
  }
  return out.sort(trieOrder);
}
