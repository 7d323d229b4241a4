import { describe, expect, it } from 'vitest';
import type { BusLayout } from './layout';
import { segmentTitle } from './segment-title';

const bar = (x: number): BusLayout => ({ id: 'lan', kind: 'switch', a: { x, y: 100 }, b: { x, y: 400 }, attach: new Map() });
const within = { x: 0, y: 0, w: 1000, h: 600 };

describe('segmentTitle', () => {
  it('centres the name over a vertical bar, its baseline above the top', () => {
    const t = segmentTitle(bar(500), 'private LAN', 20, within);
    expect(t.x).toBe(500);
    expect(t.y).toBeLessThan(100);
    expect(t.box.x + t.box.w / 2).toBeCloseTo(500);
  });

  it('slides a name that grew (a phone draws it larger) back inside the drawing at either edge', () => {
    for (const x of [40, 960]) {
      const t = segmentTitle(bar(x), 'private LAN 192.168.1.0/24', 40, within);
      expect(t.box.x).toBeGreaterThanOrEqual(0);
      expect(t.box.x + t.box.w).toBeLessThanOrEqual(1000);
    }
  });

  it('ends a horizontal bar\'s name at its right end', () => {
    const seg: BusLayout = { id: 'lan', kind: 'switch', a: { x: 100, y: 300 }, b: { x: 700, y: 300 }, attach: new Map() };
    const t = segmentTitle(seg, 'lan', 20, within);
    expect(t.box.x + t.box.w).toBeCloseTo(700);
  });
});
