import { describe, expect, it } from 'vitest';
import { placeBox } from './label-box';

const hit = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeBox', () => {
  const path = [{ x: 300, y: 300 }, { x: 500, y: 300 }];
  const w = 200, h = 120;

  it('puts a label over the middle of the way when nothing is there', () => {
    expect(placeBox(path, w, h, [], { x: 0, y: 0, w: 1000, h: 600 })).toEqual({ x: 300, y: 300 - h - 16 });
  });

  it('goes further off when a host\'s text is drawn right above and below the way (a phone), if the bounds have room', () => {
    // Blocks from 110 to 290 above the way and 310 to 470 under it, across its whole length.
    const text = [{ x: 150, y: 110, w: 500, h: 180 }, { x: 150, y: 310, w: 500, h: 160 }];
    const at = placeBox(path, w, h, text, { x: 0, y: -300, w: 1000, h: 1200 });
    // The box and the rewrite tags over it (30 units) cover none of the text.
    for (const t of text) expect(hit({ x: at.x, y: at.y - 30, w, h: h + 30 }, t)).toBe(false);
  });
});
