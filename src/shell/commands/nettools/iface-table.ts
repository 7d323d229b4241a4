/**
 * net-tools' short interface table (lib/interface.c ife_print_short), printed by `ifconfig -s`
 * and `netstat -i`: one row per device, RX/TX counters and a flag letter per IFF_ bit. The
 * headings differ: ifconfig's is not aligned with its rows (net-forms oracle lab).
 */
import type { Host, Iface } from '../../../engine';
import { deviceFlags, deviceMtu, deviceOf, interfaceNames } from './ifconfig-show';

export const IFCONFIG_SHORT_HEAD = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
export const NETSTAT_IFACE_HEAD = 'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

/** ife_print_short's letters, in its order, for the bits a simulated device can have. */
const FLAG_LETTERS: ReadonlyArray<[number, string]> = [
  [0x2, 'B'], [0x8, 'L'], [0x1000, 'M'], [0x80, 'O'], [0x40, 'R'], [0x1, 'U'],
];

function flagLetters(flags: number): string {
  if (flags === 0) return '[NO FLAGS]';
  return FLAG_LETTERS.filter(([bit]) => flags & bit).map(([, c]) => c).join('');
}

/**
 * "%-15s %5d %8lu %6lu %6lu %-6lu %8lu %6lu %6lu %6lu " then the flags; errors, drops and
 * overruns stay 0. An alias (eth0:0) has no line in /proc/net/dev: its row says so.
 */
function row(name: string, dev: Iface): string {
  const s = dev.stats;
  const r = (n: number, w: number): string => String(n).padStart(w);
  const counters = name === dev.name
    ? `${r(s.rxPackets, 8)} ${r(0, 6)} ${r(0, 6)} ${'0'.padEnd(6)} ${r(s.txPackets, 8)} ${r(0, 6)} ${r(0, 6)} ${r(0, 6)}`
    : `${'- no statistics available -'.padStart(32)}${' '.repeat(23)}`;
  return `${name.padEnd(15)} ${r(deviceMtu(dev), 5)} ${counters} ${flagLetters(deviceFlags(dev))}\n`;
}

/** The rows for the host's devices and aliases in ifconfig's name order: the up ones, or all with `all` (-a). */
export function interfaceRows(host: Host, all: boolean): string {
  let out = '';
  for (const name of interfaceNames(host)) {
    const dev = deviceOf(host, name);
    if (dev && (all || dev.up)) out += row(name, dev);
  }
  return out;
}
