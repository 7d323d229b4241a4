/**
 * Messages between the load view and its worker. The page sends a run's settings and the
 * changes a teacher makes while it runs; the worker streams samples and its progress. Plain
 * data only: everything here crosses postMessage's structured clone.
 */
import type { Scenario } from '../../engine';
import type { LoadPoint } from './series';

/** A run's settings, as the view's form holds them (the CLI `load`'s flags, docs/cli.md). */
export interface LoadSettings {
  clients: number;
  /** Requests per second, all clients together (Poisson arrivals). */
  rate: number;
  /** How long a client keeps its connection open for its next request, ms (0: one request a connection). */
  keepAliveMs: number;
  /** The run ends after this many requests… */
  requests: number;
  /** …or this much simulated time, whichever comes first. */
  durationS: number;
  scheduler: string;
  /** Weight per real server id (servers not named keep the scenario's). */
  weights: Readonly<Record<string, number>>;
  seed: number;
  sampleMs: number;
  /** keepalived-like checker: connect every intervalS; after `fails` failures weight 0 (or removed), back after `rises` successes. */
  health: { intervalS: number; fails: number; rises: number; remove: boolean } | null;
}

/** What a teacher changes while the run goes on, applied at the worker's current simulated time. */
export type LoadChange =
  | { kind: 'weight'; server: string; weight: number }
  | { kind: 'fail'; server: string }
  | { kind: 'restore'; server: string }
  | { kind: 'remove'; server: string }
  | { kind: 'add'; server: string; weight: number };

/** How fast simulated time goes: simulated ms per real ms (Infinity: as fast as the engine can). */
export type Pace = number;

export type ToWorker =
  | { kind: 'start'; scenario: Scenario; settings: LoadSettings; pace: Pace }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'pace'; pace: Pace }
  | { kind: 'change'; change: LoadChange }
  /** The director's connection table (`ipvsadm -L -n -c`) as it was at simulated time t. */
  | { kind: 'table'; id: number; t: number };

export type RunState = 'running' | 'paused' | 'done' | 'stopped' | 'failed';

export interface RunProgress {
  /** Simulated ms reached. */
  now: number;
  requests: number;
  /** Frame-hops simulated so far, and the worker's wall time spent simulating them (ms). */
  frames: number;
  busyMs: number;
}

export type FromWorker =
  | { kind: 'samples'; points: LoadPoint[]; progress: RunProgress }
  | { kind: 'state'; state: RunState; progress: RunProgress; error?: string }
  /** A change as applied, at its simulated time (what the charts mark). */
  | { kind: 'changed'; change: LoadChange; t: number }
  | { kind: 'table'; id: number; t: number; text: string };
