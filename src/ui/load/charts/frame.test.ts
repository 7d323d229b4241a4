import { describe, expect, it } from 'vitest';
import { serverColor, shortNumber } from './frame';

describe('shortNumber', () => {
  it('writes axis numbers short enough for the margin', () => {
    expect([0, 950, 1400, 12_000, 3_500_000, 25_000_000, 2.5].map(shortNumber)).toEqual(['0', '950', '1.4k', '12k', '3.5M', '25M', '2.5']);
  });
});

describe('serverColor', () => {
  it('gives each server its own colour, the same in every chart', () => {
    const names = ['RS1', 'RS2', 'RS3'];
    expect(new Set(names.map((n) => serverColor(names, n))).size).toBe(3);
    expect(serverColor(names, 'RS2')).toBe(serverColor(['RS1', 'RS2'], 'RS2'));
  });
});
