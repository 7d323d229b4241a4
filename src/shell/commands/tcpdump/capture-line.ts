/**
 * One captured frame as the line tcpdump prints for it: on an Ethernet interface the frame as
 * is; on `any` (LINUX_SLL2, print-sll.c) the interface name and the packet's direction before it
 * ("eth0  Out IP …", "eth0  In  ARP, …"), which the kernel's pkttype gives.
 */
import type { CapturedFrame } from '../../../engine';
import { formatFrame } from './format-frame';
import type { PrintOptions } from './format-options';

/** PACKET_OUTGOING, PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST. */
function pkttype(f: CapturedFrame, ownMac: readonly number[] | undefined): string {
  if (f.dir === 'out') return 'Out';
  const dst = [...f.bytes.subarray(0, 6)];
  if (dst.every((b) => b === 0xff)) return 'B';
  if ((dst[0] ?? 0) & 1) return 'M';
  return ownMac && dst.every((b, i) => b === ownMac[i]) ? 'In' : 'P';
}

export function captureLine(f: CapturedFrame, o: PrintOptions, any: boolean, ownMac: readonly number[] | undefined): string {
  const prefix = any ? `${f.ifname.padEnd(5)} ${pkttype(f, ownMac).padEnd(3)} ` : '';
  return `${formatFrame(f.bytes, Math.round(f.t * 1000), o, prefix)}\n`;
}
