/**
 * One captured Ethernet frame as one line of tcpdump 4.99's output (print-ether.c): the time of
 * day, with -e the MAC addresses, EtherType and frame length, then the ARP or IPv4 printer.
 * A `PrintOptions` is one capture's: TCP sequence numbers print relative to what it saw first.
 */
import { macAt, u16 } from './bytes';
import { arpText } from './format-arp';
import { ipText } from './format-ip';
import type { PrintOptions } from './format-options';
import { timeOfDay } from './format-time';

const ETHERTYPES: Record<number, string> = { 0x0800: 'IPv4', 0x0806: 'ARP' };

/** `bytes` as captured (no FCS); `micros` since the epoch; `sll` what a cooked (`-i any`) capture prints first. */
export function formatFrame(bytes: Uint8Array, micros: number, o: PrintOptions, sll = ''): string {
  const type = u16(bytes, 12);
  const length = bytes.length;
  let out = `${timeOfDay(micros)} ${sll}`;
  if (o.link) {
    const name = ETHERTYPES[type] ?? 'Unknown';
    out += `${macAt(bytes, 6)} > ${macAt(bytes, 0)}, ${o.quiet ? name : `ethertype ${name} (0x${type.toString(16).padStart(4, '0')})`}, length ${length}: `;
  }
  if (type === 0x0806) return out + arpText(bytes, 14, length - 14, o);
  if (type === 0x0800) return out + ipText(bytes, 14, length - 14, o);
  return `${out}ethertype Unknown (0x${type.toString(16).padStart(4, '0')}), length ${length}`;
}
