/** Seeded streams (sfc32 seeded by splitmix32 of seed ⊕ hash(name)): one per purpose, so draws never leak across. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng } from './prng';
import { createWorld } from './world';
import { Trace } from './trace';

const take = (p: { u32(): number }, n: number): number[] => Array.from({ length: n }, () => p.u32());

describe('createPrng', () => {
  it('gives the same stream for the same seed and name', () => {
    expect(take(createPrng(42, 'ports'), 50)).toEqual(take(createPrng(42, 'ports'), 50));
  });

  it('gives different streams for different seeds or different names', () => {
    const base = take(createPrng(42, 'ports'), 8);
    expect(take(createPrng(43, 'ports'), 8)).not.toEqual(base);
    expect(take(createPrng(42, 'isn'), 8)).not.toEqual(base);
  });

  it('draws unsigned 32-bit integers', () => {
    for (const x of take(createPrng(7, 'x'), 1_000)) {
      expect(Number.isInteger(x) && x >= 0 && x <= 0xffffffff).toBe(true);
    }
  });

  it('keeps int(lo, hi) within its bounds, both ends included', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: -1_000, max: 1_000 }), fc.integer({ min: 0, max: 1_000 }), (seed, lo, span) => {
      const p = createPrng(seed, 'int');
      for (let i = 0; i < 20; i++) {
        const v = p.int(lo, lo + span);
        expect(v >= lo && v <= lo + span && Number.isInteger(v)).toBe(true);
      }
    }));
  });

  it('spreads draws evenly enough for scheduling and ports (mean of int(0, 99) near 49.5)', () => {
    const p = createPrng(1, 'spread');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += p.int(0, 99);
    expect(Math.abs(sum / 20_000 - 49.5)).toBeLessThan(1.5);
  });
});

describe('the world\'s streams', () => {
  it('are independent of each other\'s use: drawing ports never shifts the ISNs', () => {
    const a = createWorld(9, new Trace(false, 10));
    const b = createWorld(9, new Trace(false, 10));
    take(a.rng.ports, 100);
    take(a.rng.neigh, 7);
    expect(take(a.rng.isn, 20)).toEqual(take(b.rng.isn, 20));
    expect(take(a.rng.sched, 20)).toEqual(take(b.rng.sched, 20));
  });
});
