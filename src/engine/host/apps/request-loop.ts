/**
 * Clients that make N requests one after another (curl or dig in a loop): each request gets a
 * new connection id, and when it ends, how it ended is counted (streaming) and traced
 * (retained), then the next one starts after the gap.
 */
import { schedule, type Host, type World } from '../../sim/world';

export interface LoopConfig {
  readonly requests: number;
  readonly startMs: number;
  readonly gapMs: number;
}

/** Starts one request; it must call `finish` exactly once, when the request has ended. */
export type OneRequest = (w: World, host: Host, conn: number, finish: (ok: boolean, answer: string) => void) => void;

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

/** The app's start(): runs `one` cfg.requests times, sequentially, from cfg.startMs. */
export function requestLoop(cfg: LoopConfig, one: OneRequest): (w: World, host: Host) => void {
  let done = 0;
  function next(w: World, host: Host): void {
    if (done >= cfg.requests) {
      w.activeClients--;
      return;
    }
    const conn = w.nextConnId++;
    const startedAt = w.now;
    one(w, host, conn, (ok, answer) => {
      finishRequest(w, host, conn, ok, answer, startedAt);
      done++;
      schedule(w, cfg.gapMs, () => next(w, host));
    });
  }
  return (w, host) => {
    if (cfg.requests <= 0) return;
    w.activeClients++;
    schedule(w, cfg.startMs, () => next(w, host));
  };
}
