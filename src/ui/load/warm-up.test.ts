import { describe, expect, it } from 'vitest';
import { getPreset, startLoadRun, type LoadOptions } from '../../engine';
import { WARM_UP_MS, warmUp } from './warm-up';

const natLab = getPreset('nat-lab')!;
const options: LoadOptions = { clients: 100, requests: 50_000, ratePerS: 1000, keepAliveMs: 2000, scheduler: 'wlc', changes: [{ atMs: 1000, change: { kind: 'fail', server: 'RS1' } }] };

describe('warmUp', () => {
  it('runs a short run of the same options to its end, without their changes', () => {
    const hops = warmUp(startLoadRun, natLab, options);
    expect(hops).toBeGreaterThan(1000);
    // What it simulated is a prefix of the run: fewer hops than the run's first WARM_UP_MS.
    const r = startLoadRun(natLab, { ...options, changes: [] });
    if (!r.ok) throw new Error(r.message);
    r.run.advance(WARM_UP_MS + 10_000);
    expect(hops).toBeLessThanOrEqual(r.run.hops);
  });

  it('leaves the real run as it would be cold: the same samples', () => {
    const run = () => {
      const r = startLoadRun(natLab, { ...options, requests: 3000 });
      if (!r.ok) throw new Error(r.message);
      return JSON.stringify(r.run.advance(Infinity));
    };
    const cold = run();
    warmUp(startLoadRun, natLab, options);
    expect(run()).toBe(cold);
  });

  it('is 0 for options the engine refuses', () => {
    expect(warmUp(startLoadRun, natLab, { ...options, scheduler: 'nope' })).toBe(0);
  });
});
