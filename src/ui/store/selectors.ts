/** Narrow reads of the store that several views share. */
import type { TraceEventJson } from '../../engine';
import type { SimState } from './types';

export const currentEventIndex = (s: SimState): number => s.steps[s.cursor] ?? -1;

export const currentEvent = (s: SimState): TraceEventJson | undefined =>
  s.trace?.events[currentEventIndex(s)];

/** Event indices hidden by the depth between the previous visible step and this one. */
export function skippedBefore(s: SimState): number[] {
  const here = s.steps[s.cursor];
  if (here === undefined || s.depth === 'full') return [];
  const before = s.cursor > 0 ? (s.steps[s.cursor - 1] ?? -1) : -1;
  const out: number[] = [];
  for (let i = before + 1; i < here; i++) out.push(i);
  return out;
}
