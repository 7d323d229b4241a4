/**
 * The worker's loop: runs a load run in slices of at most SLICE_MS of wall time, one sample
 * interval at a time, and between slices reads the page's messages (pause, a weight changed…).
 * Simulated time follows the wall clock at `pace` (simulated ms per real ms), or runs flat out
 * at Infinity. After every slice it posts the samples made and its progress. The runner, the
 * clock and the scheduler are arguments, so tests drive it with a fake runner and fake time.
 */
import type { FromWorker, LoadChange, Pace, RunProgress, RunState, ToWorker } from './protocol';
import type { LoadPoint } from './series';

/** What the driver needs from the engine's load runner (runner-adapter.ts makes one). */
export interface LoadRunnerPort {
  /** Simulated ms now. */
  readonly now: number;
  readonly finished: boolean;
  readonly frames: number;
  readonly requests: number;
  /** Runs until simulated time `t`, or the run's end. */
  runUntil(t: number): void;
  /** The samples made since the last call. */
  takePoints(): LoadPoint[];
  apply(change: LoadChange): void;
  /** The director's connection table now, as `ipvsadm -L -n -c` prints it (at most `maxLines` entries). */
  table(maxLines: number): string;
}

export interface DriverHost {
  post(msg: FromWorker): void;
  /** Wall-clock ms (performance.now in the worker). */
  clock(): number;
  /** Runs fn after about `ms` (setTimeout in the worker). */
  later(fn: () => void, ms: number): void;
}

/** Wall time one slice may take before the worker looks at its messages and posts. */
export const SLICE_MS = 40;
/** How many connection tables the worker keeps for picking a time (one per sample, the oldest dropped). */
export const MAX_SNAPSHOTS = 1200;
export const TABLE_LINES = 60;

export interface Driver {
  handle(msg: ToWorker): void;
}

export function createDriver(open: (msg: Extract<ToWorker, { kind: 'start' }>) => LoadRunnerPort, host: DriverHost): Driver {
  let runner: LoadRunnerPort | null = null;
  let state: RunState = 'stopped';
  let pace: Pace = Infinity;
  let sampleMs = 1000;
  let busyMs = 0;
  // Where simulated time stood at a wall instant: pace is measured from there.
  let anchor = { wall: 0, sim: 0 };
  let pending = false;
  const snapshots: Array<{ t: number; text: string }> = [];

  const progress = (): RunProgress => ({ now: runner?.now ?? 0, requests: runner?.requests ?? 0, frames: runner?.frames ?? 0, busyMs });
  const setState = (s: RunState, error?: string) => {
    state = s;
    host.post({ kind: 'state', state: s, progress: progress(), ...(error !== undefined ? { error } : {}) });
  };
  const reanchor = () => {
    anchor = { wall: host.clock(), sim: runner?.now ?? 0 };
  };
  const snapshot = (r: LoadRunnerPort) => {
    snapshots.push({ t: r.now, text: r.table(TABLE_LINES) });
    if (snapshots.length > MAX_SNAPSHOTS) snapshots.shift();
  };

  const slice = () => {
    pending = false;
    const r = runner;
    if (!r || state !== 'running') return;
    const start = host.clock();
    const target = pace === Infinity ? Infinity : anchor.sim + (start - anchor.wall) * pace;
    try {
      while (!r.finished && host.clock() - start < SLICE_MS) {
        // One sample interval at a time, so every sample has its table.
        const next = (Math.floor(r.now / sampleMs) + 1) * sampleMs;
        if (next > target) break;
        r.runUntil(next);
        snapshot(r);
      }
    } catch (e) {
      busyMs += host.clock() - start;
      return setState('failed', e instanceof Error ? e.message : String(e));
    }
    busyMs += host.clock() - start;
    host.post({ kind: 'samples', points: r.takePoints(), progress: progress() });
    if (r.finished) return setState('done');
    schedule(pace === Infinity ? 0 : 16);
  };
  const schedule = (ms: number) => {
    if (pending) return;
    pending = true;
    host.later(slice, ms);
  };

  const tableAt = (t: number): { t: number; text: string } | undefined => {
    let best: { t: number; text: string } | undefined;
    for (const s of snapshots) if (s.t <= t) best = s;
    return best ?? snapshots[0];
  };

  return {
    handle(msg) {
      switch (msg.kind) {
        case 'start':
          try {
            runner = open(msg);
          } catch (e) {
            runner = null;
            return setState('failed', e instanceof Error ? e.message : String(e));
          }
          snapshots.length = 0;
          busyMs = 0;
          pace = msg.pace;
          sampleMs = msg.settings.sampleMs;
          reanchor();
          setState('running');
          return schedule(0);
        case 'pause':
          if (state === 'running') setState('paused');
          return;
        case 'resume':
          if (state !== 'paused') return;
          reanchor();
          setState('running');
          return schedule(0);
        case 'stop':
          if (state === 'running' || state === 'paused') setState('stopped');
          return;
        case 'pace':
          pace = msg.pace;
          reanchor();
          return;
        case 'change':
          if (!runner || runner.finished) return;
          runner.apply(msg.change);
          host.post({ kind: 'changed', change: msg.change, t: runner.now });
          return;
        case 'table': {
          const s = tableAt(msg.t);
          host.post({ kind: 'table', id: msg.id, t: s?.t ?? msg.t, text: s?.text ?? '' });
          return;
        }
        default: {
          const never: never = msg;
          return never;
        }
      }
    },
  };
}
