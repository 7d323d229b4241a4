/**
 * A frame arriving on an interface (netif_receive_skb): the NIC keeps frames for its own MAC
 * and broadcasts, then hands ARP to arp_rcv and IPv4 to ip_rcv.
 */
import { MAC_BROADCAST } from '../addr/mac';
import { arpRcv } from '../arp/arp-rx';
import { frameLength } from '../l2/segment';
import { ipRcv } from '../route/input';
import type { World } from '../sim/world';
import type { Frame } from '../wire/repr';
import type { Iface } from './iface';

export function onFrame(w: World, dev: Iface, frame: Frame, conn: number): void {
  if (!dev.up) return;
  if (w.taps !== undefined) w.taps(dev, 'in', frame);
  dev.stats.rxPackets++;
  dev.stats.rxBytes += frameLength(frame.type === 'ipv4' ? frame.ip : undefined);
  // By index, not by id: this runs for every frame every host receives.
  const host = w.hostList[dev.hostIndex] ?? w.hosts.get(dev.hostId);
  if (!host) return;
  const toUs = frame.eth.dst === dev.mac;
  if (!toUs && frame.eth.dst !== MAC_BROADCAST) return;
  if (frame.type === 'arp') arpRcv(w, host, dev, frame.arp, toUs, conn);
  else ipRcv(w, host, dev, frame.ip, conn);
}
