/**
 * The two depths a learner steps through.
 *
 * Course view keeps the hops the slides draw: every IPv4 frame except a pure ACK (a TCP segment
 * whose only flag is ACK and that carries no payload), plus every drop (the slides never draw
 * one, but a broken lab is about where the packet died). It skips ARP, host decisions and pure
 * ACKs; the narration of a course step still tells what was skipped since the previous one.
 * Full view is every event.
 */
import type { TraceEventJson, TraceJson } from '../../engine/sim/trace-json';

export type Depth = 'course' | 'full';

export function isPureAck(e: TraceEventJson): boolean {
  if (e.kind !== 'frame' || !e.ip) return false;
  const tcp = e.ip.inner?.tcp ?? e.ip.tcp;
  return !!tcp && tcp.len === 0 && tcp.flags.length === 1 && tcp.flags[0] === 'ACK';
}

export function isCourseEvent(e: TraceEventJson): boolean {
  if (e.kind === 'drop') return true;
  return e.kind === 'frame' && e.eth.type === 'ipv4' && !isPureAck(e);
}

/** Indices into trace.events that the given depth steps through, in order. */
export function visibleSteps(trace: TraceJson, depth: Depth): number[] {
  const out: number[] = [];
  trace.events.forEach((e, i) => {
    if (depth === 'full' || isCourseEvent(e)) out.push(i);
  });
  return out;
}

/** The position in `steps` of the last step at or before event `eventIndex` (0 if none). */
export function cursorAtOrBefore(steps: readonly number[], eventIndex: number): number {
  let lo = 0, hi = steps.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((steps[mid] ?? 0) <= eventIndex) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
