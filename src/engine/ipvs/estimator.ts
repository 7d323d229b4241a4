/**
 * The IPVS rate estimator behind `ipvsadm -L --rate`: every 2 s it folds the counters'
 * growth into exponentially weighted averages, avg += (rate - avg) / 4, kept in fixed
 * point (connections and packets scaled by 2^10, bytes by 2^5), and ipvsadm reads them back
 * rounded. Spec: Linux net/netfilter/ipvs/ip_vs_est.c (estimation_timer,
 * ip_vs_read_estimator, ip_vs_zero_estimator).
 *
 * Timing: the kernel runs one timer per network namespace every 2 s from the moment IPVS is
 * loaded, not from when a service is added; the shell calls tick() on that grid.
 */
import type { IpvsRates, IpvsStats } from './types';

export const ESTIMATOR_PERIOD_MS = 2000;

/** The last counters seen and the scaled averages (struct ip_vs_estimator). */
export interface EstimatorState {
  readonly lastConns: number;
  readonly lastInpkts: number;
  readonly lastOutpkts: number;
  readonly lastInbytes: number;
  readonly lastOutbytes: number;
  /** Per second × 2^10. */
  readonly cps: number;
  readonly inpps: number;
  readonly outpps: number;
  /** Per second × 2^5. */
  readonly inbps: number;
  readonly outbps: number;
}

/** The state of a fresh service or real server (kzalloc'd: all zero). */
export const ZERO_ESTIMATOR: EstimatorState = {
  lastConns: 0, lastInpkts: 0, lastOutpkts: 0, lastInbytes: 0, lastOutbytes: 0,
  cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0,
};

// (s64)(rate - avg) >> 2: an arithmetic shift, so it rounds towards minus infinity.
// Doubles keep this exact up to 2^53, far beyond any simulated byte count.
function ewma(avg: number, rate: number): number {
  return avg + Math.floor((rate - avg) / 4);
}

/**
 * One 2-second step. The growth over 2 s is scaled by 2^9 (= 2^10 / 2 s) for conns and
 * packets and by 2^4 (= 2^5 / 2 s) for bytes before averaging.
 * @example let st = ZERO_ESTIMATOR; st = tick(svc.stats, st); svc.rates = readRates(st);
 */
export function tick(stats: IpvsStats, state: EstimatorState): EstimatorState {
  return {
    lastConns: stats.conns,
    lastInpkts: stats.inpkts,
    lastOutpkts: stats.outpkts,
    lastInbytes: stats.inbytes,
    lastOutbytes: stats.outbytes,
    cps: ewma(state.cps, (stats.conns - state.lastConns) * 2 ** 9),
    inpps: ewma(state.inpps, (stats.inpkts - state.lastInpkts) * 2 ** 9),
    outpps: ewma(state.outpps, (stats.outpkts - state.lastOutpkts) * 2 ** 9),
    inbps: ewma(state.inbps, (stats.inbytes - state.lastInbytes) * 2 ** 4),
    outbps: ewma(state.outbps, (stats.outbytes - state.lastOutbytes) * 2 ** 4),
  };
}

/** ip_vs_read_estimator(): unscale with rounding to nearest (+0x1FF >> 10, +0xF >> 5). */
export function readRates(state: EstimatorState): IpvsRates {
  return {
    cps: Math.floor((state.cps + 0x1ff) / 1024),
    inpps: Math.floor((state.inpps + 0x1ff) / 1024),
    outpps: Math.floor((state.outpps + 0x1ff) / 1024),
    inbps: Math.floor((state.inbps + 0xf) / 32),
    outbps: Math.floor((state.outbps + 0xf) / 32),
  };
}

/** ip_vs_zero_estimator() (ipvsadm -Z): averages drop to 0 and the current counters become the base. */
export function zeroEstimator(stats: IpvsStats): EstimatorState {
  return {
    ...ZERO_ESTIMATOR,
    lastConns: stats.conns,
    lastInpkts: stats.inpkts,
    lastOutpkts: stats.outpkts,
    lastInbytes: stats.inbytes,
    lastOutbytes: stats.outbytes,
  };
}

export function zeroRates(): IpvsRates {
  return { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 };
}
