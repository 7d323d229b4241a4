/** swipeDirection: a quick, mostly horizontal stroke is a page turn; anything else is not. */
import { describe, expect, it } from 'vitest';
import { SWIPE_MIN_PX, swipeDirection } from './useSwipe';

describe('swipeDirection', () => {
  it('reads a stroke to the left as forward and to the right as back', () => {
    expect(swipeDirection(-120, 10, 200)).toBe('forward');
    expect(swipeDirection(120, -10, 200)).toBe('back');
  });

  it('ignores a short, a slow or a mostly vertical stroke (a tap, a hold, a scroll)', () => {
    expect(swipeDirection(SWIPE_MIN_PX - 1, 0, 100)).toBeNull();
    expect(swipeDirection(-200, 0, 2000)).toBeNull();
    expect(swipeDirection(-100, 90, 200)).toBeNull();
  });
});
