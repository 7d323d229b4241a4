/**
 * Load figures the kernel's least-connection schedulers share (include/net/ip_vs.h
 * ip_vs_dest_conn_overhead; net/netfilter/ipvs/ip_vs_wlc.c, ip_vs_lblc.c).
 * All arithmetic mirrors C `int`: the overhead wraps at 32 bits like the kernel's, and the
 * cross-multiplied comparisons are done as the kernel's (__s64) products, which stay exact
 * in a JS number (|overhead| < 2^31, weight < 2^16).
 */
import type { DestState } from '../types';

/** ip_vs_dest_conn_overhead(): (activeconns << 8) + inactconns, as a C int. */
export function connOverhead(d: DestState): number {
  return ((d.activeConns << 8) + d.inactConns) | 0;
}

/** sed/nq's expected delay numerator: only active connections, plus the new one. */
export function sedOverhead(d: DestState): number {
  return (d.activeConns + 1) | 0;
}

export function weightOf(d: DestState): number {
  return d.config.weight;
}

/**
 * The weighted-least loop of ip_vs_wlc_schedule (also __ip_vs_lblc_schedule,
 * __ip_vs_lblcr_schedule and ip_vs_sed_schedule with sedOverhead):
 * the first dest that is not overloaded and has weight > 0 seeds `least`; every later dest
 * that is not overloaded replaces it only when strictly lighter (loh*dw > doh*lw), so equal
 * loads keep the earlier dest in list order (the last one added). A weight-0 dest can never
 * be strictly lighter, which is how it stays quiesced in the second stage.
 */
export function weightedLeast(
  dests: readonly DestState[],
  overhead: (d: DestState) => number,
): DestState | null {
  let i = 0;
  let least: DestState | null = null;
  for (; i < dests.length; i++) {
    const d = dests[i] as DestState;
    if (!d.overloaded && weightOf(d) > 0) {
      least = d;
      break;
    }
  }
  if (least === null) return null;
  let loh = overhead(least);
  for (i++; i < dests.length; i++) {
    const d = dests[i] as DestState;
    if (d.overloaded) continue;
    const doh = overhead(d);
    if (loh * weightOf(d) > doh * weightOf(least)) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

/** gcd() of lib/math/gcd.c for positive ints. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The gcd of all positive weights, 0 when none (ip_vs_wrr_gcd_weight before its `?: 1`). */
export function gcdOfPositive(weights: readonly number[]): number {
  let g = 0;
  for (const w of weights) if (w > 0) g = g > 0 ? gcd(w, g) : w;
  return g;
}

export function maxOf(weights: readonly number[]): number {
  let m = 0;
  for (const w of weights) if (w > m) m = w;
  return m;
}
