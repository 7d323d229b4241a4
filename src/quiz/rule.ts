/**
 * The rule that made a hop what it is, as the trace already tells it: the decisions hosts took
 * since the previous packet (the scheduler's pick, DNAT, DR's MAC, encapsulation, who answered
 * ARP for the address, the socket that accepted the connection). The UI words each note.
 */
import type { NoteJson, TraceJson } from '../engine';
import type { QuizHop } from './hops';

/** Decisions that shape a packet's headers or its receiver; the rest (ARP cache, TCP states) is detail. */
const RULE_ACTIONS: ReadonlySet<string> = new Set([
  'tcp-connect', 'tcp-accept', 'arp-reply', 'arp-ignore', 'arp-locktime-ignore', 'proxy-connect',
  'ipvs-schedule', 'ipvs-dnat', 'ipvs-snat', 'ipvs-dr-xmit', 'ipip-encap', 'ipip-decap',
]);

const ARP_LESSONS: ReadonlySet<string> = new Set(['arp-ignore', 'arp-locktime-ignore']);

export function ruleNotes(trace: TraceJson, hop: QuizHop): NoteJson[] {
  const events = trace.events;
  const frame = events[hop.first];
  let start = hop.first - 1;
  while (start >= 0 && !(events[start]?.kind === 'frame' && (events[start] as { ip?: unknown }).ip !== undefined)) start--;
  const picked = events.slice(start + 1, hop.first).filter((e) => e.kind === 'action' && RULE_ACTIONS.has(e.action)
    && (frame?.conn === undefined || e.conn === undefined || e.conn === frame.conn));
  // Who answered ARP matters only where someone kept quiet or was ignored (DR's VIP); otherwise it is routine.
  const contested = picked.some((e) => e.kind === 'action' && ARP_LESSONS.has(e.action));
  const notes = picked.filter((e) => contested || !(e.kind === 'action' && e.action === 'arp-reply')).map((e) => e.note);
  return notes.length > 0 || !frame ? notes : [frame.note];
}
