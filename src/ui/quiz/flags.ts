/** A hop's TCP flags as the prompt names them ("SYN", "SYN, ACK"), from its first frame. */
import type { TraceJson } from '../../engine';
import type { QuizHop } from '../../quiz';

export function flagsOf(trace: TraceJson, hop: QuizHop): string {
  const e = trace.events[hop.first];
  const ip = e?.kind === 'frame' ? e.ip : undefined;
  return (ip?.inner?.tcp ?? ip?.tcp)?.flags.join(', ') ?? '';
}
