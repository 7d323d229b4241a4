import { describe, expect, it } from 'vitest';
import { readRates, tick, zeroEstimator, ZERO_ESTIMATOR, type EstimatorState } from './estimator';
import { emptyStats, type IpvsStats } from './types';

/** Two seconds of 10 conn/s, 100 packets/s in, 80 out, 6000 B/s in, 48000 B/s out. */
function twoSeconds(s: IpvsStats): void {
  s.conns += 20;
  s.inpkts += 200;
  s.outpkts += 160;
  s.inbytes += 12_000;
  s.outbytes += 96_000;
}

describe('tick / readRates', () => {
  it('moves a quarter of the way to the new rate on the first tick', () => {
    const s = emptyStats();
    twoSeconds(s);
    expect(readRates(tick(s, ZERO_ESTIMATOR))).toEqual({ cps: 2, inpps: 25, outpps: 20, inbps: 1500, outbps: 12_000 });
  });

  it('converges to the steady rate', () => {
    const s = emptyStats();
    let st: EstimatorState = ZERO_ESTIMATOR;
    const outbps: number[] = [];
    for (let i = 0; i < 60; i++) {
      twoSeconds(s);
      st = tick(s, st);
      outbps.push(readRates(st).outbps);
    }
    expect(readRates(st)).toEqual({ cps: 10, inpps: 100, outpps: 80, inbps: 6000, outbps: 48_000 });
    // The 2^5 fixed point needs about 45 ticks (90 s) to close the last byte per second.
    expect(outbps[39]).toBe(47_999);
  });

  it('decays to exactly zero when the traffic stops', () => {
    const s = emptyStats();
    let st: EstimatorState = ZERO_ESTIMATOR;
    for (let i = 0; i < 20; i++) {
      twoSeconds(s);
      st = tick(s, st);
    }
    const seen: number[] = [];
    for (let i = 0; i < 60; i++) {
      st = tick(s, st);
      seen.push(readRates(st).cps);
    }
    expect(seen.slice(0, 3)).toEqual([7, 6, 4]);
    expect(st.cps).toBe(0);
    expect(readRates(st)).toEqual({ cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 });
  });

  it('rounds to nearest, an exact half down', () => {
    const st: EstimatorState = { ...ZERO_ESTIMATOR, cps: 513, inbps: 17 };
    expect(readRates(st)).toMatchObject({ cps: 1, inbps: 1 });
    expect(readRates({ ...st, cps: 512, inbps: 16 })).toMatchObject({ cps: 0, inbps: 0 });
  });
});

describe('zeroEstimator', () => {
  it('restarts from the current counters so the next tick sees only new traffic', () => {
    const s = emptyStats();
    twoSeconds(s);
    twoSeconds(s);
    let st = zeroEstimator(s);
    twoSeconds(s);
    st = tick(s, st);
    expect(readRates(st).cps).toBe(2);
  });
});
