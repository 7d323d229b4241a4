/**
 * While playing, advance one step per hop duration (shorter at higher speeds); stop at the end.
 * Time lives here, not in the store, so the store stays a pure function of its actions.
 */
import { useEffect } from 'react';
import { useSim } from '../store/useSim';
import { SPEEDS } from '../store/types';

/** One hop at speed 1, ms: long enough to follow a packet across a projected screen. */
export const HOP_MS = 1400;

export const hopDuration = (speedIndex: number): number => HOP_MS / (SPEEDS[speedIndex] ?? 1);

export function usePlayback(): void {
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const last = useSim((s) => s.steps.length - 1);
  const speedIndex = useSim((s) => s.speedIndex);
  const stepForward = useSim((s) => s.stepForward);
  const pause = useSim((s) => s.pause);
  useEffect(() => {
    if (!playing) return;
    if (cursor >= last) {
      pause();
      return;
    }
    const id = window.setTimeout(stepForward, hopDuration(speedIndex));
    return () => window.clearTimeout(id);
  }, [playing, cursor, last, speedIndex, stepForward, pause]);
}

/**
 * The clock as a component of its own: it re-renders on every step, and the App it sits in
 * would otherwise re-render the whole page with it (a phone cannot afford that at 8×).
 */
export function PlaybackClock(): null {
  usePlayback();
  return null;
}
