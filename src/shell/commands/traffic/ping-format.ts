/**
 * What iputils 20221126's ping prints (ping/ping_common.c gather_statistics and finish, ping.c
 * pr_icmph): a line per reply with the round trip in µs shown at 3, 2, 1 or 0 decimals by size,
 * "From X icmp_seq=N …" per ICMP error, then the statistics block whose rtt line is integer
 * arithmetic on µs (mdev an integer square root).
 */
import { formatIpv4, type PingEvent } from '../../../engine';

/** The round trip as " time=…" shows it. */
export function formatRtt(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

const UNREACHABLE: readonly string[] = [
  'Destination Net Unreachable', 'Destination Host Unreachable', 'Destination Protocol Unreachable', 'Destination Port Unreachable',
  'Frag needed and DF set (mtu = 0)', 'Source Route Failed', 'Destination Net Unknown', 'Destination Host Unknown', 'Source Host Isolated',
  'Destination Net Prohibited', 'Destination Host Prohibited', 'Destination Net Unreachable for Type of Service',
  'Destination Host Unreachable for Type of Service', 'Packet filtered', 'Precedence Violation', 'Precedence Cutoff',
];

const REDIRECT: readonly string[] = ['Redirect Network', 'Redirect Host', 'Redirect Type of Service and Network', 'Redirect Type of Service and Host'];

/** pr_icmph for the errors a simulated network sends (unreachable, redirect, time exceeded). */
export function icmpText(type: number, code: number, gateway?: string): string {
  if (type === 5) return `${REDIRECT[code] ?? `Redirect, Bad Code: ${code}`}(New nexthop: ${gateway ?? '0.0.0.0'})`;
  if (type === 3) return UNREACHABLE[code] ?? `Dest Unreachable, Bad Code: ${code}`;
  if (type === 11) return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
  return `Bad ICMP type: ${type}`;
}

export function formatEvent(e: PingEvent, from: string): string {
  if (e.kind === 'error') return `From ${from} icmp_seq=${e.seq} ${icmpText(e.type, e.code, e.gateway !== undefined ? formatIpv4(e.gateway) : undefined)}\n`;
  return `${e.bytes} bytes from ${from}: icmp_seq=${e.seq} ttl=${e.ttl} time=${formatRtt(e.rttUs)} ms${e.dup ? ' (DUP!)' : ''}\n`;
}

/** printf's %g for a percentage: six significant digits, trailing zeros dropped. */
function percentG(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** llsqrt: Newton's method on integers, as ping computes mdev. */
function llsqrt(a: number): number {
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  if (x > 0) {
    while (x < prev) {
      prev = x;
      x = Math.floor((x + Math.floor(a / x)) / 2);
    }
  }
  return x;
}

const us3 = (n: number): string => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}`;

export interface PingTotals {
  readonly transmitted: number;
  readonly received: number;
  readonly duplicates: number;
  readonly errors: number;
  readonly spanMs: number;
  readonly rttsUs: readonly number[];
  readonly pipe: number;
}

/** finish(): the blank line, the statistics, the rtt line when anything came back, pipe N when requests overlapped. */
export function formatStatistics(target: string, t: PingTotals): string {
  let out = `\n--- ${target} ping statistics ---\n${t.transmitted} packets transmitted, ${t.received} received`;
  if (t.duplicates) out += `, +${t.duplicates} duplicates`;
  if (t.errors) out += `, +${t.errors} errors`;
  if (t.transmitted) out += `, ${percentG(((t.transmitted - t.received) * 100) / t.transmitted)}% packet loss, time ${Math.round(t.spanMs)}ms`;
  out += '\n';
  let comma = '';
  if (t.received && t.rttsUs.length) {
    const total = t.received + t.duplicates;
    const sum = t.rttsUs.reduce((a, b) => a + b, 0);
    const sum2 = t.rttsUs.reduce((a, b) => a + b * b, 0);
    const avg = Math.trunc(sum / total);
    const variance = Math.trunc((sum2 - (sum * sum) / total) / total);
    out += `rtt min/avg/max/mdev = ${us3(Math.min(...t.rttsUs))}/${us3(avg)}/${us3(Math.max(...t.rttsUs))}/${us3(llsqrt(variance))} ms`;
    comma = ', ';
  }
  if (t.pipe > 1) out += `${comma}pipe ${t.pipe}`;
  return `${out}\n`;
}
