/**
 * Network interfaces as Linux keeps them: a name, a MAC, up/down, and an ordered address list
 * where each address may carry an alias label (eth0:0, lo:0). Linux flags an address SECONDARY
 * when the interface already has a primary with the same prefix and subnet (__inet_insert_ifa).
 */
import type { Ipv4 } from '../addr/ipv4';
import { inPrefix, prefixMask } from '../addr/cidr';
import type { Mac } from '../addr/mac';
import type { SegmentPort } from '../l2/types';
import type { IfConf } from './sysctl';

export type IfaceKind = 'ether' | 'loopback' | 'ipip';

/** RT_SCOPE_*: global (universe) = 0, link = 253, host = 254. */
export const SCOPE_GLOBAL = 0;
export const SCOPE_LINK = 253;
export const SCOPE_HOST = 254;

export interface IfAddr {
  readonly addr: Ipv4;
  readonly len: number;
  readonly label: string;
  readonly secondary: boolean;
  readonly scope: number;
  /** Broadcast address as `ip addr` shows it (`brd`); undefined when none was set. */
  readonly brd: Ipv4 | undefined;
}

export interface Endpoint {
  readonly host: string;
  readonly if: string;
}

export interface Iface {
  readonly index: number;
  readonly hostId: string;
  /** The host's place in World.hostList (-1 for an interface made outside a world, in tests). */
  readonly hostIndex: number;
  readonly name: string;
  readonly kind: IfaceKind;
  readonly mac: Mac;
  up: boolean;
  addrs: IfAddr[];
  /** The segment the interface is plugged into, by id; absent for lo, tunl0 and unplugged ones. */
  segmentId?: string | undefined;
  /** Its port on that segment (l2/types.ts), set with segmentId. */
  port?: SegmentPort | undefined;
  readonly endpoint: Endpoint;
  /** [endpoint], kept so a unicast hop allocates no receiver list. */
  readonly endpointList: readonly Endpoint[];
  /** This interface's effective sysctls (all/default/own combined as the kernel does). */
  conf: IfConf;
  /** What /proc/net/dev counts for the device (ifconfig's RX/TX lines). */
  readonly stats: IfStats;
}

/** Packets and bytes (the Ethernet frame without FCS, as skb->len at the device) each way. */
export interface IfStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

export function newIfStats(): IfStats {
  return { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
}

/** inet_ifa_match: is `a` inside this address's subnet? */
export function ifaMatch(a: Ipv4, ifa: IfAddr): boolean {
  return inPrefix(a, ifa.addr, ifa.len);
}

/** Adds an address the way `ip addr add` does: secondary if a primary of the same subnet exists. */
export function addIfAddr(iface: Iface, addr: Ipv4, len: number, label: string, brd?: Ipv4): IfAddr {
  const mask = prefixMask(len);
  const secondary = iface.addrs.some(
    (a) => !a.secondary && a.len === len && ((a.addr ^ addr) & mask) >>> 0 === 0,
  );
  // 127.0.0.0/8 on lo is host scope, as the kernel makes it.
  const scope = iface.kind === 'loopback' && addr >>> 24 === 127 ? SCOPE_HOST : SCOPE_GLOBAL;
  const ifa: IfAddr = { addr, len, label, secondary, scope, brd };
  if (secondary) {
    iface.addrs.push(ifa);
  } else {
    // Primaries stay ahead of secondaries, in insertion order among themselves.
    const firstSecondary = iface.addrs.findIndex((a) => a.secondary);
    if (firstSecondary < 0) iface.addrs.push(ifa);
    else iface.addrs.splice(firstSecondary, 0, ifa);
  }
  return ifa;
}
