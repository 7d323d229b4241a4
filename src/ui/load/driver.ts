/**
 * The worker's loop: runs a load run in slices of at most SLICE_MS of wall time, one sample
 * interval at a time, and between slices reads the page's messages (pause, a weight changed…).
 * Simulated time follows the wall clock at `pace` (simulated ms per real ms), or runs flat out
 * at Infinity. After every slice it posts the samples made and its progress. The runner, the
 * clock and the scheduler are arguments, so tests drive it with a fake runner and fake time.
 */
import type { LoadRun } from '../../engine';
import type { LoadPoint } from './series';
import type { FromWorker, Pace, RunProgress, RunState, TableSnapshot, ToWorker } from './protocol';

/** What the driver needs of the engine's load run. */
export type LoadRunnerPort = Pick<LoadRun, 'nowMs' | 'done' | 'hops' | 'advance' | 'apply' | 'ipvsadm' | 'connTableHead'>;

export interface DriverHost {
  post(msg: FromWorker): void;
  /** Wall-clock ms (performance.now in the worker). */
  clock(): number;
  /** Runs fn after about `ms` (setTimeout in the worker). */
  later(fn: () => void, ms: number): void;
}

/** Wall time one slice may take before the worker looks at its messages and posts. */
export const SLICE_MS = 40;
/** How many director tables the worker keeps for picking a time (one per sample at most, the oldest dropped). */
export const MAX_SNAPSHOTS = 3600;
/** Lines of `ipvsadm -L -n -c` kept per snapshot: a class reads the first screenful, the count says the rest. */
export const TABLE_LINES = 40;
/** The connection table is formatted only while that costs at most this share of the simulation's time. */
const TABLE_SHARE = 0.1;

export interface Driver {
  handle(msg: ToWorker): void;
}

export function createDriver(
  open: (msg: Extract<ToWorker, { kind: 'start' }>) => LoadRunnerPort,
  host: DriverHost,
  warm: (msg: Extract<ToWorker, { kind: 'warm' }>) => void = () => {},
): Driver {
  let runner: LoadRunnerPort | null = null;
  let state: RunState = 'stopped';
  let pace: Pace = Infinity;
  let sampleMs = 1000;
  let busyMs = 0;
  let simMs = 0;
  let tableMs = 0;
  let requests = 0;
  // Where simulated time stood at a wall instant: pace is measured from there.
  let anchor = { wall: 0, sim: 0 };
  let pending = false;
  const snapshots: TableSnapshot[] = [];

  const progress = (): RunProgress => ({ now: runner?.nowMs ?? 0, requests, frames: runner?.hops ?? 0, busyMs, simMs });
  const setState = (s: RunState, error?: string) => {
    state = s;
    host.post({ kind: 'state', state: s, progress: progress(), ...(error !== undefined ? { error } : {}) });
  };
  const reanchor = () => {
    anchor = { wall: host.clock(), sim: runner?.nowMs ?? 0 };
  };
  const text = (out: ReturnType<LoadRunnerPort['ipvsadm']>) => (out.ok ? out.stdout : out.stderr);
  // What the director shows at this moment: `-L -n` always (a few lines), the connection table
  // while formatting it stays a small share of the run's time (it can hold thousands of entries).
  const snapshot = (r: LoadRunnerPort, busy: number) => {
    const services = text(r.ipvsadm(['-L', '-n']));
    let conns: TableSnapshot['conns'] = null;
    if (tableMs <= busy * TABLE_SHARE) {
      const start = host.clock();
      // Only the lines kept are formatted (the table can hold thousands of entries).
      conns = { t: r.nowMs, ...r.connTableHead(TABLE_LINES) };
      tableMs += host.clock() - start;
    }
    snapshots.push({ t: r.nowMs, services, conns });
    if (snapshots.length > MAX_SNAPSHOTS) snapshots.shift();
  };

  const slice = () => {
    pending = false;
    const r = runner;
    if (!r || state !== 'running') return;
    const start = host.clock();
    const target = pace === Infinity ? Infinity : anchor.sim + (start - anchor.wall) * pace;
    try {
      while (!r.done && host.clock() - start < SLICE_MS) {
        // One sample interval at a time, so every sample has its table.
        const next = (Math.floor(r.nowMs / sampleMs) + 1) * sampleMs;
        if (next > target) break;
        const simStart = host.clock();
        const made = r.advance(next);
        simMs += host.clock() - simStart;
        for (const p of made) {
          points.push(p);
          requests += p.requests.started;
        }
        snapshot(r, busyMs + host.clock() - start - tableMs);
      }
    } catch (e) {
      busyMs += host.clock() - start;
      return setState('failed', e instanceof Error ? e.message : String(e));
    }
    busyMs += host.clock() - start;
    host.post({ kind: 'samples', points: points.splice(0), progress: progress() });
    if (r.done) return setState('done');
    schedule(pace === Infinity ? 0 : 16);
  };
  const schedule = (ms: number) => {
    if (pending) return;
    pending = true;
    host.later(slice, ms);
  };

  const points: LoadPoint[] = [];
  // The last snapshot at or before t with a connection table, and the services' lines at t.
  const tablesAt = (t: number): TableSnapshot | undefined => {
    let at: TableSnapshot | undefined;
    let conns: TableSnapshot['conns'] = null;
    for (const s of snapshots) {
      if (s.t > t && at) break;
      at = s;
      if (s.conns) conns = s.conns;
    }
    return at && { ...at, conns };
  };

  return {
    handle(msg) {
      switch (msg.kind) {
        case 'warm':
          return warm(msg);
        case 'start':
          try {
            runner = open(msg);
          } catch (e) {
            runner = null;
            return setState('failed', e instanceof Error ? e.message : String(e));
          }
          snapshots.length = 0;
          points.length = 0;
          busyMs = 0;
          simMs = 0;
          tableMs = 0;
          requests = 0;
          pace = msg.pace;
          sampleMs = msg.options.sampleMs ?? 1000;
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
        case 'change': {
          if (!runner || runner.done) return;
          const problem = runner.apply(msg.change);
          host.post({ kind: 'changed', change: msg.change, t: runner.nowMs, ...(problem !== undefined ? { problem } : {}) });
          return;
        }
        case 'table':
          host.post({ kind: 'table', id: msg.id, snapshot: tablesAt(msg.t) ?? null });
          return;
        default: {
          const never: never = msg;
          return never;
        }
      }
    },
  };
}
