import { describe, expect, it } from 'vitest';
import { blockBox, blocksAbove, hostTextScale, hostTextTransform } from './host-text';

const text = (addrs: string[]) => ({ name: 'R', addrs });

describe('host text on a narrow screen', () => {
  it('grows so 19-unit addresses draw at 12.5 px, never shrinks', () => {
    expect(hostTextScale(0.4) * 19 * 0.4).toBeCloseTo(12.5);
    expect(hostTextScale(2)).toBe(1);
  });

  it('puts the middle one of three close hosts above its icon, the outer two below', () => {
    const hosts = new Map([['C', { x: 100, y: 300 }], ['R', { x: 250, y: 300 }], ['D', { x: 400, y: 300 }]]);
    const texts = new Map([...hosts.keys()].map((id) => [id, text(['10.11.12.13'])]));
    expect(blocksAbove(hosts, texts, 1.8)).toEqual(new Set(['R']));
    // Drawn as laid out (scale 1) nothing collides.
    expect(blocksAbove(hosts, texts, 1)).toEqual(new Set());
  });

  it('keeps a block below when above is taken by another host\'s icon', () => {
    const hosts = new Map([['C', { x: 100, y: 300 }], ['R', { x: 200, y: 300 }], ['S', { x: 200, y: 150 }]]);
    const texts = new Map([...hosts.keys()].map((id) => [id, text(['10.11.12.13', '192.168.1.10'])]));
    expect(blocksAbove(hosts, texts, 1.8).has('R')).toBe(false);
  });

  it('draws a lifted block where blockBox says, ending above the icon', () => {
    const at = { x: 0, y: 0 };
    const box = blockBox(at, text(['10.0.0.1', '10.0.0.2']), 2, true);
    expect(box.bottom).toBe(-40);
    // The transform maps the block's last baseline region into that box: y' = 40 + lift + (y - 40)·2.
    const m = /translate\(0,([-\d.]+)\) scale\(2\) translate\(0,-40\)/.exec(hostTextTransform(2, 2, true) ?? '');
    expect(m).not.toBeNull();
    const yOf = (y: number) => Number(m?.[1]) + (y - 40) * 2;
    expect(yOf(78 + 23 + 8)).toBeCloseTo(box.bottom);
    expect(hostTextTransform(2, 1, false)).toBeUndefined();
  });
});
