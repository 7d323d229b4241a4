/**
 * Gratuitous ARP when an interface comes up (inetdev_event NETDEV_UP → inetdev_send_gratuitous_arp):
 * a broadcast request for each of its addresses, asking for itself. Linux sends it only with
 * net.ipv4.conf.<if>.arp_notify=1 (the default is 0); neighbours that already know the address
 * update their entry at once, since a gratuitous ARP overrides the locktime.
 */
import { formatIpv4 } from '../addr/ipv4';
import { MAC_BROADCAST, MAC_ZERO } from '../addr/mac';
import { transmitFrame } from '../l2/segment';
import type { World } from '../sim/world';

export function announceAddresses(w: World): void {
  for (const host of w.hostList) {
    for (const dev of host.ifaces) {
      if (dev.kind !== 'ether' || !dev.up || !dev.conf.arpNotify) continue;
      for (const a of dev.addrs) {
        if (w.trace.retain) w.trace.action(w.now, host.id, 'arp-gratuitous', { addr: formatIpv4(a.addr), dev: dev.name }, 0, { addr: formatIpv4(a.addr), dev: dev.name });
        transmitFrame(w, dev, {
          eth: { src: dev.mac, dst: MAC_BROADCAST },
          type: 'arp',
          arp: { op: 'request', senderMac: dev.mac, senderIp: a.addr, targetMac: MAC_ZERO, targetIp: a.addr },
        }, 0);
      }
    }
  }
}
