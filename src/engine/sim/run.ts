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
  /** With retain: false here, every event is made and numbered as when kept, and none is kept. */
  keepEvents?: boolean;
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

/** A run that can pause between queue items and go on later (the inspector steps through one). */
export interface Run {
  readonly world: World;
  readonly trace: Trace;
  /** Why the run ended; undefined while it can go on. */
  end: Exclude<StopReason, 'step'> | undefined;
  /**
   * Events made before the last queue item ran: the world now is the one a run stopped after
   * any event from #from to #(trace.count − 1) shows (and after any later one once ended).
   */
  from: number;
  readonly hadClients: boolean;
  readonly maxTimeMs: number;
}

/** Builds the world, announces its addresses and starts its apps: no queue item has run yet. */
export function startRun(scenario: Scenario, opts: RunOptions = {}, hooks: BuildHooks = {}): Run {
  const seed = opts.seed ?? scenario.seed ?? 1;
  const retain = opts.retain ?? true;
  const trace = new Trace(retain, opts.maxEvents ?? DEFAULT_MAX_EVENTS, opts.keepEvents ?? retain);
  const w = createWorld(seed, trace);
  buildWorld(w, withRequests(scenario, opts.requests), hooks);
  announceAddresses(w);
  for (const host of w.hostList) for (const app of host.apps) app.start(w, host);
  return { world: w, trace, end: undefined, from: 0, hadClients: w.activeClients > 0, maxTimeMs: opts.maxTimeMs ?? DEFAULT_MAX_TIME_MS };
}

/**
 * Runs queue items until the trace has passed event #stopAfterSeq (`'step'`), the run ends
 * (its reason, the same on every later call), or `budget` items have run (`'budget'`). Only
 * whole items run, so the world is always between two of them.
 */
export function advanceRun(run: Run, stopAfterSeq = Infinity, budget = Infinity): StopReason | 'budget' {
  if (run.end !== undefined) return run.end;
  const { world: w, trace, hadClients, maxTimeMs: maxTime } = run;
  const q = w.queue;
  let from = run.from;
  let reason: StopReason | 'budget';
  for (let n = 0; ; n++) {
    if (hadClients && w.activeClients === 0 && w.inflight === 0) {
      reason = run.end = 'done';
      break;
    }
    if (trace.count > stopAfterSeq) {
      reason = 'step';
      break;
    }
    if (trace.full) {
      reason = run.end = 'event-limit';
      break;
    }
    const t = q.peekTime();
    if (t > maxTime) {
      reason = run.end = q.size ? 'time-limit' : 'idle';
      break;
    }
    if (n >= budget) {
      reason = 'budget';
      break;
    }
    const item = q.popItem();
    if (!item) {
      reason = run.end = 'idle';
      break;
    }
    from = trace.count;
    w.now = t;
    dispatchEvent(w, item);
  }
  run.from = from;
  return reason;
}

export function runScenario(scenario: Scenario, opts: RunOptions = {}, hooks: BuildHooks = {}): RunResult {
  const run = startRun(scenario, opts, hooks);
  const stopReason = advanceRun(run, opts.stopAfterSeq) as StopReason;
  return { world: run.world, trace: run.trace, stopReason };
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
