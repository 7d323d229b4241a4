/**
 * `route` / `route -n` (net-tools lib/inet_gr.c rprint_fib): the main table as
 * /proc/net/route lists it — the FIB trie walked in key order, longer prefixes first under
 * the same key — with RefCnt and Use always 0 on kernel 6.1. Without -n, 0.0.0.0/0 reads
 * `default` and names come from /etc/hosts and /etc/networks (a lab has no DNS).
 */
import { formatIpv4, prefixMask, type Host, type Ipv4, type Route } from '../../../engine';

/** Debian 12's /etc/networks and /etc/hosts, for the names `route` shows without -n. */
const NET_NAMES: ReadonlyMap<number, string> = new Map([[0x7f000000, 'loopback'], [0xa9fe0000, 'link-local']]);
const HOST_NAMES: ReadonlyMap<number, string> = new Map([[0x7f000001, 'localhost']]);

/** The routes /proc/net/route shows, in its order. */
export function procNetRoute(host: Host): Route[] {
  return host.routes.main
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.dst >>> 0) - (b.r.dst >>> 0) || b.r.len - a.r.len || a.i - b.i)
    .map(({ r }) => r);
}

/** INET_rresolve: numeric, or a name for a network (getnetbyaddr) or a host (gethostbyaddr). */
function resolveName(a: Ipv4, numeric: boolean, host: boolean, mask: number): string {
  if (numeric) return formatIpv4(a);
  if (a === 0) return mask === 0 ? 'default' : '0.0.0.0';
  const isHost = host || (a & ~mask) !== 0;
  return (isHost ? HOST_NAMES : NET_NAMES).get(a >>> 0) ?? formatIpv4(a);
}

function flagsOf(r: Route): string {
  return `U${r.via !== undefined ? 'G' : ''}${r.len === 32 ? 'H' : ''}`;
}

const pad = (s: string, n: number): string => s.slice(0, 15).padEnd(n);

/**
 * The table with `extend` = how many -e were given: none shows Metric/Ref/Use, one the MSS,
 * Window and irtt columns (as `netstat -r` does), two or more both (net-forms oracle lab).
 */
export function formatRouteTable(host: Host, numeric: boolean, extend: number): string {
  const heads = [
    'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
    'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n',
    'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n',
  ];
  const layout = Math.min(extend, 2);
  let out = `Kernel IP routing table\n${heads[layout]}`;
  for (const r of procNetRoute(host)) {
    const mask = prefixMask(r.len);
    const dst = resolveName(r.dst, numeric, r.len === 32, mask);
    const gw = resolveName((r.via ?? 0) as Ipv4, numeric, true, 0xffffff00);
    const cols = `${pad(dst, 15)} ${pad(gw, 15)} ${pad(formatIpv4(mask as Ipv4), 15)} ${flagsOf(r).padEnd(5)}`;
    if (layout === 0) out += `${cols} ${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev.name}\n`;
    else if (layout === 1) out += `${cols} ${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${r.dev.name}\n`;
    else out += `${cols} ${'0'.padEnd(6)} ${'0'.padEnd(3)} ${'0'.padStart(6)} ${r.dev.name.slice(0, 6).padEnd(6)}   ${'0'.padEnd(5)} ${'0'.padEnd(6)} 0\n`;
  }
  return out;
}
