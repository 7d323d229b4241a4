/**
 * Messages between the load view and its worker. The page sends a run's settings and the
 * changes a teacher makes while it runs; the worker streams samples and its progress. Plain
 * data only: everything here crosses postMessage's structured clone.
 */
import type { LoadChange, LoadOptions, Scenario } from '../../engine';
import type { LoadPoint } from './series';

/** What the director showed at a sample: `ipvsadm -L -n`, and the head of `-L -n -c` when it was taken. */
export interface TableSnapshot {
  t: number;
  services: string;
  /** The connection table's first lines (header included) and how many entries it had, at its own time t (the latest taken). */
  conns: { t: number; head: string; entries: number } | null;
}

/** How fast simulated time goes: simulated ms per real ms (Infinity: as fast as the engine can). */
export type Pace = number;

export type ToWorker =
  /**
   * Before any run: a short run thrown away, so V8 has compiled the engine's hot path before the
   * next Start (sent when the view opens, to the worker that Start will use). A start warms up
   * first if this never came.
   */
  | { kind: 'warm'; scenario: Scenario; options: LoadOptions }
  | { kind: 'start'; scenario: Scenario; options: LoadOptions; pace: Pace }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'pace'; pace: Pace }
  | { kind: 'change'; change: LoadChange }
  /** What the director showed (`ipvsadm -L -n`, `-L -n -c`) at simulated time t. */
  | { kind: 'table'; id: number; t: number };

export type RunState = 'running' | 'paused' | 'done' | 'stopped' | 'failed';

export interface RunProgress {
  /** Simulated ms reached. */
  now: number;
  requests: number;
  /** Frame-hops simulated so far. */
  frames: number;
  /** The worker's wall time spent on the run (ms): simulating, and taking the director's tables at each sample. */
  busyMs: number;
  /** The part of busyMs spent in the engine's advance() alone: frames over it is the simulation speed. */
  simMs: number;
}

export type FromWorker =
  | { kind: 'samples'; points: LoadPoint[]; progress: RunProgress }
  | { kind: 'state'; state: RunState; progress: RunProgress; error?: string }
  /** A change as applied at its simulated time (what the charts mark), or why it could not be. */
  | { kind: 'changed'; change: LoadChange; t: number; problem?: string }
  /** The director at the last sample at or before the time asked (null before the first sample). */
  | { kind: 'table'; id: number; snapshot: TableSnapshot | null };
