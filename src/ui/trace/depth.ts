/**
 * The two depths a learner steps through.
 *
 * Course view keeps the hops the slides draw: every IPv4 frame except a pure ACK (a TCP segment
 * whose only flag is ACK and that carries no payload), plus every drop (the slides never draw
 * one, but a broken lab is about where the packet died). It skips ARP, host decisions and pure
 * ACKs; the narration of a course step still tells what was skipped since the previous one.
 * Two things the slides' lessons turn on are kept too, although they are not IPv4: ARP replies
 * when several hosts answer for one address (DR without arp_ignore, where the client keeps the
 * first answer), with the client's decision to ignore the later ones, and ipvsadm replacing a
 * real server's port (DR/TUN cannot map ports), and ARP requests ignored as martians (a DR
 * director without an address of its own asks from the VIP the real servers hold).
 * Full view is every event.
 */
import type { TraceEventJson, TraceJson } from '../../engine';

export type Depth = 'course' | 'full';

export function isPureAck(e: TraceEventJson): boolean {
  if (e.kind !== 'frame' || !e.ip) return false;
  const tcp = e.ip.inner?.tcp ?? e.ip.tcp;
  return !!tcp && tcp.len === 0 && tcp.flags.length === 1 && tcp.flags[0] === 'ACK';
}

const LESSON_ACTIONS = new Set(['arp-locktime-ignore', 'ipvsadm-port-replaced', 'ipvsadm-error']);

/** Addresses that more than one MAC claimed in ARP replies: the run's ARP conflicts. */
export function contestedAddresses(trace: TraceJson): Set<string> {
  const claims = new Map<string, Set<string>>();
  for (const e of trace.events) {
    if (e.kind !== 'frame' || e.arp?.op !== 'reply') continue;
    const macs = claims.get(e.arp.senderIp) ?? new Set<string>();
    macs.add(e.arp.senderMac);
    claims.set(e.arp.senderIp, macs);
  }
  return new Set([...claims].filter(([, macs]) => macs.size > 1).map(([ip]) => ip));
}

export function isCourseEvent(e: TraceEventJson, contested: ReadonlySet<string> = new Set()): boolean {
  if (e.kind === 'drop') return true;
  // A request dropped as a martian (its sender is one of our own addresses) is why DR fails without a DIP.
  if (e.kind === 'action') return LESSON_ACTIONS.has(e.action) || e.note.key === 'action.arp-ignore.martian-source';
  if (e.arp) return e.arp.op === 'reply' && contested.has(e.arp.senderIp);
  return e.eth.type === 'ipv4' && !isPureAck(e);
}

/** Indices into trace.events that the given depth steps through, in order. */
export function visibleSteps(trace: TraceJson, depth: Depth): number[] {
  const contested = depth === 'course' ? contestedAddresses(trace) : new Set<string>();
  const out: number[] = [];
  trace.events.forEach((e, i) => {
    if (depth === 'full' || isCourseEvent(e, contested)) out.push(i);
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
