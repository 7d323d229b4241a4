/**
 * Configuration changes on a running host, as the kernel applies them: addresses (with alias
 * labels and broadcast), link state, static routes, sysctls and the neighbour cache. Each
 * change is made to the live host and to its scenario spec, and the host's derived state
 * (routing tables, own-address set, per-interface sysctls) is recomputed at once.
 * Errors are errno names; the commands turn them into each tool's own message.
 */
import { formatCidr, inPrefix, networkOf } from '../addr/cidr';
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import { addIfAddr, type IfAddr, type Iface } from '../host/iface';
import { ifConf } from '../host/sysctl';
import type { Neigh } from '../arp/neigh-table';
import type { StaticRoute } from '../route/table';
import type { AddrSpec, HostSpec, IfaceSpec, RouteSpec } from '../scenario/types';
import type { Host } from '../sim/world';
import { CONF_SYSCTL_VALUES, parseSysctlName } from '../scenario/validate';
import type { LiveWorld } from './live-world';

/**
 * Whether a sysctl belongs in a scenario: one the simulator models, with a value the format
 * accepts. Others (log_martians, icmp_ratelimit, …) live on the host for the session only.
 */
export function isScenarioSysctl(name: string, value: number): boolean {
  const s = parseSysctlName(name);
  if (!s) return false;
  const allowed = s.kind === 'ip_forward' ? [0, 1] : (CONF_SYSCTL_VALUES[s.key] ?? []);
  return allowed.includes(value);
}

export type Errno = 'EEXIST' | 'EADDRNOTAVAIL' | 'ENODEV' | 'ESRCH' | 'ENETUNREACH' | 'EINVAL' | 'ENOENT';
export type ConfigResult = { ok: true } | { ok: false; errno: Errno };

const OK: ConfigResult = { ok: true };
const fail = (errno: Errno): ConfigResult => ({ ok: false, errno });

export interface AddrChange {
  readonly addr: Ipv4;
  readonly len: number;
  /** The alias label; default the device's name. */
  readonly label?: string;
  readonly brd?: Ipv4 | undefined;
}

/** After any change: the routing tables, the own-address set and each device's sysctls again. */
export function refreshHost(host: Host): void {
  host.ownAddrs.reset(host.ifaces.flatMap((i) => i.addrs.map((a) => a.addr)));
  for (const i of host.ifaces) i.conf = ifConf(host.sysctl, i.name);
  host.routes.rebuild(host.ifaces, host.statics);
}

function ifaceSpec(spec: HostSpec, name: string): IfaceSpec {
  let s = spec.interfaces.find((i) => i.name === name);
  if (!s) {
    s = { name, addrs: [] };
    spec.interfaces.push(s);
  }
  return s;
}

function addrSpec(dev: Iface, a: IfAddr): AddrSpec {
  return {
    cidr: formatCidr(a),
    ...(a.label !== dev.name ? { label: a.label } : {}),
    ...(a.brd !== undefined ? { brd: formatIpv4(a.brd) } : {}),
  };
}

/** The spec's address list in the device's order (lo's 127.0.0.1/8 is implicit in a scenario). */
function syncAddrs(live: LiveWorld, host: Host, dev: Iface): void {
  const spec = live.specOf(host.id);
  if (!spec) return;
  const is = ifaceSpec(spec, dev.name);
  is.addrs = dev.addrs.filter((a) => !(dev.kind === 'loopback' && a.addr === 0x7f000001 && a.len === 8)).map((a) => addrSpec(dev, a));
}

/** `ip addr add`: EEXIST when the device already has this address with this prefix. */
export function addAddress(live: LiveWorld, host: Host, dev: Iface, change: AddrChange): ConfigResult {
  if (dev.addrs.some((a) => a.addr === change.addr && a.len === change.len)) return fail('EEXIST');
  addIfAddr(dev, change.addr, change.len, change.label ?? dev.name, change.brd);
  refreshHost(host);
  syncAddrs(live, host, dev);
  return OK;
}

/**
 * `ip addr del`: EADDRNOTAVAIL when absent. Deleting a primary address deletes the secondaries
 * of its subnet with it (promote_secondaries is off by default).
 */
export function deleteAddress(live: LiveWorld, host: Host, dev: Iface, addr: Ipv4, len: number | undefined): ConfigResult {
  const i = dev.addrs.findIndex((a) => a.addr === addr && (len === undefined || a.len === len));
  if (i < 0) return fail('EADDRNOTAVAIL');
  const gone = dev.addrs[i] as IfAddr;
  removeAddresses(live, host, dev, (a, k) => k === i || (
    !gone.secondary && a.secondary && a.len === gone.len && networkOf(a.addr, a.len) === networkOf(gone.addr, gone.len)
  ));
  return OK;
}

/** `ip addr flush dev X`: every address of the device (lo keeps none, as the kernel does). */
export function flushAddresses(live: LiveWorld, host: Host, dev: Iface, label?: string): void {
  removeAddresses(live, host, dev, (a) => label === undefined || a.label === label);
}

/**
 * Removes addresses as the kernel's NETDEV_DOWN address event does (fib_inetaddr_event):
 * routes keep the device they were made with, routes preferring a source address the host no
 * longer has go (fib_sync_down_addr), and when the device's last address goes every route
 * through it goes too (fib_disable_ip).
 */
function removeAddresses(live: LiveWorld, host: Host, dev: Iface, doomed: (a: IfAddr, k: number) => boolean): void {
  pinRouteDevices(host);
  const removed = dev.addrs.filter((a, k) => doomed(a, k));
  dev.addrs = dev.addrs.filter((a, k) => !doomed(a, k));
  refreshHost(host);
  const keep = host.statics.filter((s) => !(
    (s.src !== undefined && removed.some((a) => a.addr === s.src) && !host.ownAddrs.has(s.src))
    || (dev.addrs.length === 0 && s.devName === dev.name)
  ));
  host.statics.splice(0, host.statics.length, ...keep);
  refreshHost(host);
  syncAddrs(live, host, dev);
  syncRoutes(live, host);
}

/** The kernel resolves a route's device when the route is made and keeps it (fib_nh.fib_nh_dev). */
function pinRouteDevices(host: Host): void {
  for (let i = 0; i < host.statics.length; i++) {
    const s = host.statics[i] as StaticRoute;
    if (s.devName !== undefined) continue;
    const dev = routeDevice(host, s);
    if (dev) host.statics[i] = { ...s, devName: dev.name };
  }
}

/** Replaces the address carrying `label` (ifconfig's SIOCSIFADDR on an alias), keeping its place. */
export function replaceLabelAddress(live: LiveWorld, host: Host, dev: Iface, label: string, change: AddrChange): void {
  const i = dev.addrs.findIndex((a) => a.label === label);
  if (i >= 0) dev.addrs = dev.addrs.filter((_, k) => k !== i);
  addIfAddr(dev, change.addr, change.len, label, change.brd);
  dropRoutesLeavingWithout(host);
  refreshHost(host);
  syncAddrs(live, host, dev);
  syncRoutes(live, host);
}

/**
 * A device whose last address went has IP disabled (fib_inetaddr_event → fib_disable_ip):
 * every route through it goes, static ones included; a new address brings back only its own.
 */
export function dropRoutesOfBareDevice(host: Host, dev: Iface): void {
  if (dev.addrs.length > 0) return;
  const keep = host.statics.filter((s) => routeDevice(host, s) !== dev);
  host.statics.splice(0, host.statics.length, ...keep);
}

/**
 * After a device's address list was edited in place (net-tools' ioctls, live/inet-ioctl.ts):
 * routes whose gateway left with an address go, then tables, the own-address set and the spec.
 */
export function addressesChanged(live: LiveWorld, host: Host, dev: Iface): void {
  dropRoutesLeavingWithout(host);
  refreshHost(host);
  syncAddrs(live, host, dev);
  syncRoutes(live, host);
}

/**
 * `ip link set DEV up|down`. Taking a device down removes every route through it, static ones
 * included (fib_sync_down_dev): bringing it up again restores only the connected routes.
 */
export function setLinkUp(live: LiveWorld, host: Host, dev: Iface, up: boolean): void {
  dev.up = up;
  if (!up) {
    const keep = host.statics.filter((s) => routeDevice(host, s) !== dev);
    host.statics.splice(0, host.statics.length, ...keep);
  }
  refreshHost(host);
  const spec = live.specOf(host.id);
  if (spec) {
    const is = ifaceSpec(spec, dev.name);
    if (up) delete is.up;
    else is.up = false;
  }
  syncRoutes(live, host);
}

/** The device a static route leaves by, as the routing table resolves it now. */
export function routeDevice(host: Host, s: StaticRoute): Iface | undefined {
  if (s.devName !== undefined) return host.ifByName.get(s.devName);
  if (s.via === undefined) return undefined;
  const via = s.via;
  return host.routes.main.find((r) => r.proto === 'kernel' && inPrefix(via, r.dst, r.len))?.dev;
}

/**
 * A gateway must be on a connected subnet when the route is added (else ENETUNREACH). Linux
 * would also take one behind a device route (`ip route add NET dev D`); a scenario's gateways
 * must be on-link (validate.ts), so here they are.
 */
function gatewayDevice(host: Host, via: Ipv4, devName: string | undefined): Iface | undefined {
  for (const r of host.routes.main) {
    if (r.proto !== 'kernel' || !inPrefix(via, r.dst, r.len)) continue;
    if (devName === undefined || r.dev.name === devName) return r.dev;
  }
  return undefined;
}

/**
 * Routes whose gateway no longer sits on a connected subnet vanish with it, and so do routes
 * whose preferred source was an address the host no longer has (fib_del_ifaddr →
 * fib_sync_down_addr: `route add -host VIP dev lo:0` goes with `ifconfig lo:0 down`).
 */
function dropRoutesLeavingWithout(host: Host): void {
  host.routes.rebuild(host.ifaces, []);
  const local = new Set(host.ifaces.flatMap((i) => i.addrs.map((a) => a.addr)));
  const keep = host.statics.filter((s) => (s.via === undefined || gatewayDevice(host, s.via, s.devName) !== undefined)
    && (s.src === undefined || local.has(s.src)));
  host.statics.splice(0, host.statics.length, ...keep);
}

function routeSpecOf(s: StaticRoute): RouteSpec {
  return {
    dst: s.len === 0 ? 'default' : formatCidr({ addr: s.dst, len: s.len }),
    ...(s.via !== undefined ? { via: formatIpv4(s.via) } : {}),
    ...(s.devName !== undefined ? { dev: s.devName } : {}),
    ...(s.src !== undefined ? { src: formatIpv4(s.src) } : {}),
  };
}

function syncRoutes(live: LiveWorld, host: Host): void {
  const spec = live.specOf(host.id);
  if (!spec) return;
  if (host.statics.length === 0) delete spec.routes;
  else spec.routes = host.statics.map(routeSpecOf);
}

export interface RouteChange {
  readonly dst: Ipv4;
  readonly len: number;
  readonly via?: Ipv4 | undefined;
  readonly devName?: string | undefined;
  readonly src?: Ipv4 | undefined;
}

function sameDestination(s: StaticRoute, r: RouteChange): boolean {
  return s.dst === r.dst && s.len === r.len;
}

function toStatic(r: RouteChange): StaticRoute {
  return {
    dst: networkOf(r.dst, r.len), len: r.len,
    ...(r.via !== undefined ? { via: r.via } : {}),
    ...(r.devName !== undefined ? { devName: r.devName } : {}),
    ...(r.src !== undefined ? { src: r.src } : {}),
  };
}

/** The route with the device its gateway resolves to now, which it keeps from then on (fib_check_nh). */
function withDevice(host: Host, r: RouteChange): RouteChange {
  if (r.devName !== undefined || r.via === undefined) return r;
  return { ...r, devName: gatewayDevice(host, r.via, undefined)?.name };
}

/** Checks a route as fib_create_info does: the device exists, the gateway is on a connected subnet. */
function checkRoute(host: Host, r: RouteChange): ConfigResult {
  if (r.devName !== undefined && !host.ifByName.has(r.devName)) return fail('ENODEV');
  if (r.via !== undefined && !gatewayDevice(host, r.via, r.devName)) return fail('ENETUNREACH');
  if (r.src !== undefined && !host.ownAddrs.has(r.src)) return fail('EINVAL');
  return OK;
}

/** `ip route add` / `route add`: EEXIST for a second route to the same destination. */
export function addRoute(live: LiveWorld, host: Host, r: RouteChange): ConfigResult {
  const c = checkRoute(host, r);
  if (!c.ok) return c;
  if (host.statics.some((s) => sameDestination(s, toStatic(r)))) return fail('EEXIST');
  host.statics.push(toStatic(withDevice(host, r)));
  refreshHost(host);
  syncRoutes(live, host);
  return OK;
}

/** `ip route replace`: adds, or replaces the route to the same destination in place. */
export function replaceRoute(live: LiveWorld, host: Host, r: RouteChange): ConfigResult {
  const c = checkRoute(host, r);
  if (!c.ok) return c;
  const s = toStatic(withDevice(host, r));
  const i = host.statics.findIndex((x) => sameDestination(x, s));
  if (i >= 0) host.statics[i] = s;
  else host.statics.push(s);
  refreshHost(host);
  syncRoutes(live, host);
  return OK;
}

/**
 * `ip route del` / `route del`: the first static route to the destination that also matches
 * whatever gateway and device were given; ESRCH when there is none.
 */
export function deleteRoute(live: LiveWorld, host: Host, r: { dst: Ipv4; len: number; via?: Ipv4 | undefined; devName?: string | undefined }): ConfigResult {
  const dst = networkOf(r.dst, r.len);
  const i = host.statics.findIndex((s) => s.dst === dst && s.len === r.len
    && (r.via === undefined || s.via === r.via)
    && (r.devName === undefined || routeDevice(host, s)?.name === r.devName));
  if (i < 0) return fail('ESRCH');
  host.statics.splice(i, 1);
  refreshHost(host);
  syncRoutes(live, host);
  return OK;
}

/** Writes one sysctl by its Linux name, and the spec with it. */
export function setSysctl(live: LiveWorld, host: Host, key: string, value: number): void {
  host.sysctl.set(key, value);
  // net.ipv4.ip_forward and conf.all.forwarding are one setting (devinet_sysctl_forward).
  if (key === 'net.ipv4.ip_forward') host.sysctl.set('net.ipv4.conf.all.forwarding', value);
  if (key === 'net.ipv4.conf.all.forwarding') host.sysctl.set('net.ipv4.ip_forward', value);
  // Writing either also sets every device's own forwarding (and default's), as the kernel does.
  if (key === 'net.ipv4.ip_forward' || key === 'net.ipv4.conf.all.forwarding') {
    for (const k of [...host.sysctl.keys()]) if (/^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(k) && k !== 'net.ipv4.conf.all.forwarding') host.sysctl.delete(k);
    // inet_forward_change also sets all.accept_redirects to the opposite of forwarding (sysctl.ts derives it).
    host.sysctl.delete('net.ipv4.conf.all.accept_redirects');
  }
  refreshHost(host);
  const spec = live.specOf(host.id);
  if (!spec) return;
  const kept = [...host.sysctl.entries()].filter(([k, v]) => isScenarioSysctl(k, v) && (k !== 'net.ipv4.conf.all.forwarding' || !host.sysctl.has('net.ipv4.ip_forward')));
  if (kept.length === 0) delete spec.sysctl;
  else spec.sysctl = Object.fromEntries(kept);
}

/** `ip neigh flush`: forgets every learned entry (of one device, and only those `match` accepts, if given). */
export function flushNeighbours(host: Host, dev?: Iface, match?: (n: Neigh) => boolean): number {
  return host.neigh.flush(dev?.index, match);
}

/**
 * `arp -d` (arp_req_delete): the entry for `ip` on `dev`, else on the device the route to
 * `ip` leaves by; ENXIO-like false when there is none, EINVAL when no route decides the device.
 */
export function deleteNeighbour(host: Host, ip: Ipv4, dev?: Iface): ConfigResult {
  const out = dev ?? host.routes.lookup(ip)?.dev;
  if (!out) return fail('EINVAL');
  return host.neigh.delete(out.index, ip) ? OK : fail('ENOENT');
}

/** setSysctl by host id (for /proc/sys writes); false when the host does not exist. */
export function setHostSysctl(live: LiveWorld, hostId: string, key: string, value: number): boolean {
  const host = live.host(hostId);
  if (!host) return false;
  setSysctl(live, host, key, value);
  return true;
}
