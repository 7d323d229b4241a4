/**
 * The routing tables of one host, as `ip route show table all` has them: "local" (one entry per
 * local address, looked up first) and "main" (connected prefixes from addresses, then static
 * routes). Lookup is longest-prefix match; tables are small, so a scan in prefix order is enough,
 * with a per-destination cache because the same few destinations repeat on the hot path.
 */
import { AddrMap } from '../addr/addr-map';
import type { Ipv4 } from '../addr/ipv4';
import { inPrefix, networkOf } from '../addr/cidr';
import { SCOPE_GLOBAL, SCOPE_HOST, SCOPE_LINK, type Iface } from '../host/iface';

export type RouteType = 'unicast' | 'local';

export interface Route {
  readonly dst: Ipv4;
  readonly len: number;
  readonly via?: Ipv4 | undefined;
  readonly dev: Iface;
  /** Preferred source (connected routes get the interface address, as fib_add_ifaddr does). */
  readonly src?: Ipv4 | undefined;
  readonly proto: 'kernel' | 'static';
  readonly scope: number;
  readonly type: RouteType;
  readonly table: 'main' | 'local';
}

export interface StaticRoute {
  readonly dst: Ipv4;
  readonly len: number;
  readonly via?: Ipv4;
  /** Explicit device (ip route … dev X); else the one whose connected route reaches `via`. */
  readonly devName?: string;
  readonly src?: Ipv4;
}

/** Every route made the same way (all keys, one order): one hidden class for the per-packet reads. */
function route(dst: Ipv4, len: number, via: Ipv4 | undefined, dev: Iface, src: Ipv4 | undefined, proto: Route['proto'], scope: number, type: RouteType, table: Route['table']): Route {
  return { dst, len, via, dev, src, proto, scope, type, table };
}

export class RouteTable {
  local: Route[] = [];
  main: Route[] = [];
  private readonly cache = new AddrMap<Route | null>();
  // Recent answers, checked before the Map: a host's packets go to a few destinations (a
  // director: the VIP, the client, each real server). Slot `next` is replaced next. NaN: empty.
  private readonly recentDst: number[] = [NaN, NaN, NaN, NaN];
  private readonly recentRoute: Array<Route | undefined> = [undefined, undefined, undefined, undefined];
  private next = 0;

  /** Rebuilds both tables from the interfaces and the static routes (after any config change). */
  rebuild(ifaces: readonly Iface[], statics: readonly StaticRoute[]): string[] {
    const problems: string[] = [];
    this.cache.clear();
    this.recentDst.fill(NaN);
    this.local = [];
    const connected: Route[] = [];
    for (const dev of ifaces) {
      for (const a of dev.addrs) {
        // fib_add_ifaddr: on a loopback device the whole prefix is local, not just the address
        // (so a VIP put on lo:0 as /24 swallows its subnet: the classic LVS-DR mistake).
        const isLoNet = dev.kind === 'loopback';
        this.local.push(route(isLoNet ? networkOf(a.addr, a.len) : a.addr, isLoNet ? a.len : 32, undefined, dev, a.addr, 'kernel', SCOPE_HOST, 'local', 'local'));
        if (!dev.up || a.secondary || a.len === 32 || dev.kind === 'loopback') continue;
        connected.push(route(networkOf(a.addr, a.len), a.len, undefined, dev, a.addr, 'kernel', SCOPE_LINK, 'unicast', 'main'));
      }
    }
    const statics2: Route[] = [];
    for (const s of statics) {
      let dev: Iface | undefined;
      if (s.devName !== undefined) dev = ifaces.find((i) => i.name === s.devName);
      else if (s.via !== undefined) {
        const via = s.via;
        dev = connected.find((r) => inPrefix(via, r.dst, r.len))?.dev;
      }
      if (!dev) {
        problems.push(s.via !== undefined ? 'gateway-unreachable' : 'no-device');
        continue;
      }
      if (!dev.up) continue;
      statics2.push(route(s.dst, s.len, s.via, dev, s.src, 'static', s.via !== undefined ? SCOPE_GLOBAL : SCOPE_LINK, 'unicast', 'main'));
    }
    // Longest prefix first; among equals, connected before static (kernel routes are added first).
    this.main = [...connected, ...statics2].sort((a, b) => b.len - a.len);
    this.local.sort((a, b) => b.len - a.len);
    return problems;
  }

  /** fib_lookup: the local table first, then main. */
  lookup(dst: Ipv4): Route | undefined {
    const recent = this.recentDst;
    for (let i = 0; i < 4; i++) if (recent[i] === dst) return this.recentRoute[i];
    let found: Route | undefined;
    const hit = this.cache.get(dst);
    if (hit !== undefined) found = hit ?? undefined;
    else {
      for (const r of this.local) if (inPrefix(dst, r.dst, r.len)) { found = r; break; }
      if (!found) for (const r of this.main) if (inPrefix(dst, r.dst, r.len)) { found = r; break; }
      this.cache.set(dst, found ?? null);
    }
    const i = this.next;
    recent[i] = dst;
    this.recentRoute[i] = found;
    this.next = (i + 1) & 3;
    return found;
  }

  isLocal(a: Ipv4): boolean {
    return this.lookup(a)?.type === 'local';
  }
}
