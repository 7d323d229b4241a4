/** How a client's request ends: counted for streaming runs, traced for retained ones. */
import type { Host, World } from '../../sim/world';

export function finishRequest(w: World, host: Host, conn: number, ok: boolean, answer: string, startedAt: number): void {
  const ms = w.now - startedAt;
  if (ok) {
    w.trace.stats.requestsOk++;
    w.trace.stats.latencySumMs += ms;
    w.trace.stats.latencyMaxMs = Math.max(w.trace.stats.latencyMaxMs, ms);
  } else {
    w.trace.stats.requestsFailed++;
  }
  if (w.trace.retain) {
    w.trace.action(w.now, host.id, ok ? 'request-done' : 'request-failed', { answer, ms }, conn, { answer, ms: Math.round(ms * 1000) / 1000 });
  }
}
