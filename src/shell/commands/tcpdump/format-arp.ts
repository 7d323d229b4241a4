/** An ARP packet over Ethernet as tcpdump 4.99 prints it (print-arp.c arp_print, -n). */
import { has, ipAt, macAt, u16 } from './bytes';
import type { PrintOptions } from './format-options';

const OPS: Record<number, string> = { 1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply', 8: 'InARP Request', 9: 'InARP Reply', 10: 'NACK Reply' };

export function arpText(b: Uint8Array, at: number, length: number, o: PrintOptions): string {
  const prefix = o.link ? '' : 'ARP, ';
  if (!has(b, at, 28)) return `${prefix}[|arp]`;
  const hrd = u16(b, at);
  const pro = u16(b, at + 2);
  const hln = b[at + 4] ?? 0;
  const pln = b[at + 5] ?? 0;
  const op = u16(b, at + 6);
  let out = prefix;
  if (hrd !== 1 || pro !== 0x0800 || hln !== 6 || pln !== 4) return `${out}Unknown Hardware (${hrd}) (len ${hln}), Unknown Protocol (0x${pro.toString(16).padStart(4, '0')}) (len ${pln}), length ${length}`;
  if (o.verbose) out += `Ethernet (len ${hln}), IPv4 (len ${pln}), `;
  out += `${OPS[op] ?? `Unknown (${op})`} `;
  const sha = at + 8;
  const spa = at + 14;
  const tha = at + 18;
  const tpa = at + 24;
  if (op === 1) {
    const thaSet = [0, 1, 2, 3, 4, 5].some((i) => b[tha + i] !== 0);
    out += `who-has ${ipAt(b, tpa)}${thaSet ? ` (${macAt(b, tha)})` : ''} tell ${ipAt(b, spa)}`;
  } else if (op === 2) {
    out += `${ipAt(b, spa)} is-at ${macAt(b, sha)}`;
  }
  return `${out}, length ${length}`;
}
