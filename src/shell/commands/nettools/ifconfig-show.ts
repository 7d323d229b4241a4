/**
 * What net-tools 2.10's ifconfig prints for an interface (lib/interface.c ife_print_long):
 * the device's flags and MTU, the first address carrying the name as its label, the hardware
 * line, and, for a real device only (/proc/net/dev lists no aliases), its counters.
 */
import { formatIpv4, formatMac, prefixMask, type Host, type IfAddr, type Iface, type IfStats, type Ipv4 } from '../../../engine';

const IFF_UP = 0x1;
const IFF_BROADCAST = 0x2;
const IFF_LOOPBACK = 0x8;
const IFF_RUNNING = 0x40;
const IFF_NOARP = 0x80;
const IFF_MULTICAST = 0x1000;

/** The flags SIOCGIFFLAGS returns: a veth is RUNNING when up (its peer is always up in a lab). */
export function deviceFlags(dev: Iface): number {
  const up = dev.up ? IFF_UP | IFF_RUNNING : 0;
  if (dev.kind === 'loopback') return IFF_LOOPBACK | up;
  if (dev.kind === 'ipip') return IFF_NOARP | up;
  return IFF_BROADCAST | IFF_MULTICAST | up;
}

const FLAG_NAMES: ReadonlyArray<[number, string]> = [
  [IFF_UP, 'UP'], [IFF_BROADCAST, 'BROADCAST'], [IFF_LOOPBACK, 'LOOPBACK'], [IFF_RUNNING, 'RUNNING'],
  [IFF_NOARP, 'NOARP'], [IFF_MULTICAST, 'MULTICAST'],
];

export function deviceMtu(dev: Iface): number {
  return dev.kind === 'loopback' ? 65536 : dev.kind === 'ipip' ? 1480 : 1500;
}

/** "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>" in ife_print_long's order. */
export function formatFlags(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n);
  return `flags=${flags}<${names.join(',')}>`;
}

/** "182.0 B", "3.0 KiB": one decimal, truncated, binary units above 1024 (strictly). */
export function humanBytes(n: number): string {
  const units: ReadonlyArray<[number, string]> = [[2 ** 60, 'EiB'], [2 ** 50, 'PiB'], [2 ** 40, 'TiB'], [2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  for (const [size, unit] of units) {
    if (n > size) {
      const tenths = Math.floor((n * 10) / size);
      return `${Math.floor(tenths / 10)}.${tenths % 10} ${unit}`;
    }
  }
  return `${n}.0 B`;
}

function hardwareLine(dev: Iface): string {
  if (dev.kind === 'loopback') return '        loop  txqueuelen 1000  (Local Loopback)\n';
  if (dev.kind === 'ipip') return '        tunnel   txqueuelen 1000  (IPIP Tunnel)\n';
  return `        ether ${formatMac(dev.mac)}  txqueuelen 1000  (Ethernet)\n`;
}

function statsLines(s: IfStats): string {
  return `        RX packets ${s.rxPackets}  bytes ${s.rxBytes} (${humanBytes(s.rxBytes)})\n`
    + '        RX errors 0  dropped 0  overruns 0  frame 0\n'
    + `        TX packets ${s.txPackets}  bytes ${s.txBytes} (${humanBytes(s.txBytes)})\n`
    + '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n';
}

function inetLine(dev: Iface, a: IfAddr): string {
  const brd = deviceFlags(dev) & IFF_BROADCAST ? `  broadcast ${formatIpv4((a.brd ?? 0) as Ipv4)}` : '';
  return `        inet ${formatIpv4(a.addr)}  netmask ${formatIpv4(prefixMask(a.len) as Ipv4)}${brd}\n`;
}

/** The device an interface name (eth0, eth0:1) belongs to: the part before the colon. */
export function deviceOf(host: Host, name: string): Iface | undefined {
  const colon = name.indexOf(':');
  return host.ifByName.get(colon < 0 ? name : name.slice(0, colon));
}

/** One interface's block, ending with the blank line ifconfig prints after each. */
export function formatInterface(name: string, dev: Iface): string {
  const a = dev.addrs.find((x) => x.label === name);
  return `${name}: ${formatFlags(deviceFlags(dev))}  mtu ${deviceMtu(dev)}\n`
    + (a ? inetLine(dev, a) : '')
    + hardwareLine(dev)
    + (name === dev.name ? statsLines(dev.stats) : '')
    + '\n';
}

/** An alias "eth0:12" as nstrcmp splits it: the name, its trailing number, the alias number. */
function nameKey(name: string): [string, number, number, string] {
  const alias = /^(.*):(\d+)$/.exec(name);
  const base = alias ? (alias[1] as string) : name;
  const m = /^(.*?)(\d*)$/.exec(base) as RegExpExecArray;
  return [m[1] as string, m[2] === '' ? 0 : Number(m[2]), alias ? Number(alias[2]) : -1, base];
}

/** nstrcmp (lib/nstrcmp.c): interface names in natural order, a device before its aliases. */
export function compareInterfaceNames(a: string, b: string): number {
  const [ap, an, aa, ab] = nameKey(a);
  const [bp, bn, ba, bb] = nameKey(b);
  if (ap !== bp) return ap < bp ? -1 : 1;
  if (an !== bn) return an - bn;
  if (ab !== bb) return ab < bb ? -1 : 1;
  if (aa !== ba) return aa - ba;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every name ifconfig lists: each device (/proc/net/dev) and each address label (SIOCGIFCONF). */
export function interfaceNames(host: Host): string[] {
  const names = new Set<string>();
  for (const dev of host.ifaces) {
    names.add(dev.name);
    for (const a of dev.addrs) names.add(a.label);
  }
  return [...names].sort(compareInterfaceNames);
}
