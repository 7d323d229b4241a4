/**
 * `ip -s` (and `-s -s`) link counters, as iproute2 6.1's print_stats64 prints them without -h:
 * every column as wide as its heading or its widest number (size_columns), each number
 * followed by a space (print_num). The simulated devices count packets and bytes each way;
 * their error, drop and multicast counters stay 0, as they did on the lab's veth and lo
 * devices (net-forms, net-forms-traffic oracle labs).
 */
import type { Iface } from '../../../engine';

/** The widths print_stats64 starts from: strlen("*X errors:"), "packets", "errors", "dropped", "heartbt", "overrun", "compressed". */
const BASE_COLS = [10, 7, 6, 7, 7, 7, 10] as const;

const digits = (n: number): number => String(Math.trunc(n)).length;
const num = (width: number, n: number): string => `${String(Math.trunc(n)).padStart(width)} `;
const head = (width: number, s: string): string => s.padStart(width);

/**
 * IFLA_CARRIER_CHANGES, shown as `transns` under -s -s: a lab's veth end counted 2 (its carrier
 * went down and up as the pair was set up), lo 0. Other devices never change carrier here.
 */
const carrierChanges = (dev: Iface): number => (dev.kind === 'loopback' || dev.kind === 'ipip' ? 0 : 2);

/** The lines print_link_stats adds after a device's link (or, for `ip addr`, its addresses). */
export function formatLinkStats(dev: Iface, level: number): string {
  const s = dev.stats;
  const rx = [s.rxBytes, s.rxPackets, 0, 0, 0, 0];
  const tx = [s.txBytes, s.txPackets, 0, 0, 0, 0];
  const txErr = [0, 0, 0, 0, carrierChanges(dev)];
  const cols = BASE_COLS.map((w, i) => Math.max(w, digits(rx[i] ?? 0), digits(tx[i] ?? 0), level > 1 ? digits(txErr[i - 1] ?? 0) : 0));
  const c = (i: number): number => cols[i] ?? 0;
  const row = (vals: readonly number[]): string => `    ${vals.map((v, i) => num(c(i), v)).join('')}\n`;
  const errRow = (vals: readonly number[]): string => `${' '.repeat(c(0) + 5)}${vals.map((v, i) => num(c(i + 1), v)).join('')}\n`;
  // "    RX: %*s %*s %*s %*s %*s %*s %*s": the last column is "compressed" when there is any (never here).
  let out = `    RX: ${head(c(0) - 4, 'bytes')} ${head(c(1), 'packets')} ${head(c(2), 'errors')} ${head(c(3), 'dropped')} ${head(c(4), 'missed')} ${head(c(5), 'mcast')} ${head(c(6), '')}\n`;
  out += row(rx);
  if (level > 1) {
    out += `    RX errors:${head(c(0) - 10, '')} ${head(c(1), 'length')} ${head(c(2), 'crc')} ${head(c(3), 'frame')} ${head(c(4), 'fifo')} ${head(c(5), 'overrun')}\n`;
    out += errRow([0, 0, 0, 0, 0]);
  }
  out += `    TX: ${head(c(0) - 4, 'bytes')} ${head(c(1), 'packets')} ${head(c(2), 'errors')} ${head(c(3), 'dropped')} ${head(c(4), 'carrier')} ${head(c(5), 'collsns')} ${head(c(6), '')}\n`;
  out += row(tx);
  if (level > 1) {
    out += `    TX errors:${head(c(0) - 10, '')} ${head(c(1), 'aborted')} ${head(c(2), 'fifo')} ${head(c(3), 'window')} ${head(c(4), 'heartbt')} ${head(c(5), 'transns')}\n`;
    out += errRow(txErr);
  }
  return out;
}
