/**
 * One finger swiped across the topology steps the story: left is forward, right is back (as a
 * page turns). Two fingers still pan and pinch (useZoom leaves one-finger touches alone).
 * A swipe is mostly horizontal, at least SWIPE_MIN_PX long and quick; anything else is a tap.
 */
import { useEffect, type RefObject } from 'react';

export const SWIPE_MIN_PX = 40;
const SWIPE_MAX_MS = 800;

export function swipeDirection(dx: number, dy: number, ms: number): 'forward' | 'back' | null {
  if (ms > SWIPE_MAX_MS || Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
  return dx < 0 ? 'forward' : 'back';
}

export function useSwipe(ref: RefObject<Element | null>, onForward: () => void, onBack: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let start: { x: number; y: number; t: number } | null = null;
    const down = (e: Event) => {
      const te = e as TouchEvent;
      const t = te.touches[0];
      start = te.touches.length === 1 && t ? { x: t.clientX, y: t.clientY, t: te.timeStamp } : null;
    };
    const up = (e: Event) => {
      const te = e as TouchEvent;
      const t = te.changedTouches[0];
      if (!start || !t) return;
      const dir = swipeDirection(t.clientX - start.x, t.clientY - start.y, te.timeStamp - start.t);
      start = null;
      if (dir === 'forward') onForward();
      else if (dir === 'back') onBack();
    };
    el.addEventListener('touchstart', down, { passive: true });
    el.addEventListener('touchend', up, { passive: true });
    return () => {
      el.removeEventListener('touchstart', down);
      el.removeEventListener('touchend', up);
    };
  }, [ref, onForward, onBack]);
}
