/**
 * The bounded event loop. A run ends when every client has finished and no frame is in flight,
 * or when a bound is hit (events, simulated time), and says which; a misconfiguration can never
 * loop forever.
 */
import { announceAddresses } from '../arp/garp';
import { onFrame } from '../host/rx';
import { buildWorld, type BuildHooks } from '../scenario/build';
import type { Scenario } from '../scenario/types';
import { Trace } from './trace';
import { createWorld, type SimEvent, type World } from './world';

export interface RunOptions {
  seed?: number;
  /** Overrides every client's number of requests. */
  requests?: number;
  /** Keep every event (default) or only counters (streaming). */
  retain?: boolean;
  /** Stop after this many trace events. */
  maxEvents?: number;
  /** Stop at this simulated time, ms. */
  maxTimeMs?: number;
  /** Stop right after the trace event with this seq (for the state at a step). */
  stopAfterSeq?: number;
}

export type StopReason = 'done' | 'idle' | 'event-limit' | 'time-limit' | 'step';

export interface RunResult {
  world: World;
  trace: Trace;
  stopReason: StopReason;
}

export const DEFAULT_MAX_EVENTS = 2_000_000;
export const DEFAULT_MAX_TIME_MS = 3_600_000;

export function withRequests(s: Scenario, requests: number | undefined): Scenario {
  if (requests === undefined) return s;
  return {
    ...s,
    hosts: s.hosts.map((h) => ({ ...h, ...(h.apps ? { apps: h.apps.map((a) => (a.kind === 'http-client' || a.kind === 'udp-client' ? { ...a, requests } : a)) } : {}) })),
  };
}

export function runScenario(scenario: Scenario, opts: RunOptions = {}, hooks: BuildHooks = {}): RunResult {
  const seed = opts.seed ?? scenario.seed ?? 1;
  const trace = new Trace(opts.retain ?? true, opts.maxEvents ?? DEFAULT_MAX_EVENTS);
  const w = createWorld(seed, trace);
  buildWorld(w, withRequests(scenario, opts.requests), hooks);
  announceAddresses(w);
  for (const host of w.hostList) for (const app of host.apps) app.start(w, host);
  const hadClients = w.activeClients > 0;
  const maxTime = opts.maxTimeMs ?? DEFAULT_MAX_TIME_MS;
  const stopAfter = opts.stopAfterSeq;
  const q = w.queue;
  let stopReason: StopReason = 'idle';
  for (;;) {
    if (hadClients && w.activeClients === 0 && w.inflight === 0) {
      stopReason = 'done';
      break;
    }
    if (stopAfter !== undefined && trace.count > stopAfter) {
      stopReason = 'step';
      break;
    }
    if (trace.full) {
      stopReason = 'event-limit';
      break;
    }
    const t = q.peekTime();
    if (t > maxTime) {
      stopReason = q.size ? 'time-limit' : 'idle';
      break;
    }
    const item = q.popItem();
    if (!item) break;
    w.now = t;
    dispatchEvent(w, item);
  }
  return { world: w, trace, stopReason };
}

/** One event taken from the queue: a frame reaching an interface, or a timer. */
export function dispatchEvent(w: World, item: SimEvent): void {
  if (item.k === 'rx') {
    w.inflight--;
    onFrame(w, item.iface, item, item.conn);
  } else {
    item.fire();
  }
}
