/**
 * Which real-server addresses a director's kernel takes: ip_vs_new_dest() refuses (EINVAL) an
 * address whose inet_addr_type() is neither RTN_LOCAL nor RTN_UNICAST. Besides 0.0.0.0/8,
 * multicast and 255.255.255.255, that is every broadcast route of the host's local table
 * (Linux 6.1 fib_add_ifaddr): the subnet broadcast of each primary address shorter than /31,
 * and each address's own `brd`. An address whose `brd` is itself (`ifconfig eth0 A broadcast A
 * netmask 255.255.255.255`) stays RTN_LOCAL: fib_add_ifaddr adds its local route before the
 * broadcast one for the same /32, and fib_table_lookup returns the first alias of the leaf.
 */
import { broadcastOf } from '../addr/cidr';
import { IPV4_BROADCAST, isMulticast, type Ipv4 } from '../addr/ipv4';
import type { Host } from '../sim/world';

function isLocalBroadcast(host: Host, a: Ipv4): boolean {
  for (const dev of host.ifaces) {
    for (const ifa of dev.addrs) {
      if (ifa.brd === a && ifa.addr !== a) return true;
      if (!ifa.secondary && ifa.len < 31 && broadcastOf(ifa.addr, ifa.len) === a) return true;
    }
  }
  return false;
}

/** inet_addr_type(addr) is RTN_UNICAST or RTN_LOCAL on this host (read when asked: addresses change). */
export function isUnicastOn(host: Host, a: Ipv4): boolean {
  return a >>> 24 !== 0 && a !== IPV4_BROADCAST && !isMulticast(a) && !isLocalBroadcast(host, a);
}
