/**
 * How `ip link` and `ip addr` describe a device (ipaddress.c print_linkinfo), from what the
 * engine knows of it: its kind, whether it is up, and whether it has a cable (a segment).
 * Kathará's and the lab VM's Ethernet devices are veth pairs whose peer lives in another
 * namespace, hence `eth0@ifN … link-netnsid 0`; N is the peer's index there, numbered as the
 * lab VM numbers it (lo, one bridge per collision domain, then every host's veth ends in order).
 */
import { formatMac, type Iface, type World } from '../../../engine';
import { ifindexOf, type IpRun } from './run';

interface LinkView {
  /** `eth0@if4`, `tunl0@NONE`, `lo`. */
  readonly name: string;
  readonly flags: readonly string[];
  readonly mtu: number;
  readonly qdisc: string;
  readonly state: string;
  readonly linkType: string;
  readonly address: string;
  readonly broadcast: string;
  /** Printed as ` link-netnsid 0` (a veth whose peer is in another namespace). */
  readonly netnsid: boolean;
}

/** The index of this device's veth peer in the lab VM's root namespace. */
export function peerIndex(world: World, dev: Iface): number {
  let n = 1 + world.segments.size;
  for (const h of world.hostList) {
    for (const d of h.ifaces) {
      if (d.kind !== 'ether') continue;
      n++;
      if (d === dev) return n;
    }
  }
  return n;
}

export function linkView(world: World, dev: Iface): LinkView {
  if (dev.kind === 'loopback') {
    return {
      name: dev.name, flags: dev.up ? ['LOOPBACK', 'UP', 'LOWER_UP'] : ['LOOPBACK'], mtu: 65536, qdisc: 'noqueue',
      state: dev.up ? 'UNKNOWN' : 'DOWN', linkType: 'loopback', address: '00:00:00:00:00:00', broadcast: '00:00:00:00:00:00', netnsid: false,
    };
  }
  if (dev.kind === 'ipip') {
    return {
      // Down, it shows qdisc noop until first brought up (noqueue after): the engine does not
      // remember that, so a down tunl0 shows as freshly loaded.
      name: `${dev.name}@NONE`, flags: dev.up ? ['NOARP', 'UP', 'LOWER_UP'] : ['NOARP'], mtu: 1480, qdisc: dev.up ? 'noqueue' : 'noop',
      state: dev.up ? 'UNKNOWN' : 'DOWN', linkType: 'ipip', address: '0.0.0.0', broadcast: '0.0.0.0', netnsid: false,
    };
  }
  const carrier = dev.port !== undefined;
  const flags = dev.up && !carrier ? ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'] : dev.up ? ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'] : ['BROADCAST', 'MULTICAST'];
  return {
    name: `${dev.name}@if${peerIndex(world, dev)}`, flags, mtu: 1500, qdisc: 'noqueue',
    state: !dev.up ? 'DOWN' : carrier ? 'UP' : 'LOWERLAYERDOWN', linkType: 'ether', address: formatMac(dev.mac), broadcast: 'ff:ff:ff:ff:ff:ff', netnsid: true,
  };
}

/** The device's own line(s), as print_linkinfo writes them (`mode DEFAULT` for `ip link` only). */
export function formatLink(run: IpRun, dev: Iface, opts: { link: boolean }): string {
  const v = linkView(run.live.world, dev);
  if (run.brief) {
    let s = `${v.name.padEnd(16)} ${v.state.padEnd(14)} `;
    if (run.family === 'packet') s += `${v.address} <${v.flags.join(',')}> \n`;
    return s;
  }
  let s = `${ifindexOf(dev)}: ${v.name}: <${v.flags.join(',')}> mtu ${v.mtu} qdisc ${v.qdisc} state ${v.state} ${opts.link ? 'mode DEFAULT ' : ''}group default qlen 1000`;
  if (run.family === 'unspec' || run.family === 'packet' || run.details > 0) s += `\n    link/${v.linkType} ${v.address} brd ${v.broadcast}`;
  if (v.netnsid) s += ' link-netnsid 0';
  return `${s}\n`;
}
