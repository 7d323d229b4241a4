/**
 * GNU Wget 1.21.3's log (what it writes to stderr without -q), as captured from the lab VM:
 * the request line with its local time, the connect, the status, the length, and the "bar"
 * progress on an 80-column terminal (progress.c: the name in 20 columns, the percentage, a
 * 20-column bar, the amount, the rate, and the time it took), then the summary line.
 */
import { LIVE_EPOCH_S } from '../../../engine';

/** Local time (the lab VM runs in UTC) at simulated `ms`: "2026-12-04 17:30:50". */
export function wgetTime(ms: number): string {
  return new Date(LIVE_EPOCH_S * 1000 + Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** progress.c's print_decimal: a number of seconds with the digits it deserves. */
function printDecimal(n: number): string {
  if (n >= 9.95) return n.toFixed(0);
  if (n >= 0.95) return n.toFixed(1);
  if (n >= 0.001) return Number(n.toPrecision(1)).toString();
  if (n >= 0.0005) return n.toFixed(3);
  return '0';
}

/** retr.c's retr_rate: bytes per second in B/s, KB/s, MB/s or GB/s, 2, 1 or 0 decimals. */
export function wgetRate(bytes: number, ms: number): string {
  let rate = ms > 0 ? (bytes * 1000) / ms : bytes * 1000;
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let u = 0;
  while (rate >= 1024 && u < units.length - 1) {
    rate /= 1024;
    u++;
  }
  return `${rate.toFixed(rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2)} ${units[u]}`;
}

/** The size with a human-readable form after 1 KiB ("Length: 2048 (2.0K) [text/html]"). */
export function wgetLength(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${n} (${v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : Math.round(v)}${units[u]})`;
}

/** One state of the progress bar: 79 columns, redrawn after a carriage return. */
export function barLine(name: string, got: number, total: number | undefined, doneMs: number | undefined): string {
  const pct = total === undefined || total === 0 ? (doneMs === undefined ? 0 : 100) : Math.floor((got * 100) / total);
  const filled = Math.floor((pct * 20) / 100);
  const bar = pct >= 100 ? `${'='.repeat(19)}>` : filled > 0 ? `${'='.repeat(filled - 1)}>`.padEnd(20) : ' '.repeat(20);
  const tail = doneMs === undefined ? ' '.repeat(15) : `    in ${printDecimal(doneMs / 1000)}s`.padEnd(15);
  const shownName = name.length > 19 ? name.slice(0, 19) : name;
  return `${shownName.padEnd(20)}${String(pct).padStart(3)}%[${bar}]${String(got).padStart(8)}  --.-KB/s${tail}`;
}
