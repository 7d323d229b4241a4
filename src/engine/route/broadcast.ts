/**
 * Whether an address is a broadcast address on an interface, as the local table's broadcast
 * routes make it (fib_add_ifaddr; inet_addr_type_dev_table gives RTN_BROADCAST): the limited
 * broadcast 255.255.255.255, an address's explicit `brd`, or the broadcast of its subnet (prefixes
 * shorter than /31). Packets to it are neither forwarded nor resolved by ARP: they go to the
 * Ethernet broadcast (arp_constructor: NUD_NOARP with the device's broadcast address).
 */
import type { Ipv4 } from '../addr/ipv4';
import { broadcastOf } from '../addr/cidr';
import type { Iface } from '../host/iface';

export function isBroadcastOn(dev: Iface, a: Ipv4): boolean {
  if (a === 0xffffffff) return true;
  for (const x of dev.addrs) if (x.brd === a || (x.len < 31 && broadcastOf(x.addr, x.len) === a)) return true;
  return false;
}
