import { describe, expect, it } from 'vitest';
import { createPrng } from '../sim/prng';
import { poissonArrivals, type Arrival } from './arrivals';

function draw(rates: number[], seed: number, n: number): Arrival[] {
  const a = poissonArrivals(rates, createPrng(seed, 'load-arrivals'));
  return Array.from({ length: n }, () => a.next());
}

describe('poissonArrivals', () => {
  it('gives the same arrivals for the same seed, and others for another seed', () => {
    expect(draw([5, 5], 7, 50)).toEqual(draw([5, 5], 7, 50));
    expect(draw([5, 5], 7, 50)).not.toEqual(draw([5, 5], 8, 50));
  });

  it('arrives at the mean rate: 20,000 arrivals at 100/s take about 200 s', () => {
    const all = draw([40, 60], 3, 20_000);
    const seconds = (all.at(-1) as Arrival).atMs / 1000;
    // The sum of n exponential gaps has sd sqrt(n)/rate: 1.4 s here; 4 sd either side.
    expect(seconds).toBeGreaterThan(200 - 5.7);
    expect(seconds).toBeLessThan(200 + 5.7);
  });

  it('has exponential gaps: their standard deviation equals their mean', () => {
    const all = draw([100], 11, 20_000);
    const gaps = all.map((a, i) => a.atMs - (i ? (all[i - 1] as Arrival).atMs : 0));
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(10, 0);
    expect(sd / mean).toBeGreaterThan(0.95);
    expect(sd / mean).toBeLessThan(1.05);
  });

  it('shares arrivals among clients in proportion to their rates', () => {
    const all = draw([1, 3, 0, 6], 5, 20_000);
    const counts = [0, 0, 0, 0];
    for (const a of all) counts[a.client] = (counts[a.client] as number) + 1;
    expect(counts[2]).toBe(0);
    expect((counts[0] as number) / 20_000).toBeCloseTo(0.1, 1);
    expect((counts[1] as number) / 20_000).toBeCloseTo(0.3, 1);
    expect((counts[3] as number) / 20_000).toBeCloseTo(0.6, 1);
  });

  it('refuses a crowd in which nobody sends', () => {
    expect(() => poissonArrivals([0, 0], createPrng(1, 'x'))).toThrow(/no client/);
  });
});
