import { describe, expect, it } from 'vitest';
import { linePath, thinned } from './line-path';

describe('linePath', () => {
  it('draws every point of a short series, to a tenth', () => {
    expect(linePath([[0, 0], [1000, 2], [2000, 1]], (ms) => ms / 30, (v) => 100 - v * 33.333)).toBe('M0,100L33.3,33.3L66.7,66.7');
  });

  it('is empty for no values', () => {
    expect(linePath([], (ms) => ms, (v) => v)).toBe('');
  });
});

describe('thinned', () => {
  it('keeps a short series as it is', () => {
    const v = [[0, 1], [1, 2]] as const;
    expect(thinned(v, 4)).toBe(v);
  });

  it('keeps each bucket’s lowest and highest value in time order, so a lone spike survives', () => {
    const v = Array.from({ length: 100 }, (_, i) => [i, i === 37 ? 50 : 1] as const);
    const out = thinned(v, 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.some((p) => p[1] === 50)).toBe(true);
    expect(out.map((p) => p[0])).toEqual([...out.map((p) => p[0])].sort((a, b) => a - b));
  });
});
