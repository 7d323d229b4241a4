/**
 * The load view's own store (made per view, STYLE 7): the form, and one lane per run — the
 * worker running it, the samples it streamed, its changes and the director's tables at the
 * picked time. Samples and progress are applied together in one animation frame at most every
 * FLUSH_MS, so a worker running flat out costs the page a few renders a second, not one a frame. Workers come from `spawn`, an argument: tests run
 * the worker's driver in-process.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LoadChange, Scenario } from '../../engine';
import type { FromWorker, Pace, RunProgress, RunState, TableSnapshot, ToWorker } from './protocol';
import type { LoadPoint } from './series';
import { defaultSettings, loadOptions, type LoadSettings } from './settings';

export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  terminate(): void;
}

export interface Lane {
  scheduler: string;
  state: RunState | 'idle';
  points: LoadPoint[];
  progress: RunProgress;
  changes: Array<{ change: LoadChange; t: number }>;
  /** The last change the engine refused, and why. */
  problem: string | null;
  error: string | null;
  table: TableSnapshot | null;
}

export interface LoadViewState {
  settings: LoadSettings;
  /** Simulated seconds per real second (Infinity: flat out). */
  pace: Pace;
  lanes: Lane[];
  /** The simulated ms picked on a chart (null: follow the run's latest sample). */
  picked: number | null;
}

export interface LoadViewActions {
  setSettings(patch: Partial<LoadSettings>): void;
  setWeight(server: string, weight: number): void;
  /** Spawns the worker the next Start will use and has it warm up on `scenario` meanwhile (once; a Start takes it). */
  prepare(scenario: Scenario): void;
  start(scenario: Scenario): void;
  pause(): void;
  resume(): void;
  stop(): void;
  setPace(pace: Pace): void;
  /** The same change in every lane, at each one's current simulated time. */
  change(change: LoadChange): void;
  pick(t: number | null): void;
  dispose(): void;
}

export type LoadStore = LoadViewState & LoadViewActions;

const IDLE: RunProgress = { now: 0, requests: 0, frames: 0, busyMs: 0, simMs: 0 };

/** Wall ms between two redraws of a running run's charts (a run's end or pause shows at once). */
export const FLUSH_MS = 250;

export interface LoadStoreOptions {
  spawn: () => WorkerLike;
  scheduler: string;
  /** Runs fn before the next paint (requestAnimationFrame in the page). */
  frame?: (fn: () => void) => void;
  /** Wall-clock ms (performance.now in the page). */
  clock?: () => number;
  /** Runs fn in a task of its own (setTimeout 0 in the page): Start's click and the charts' first draw are two tasks. */
  defer?: (fn: () => void) => void;
  pace?: Pace;
}

export function createLoadStore(opts: LoadStoreOptions): StoreApi<LoadStore> {
  const frame = opts.frame ?? ((fn) => requestAnimationFrame(() => fn()));
  const clock = opts.clock ?? (() => performance.now());
  const defer = opts.defer ?? ((fn) => void setTimeout(fn, 0));
  return createStore<LoadStore>()((set, get) => {
    let workers: WorkerLike[] = [];
    // A worker spawned ahead of Start, warming up (prepare).
    let spare: WorkerLike | null = null;
    let tableQuery = 0;
    // Samples and the latest progress received since the last redraw, per lane.
    let pending: LoadPoint[][] = [];
    let pendingProgress: Array<RunProgress | undefined> = [];
    let flushQueued = false;
    let lastFlush = -Infinity;

    const updateLane = (i: number, f: (l: Lane) => Partial<Lane>) =>
      set({ lanes: get().lanes.map((l, j) => (j === i ? { ...l, ...f(l) } : l)) });
    const flush = () => {
      flushQueued = false;
      const batches = pending;
      const progress = pendingProgress;
      pending = [];
      pendingProgress = [];
      lastFlush = clock();
      set({
        lanes: get().lanes.map((l, i) => {
          const points = batches[i]?.length ? l.points.concat(batches[i]) : l.points;
          const p = progress[i];
          return points === l.points && p === undefined ? l : { ...l, points, progress: p ?? l.progress };
        }),
      });
    };
    // The next frame at least FLUSH_MS after the last redraw.
    const whenDue = () => {
      if (!flushQueued) return; // a run's end or pause flushed already
      if (clock() - lastFlush >= FLUSH_MS) flush();
      else frame(whenDue);
    };
    // A started run's lanes, until they are shown (the task after Start's, or a worker's first word).
    let unshown: Lane[] | null = null;
    const showLanes = () => {
      if (unshown) set({ picked: null, lanes: unshown });
      unshown = null;
    };
    const onMessage = (i: number, w: WorkerLike) => (e: { data: FromWorker }) => {
      if (workers[i] !== w) return;
      showLanes();
      const m = e.data;
      switch (m.kind) {
        case 'samples':
          (pending[i] ??= []).push(...m.points);
          pendingProgress[i] = m.progress;
          if (!flushQueued) {
            flushQueued = true;
            frame(whenDue);
          }
          return;
        case 'state':
          // A run that paused or ended shows every sample it sent before saying so.
          if (m.state !== 'running') flush();
          return updateLane(i, () => ({ state: m.state, progress: m.progress, error: m.error ?? null }));
        case 'changed':
          return updateLane(i, (l) => (m.problem !== undefined ? { problem: m.problem } : { problem: null, changes: [...l.changes, { change: m.change, t: m.t }] }));
        case 'table':
          // Only the answer to the latest pick.
          return m.id === tableQuery ? updateLane(i, () => ({ table: m.snapshot })) : undefined;
        default: {
          const never: never = m;
          return never;
        }
      }
    };
    const send = (msg: ToWorker) => {
      for (const w of workers) w.postMessage(msg);
    };
    const stopWorkers = () => {
      for (const w of workers) w.terminate();
      workers = [];
      pending = [];
      pendingProgress = [];
      unshown = null;
    };

    return {
      settings: defaultSettings(opts.scheduler),
      pace: opts.pace ?? 5,
      lanes: [],
      picked: null,

      setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
      setWeight: (server, weight) => set({ settings: { ...get().settings, weights: { ...get().settings.weights, [server]: weight } } }),
      prepare(scenario) {
        if (spare) return;
        const { settings } = get();
        spare = opts.spawn();
        spare.postMessage({ kind: 'warm', scenario, options: loadOptions(settings, settings.scheduler) });
      },
      start(scenario) {
        stopWorkers();
        const { settings, pace } = get();
        const schedulers = settings.compareWith && settings.compareWith !== settings.scheduler ? [settings.scheduler, settings.compareWith] : [settings.scheduler];
        workers = schedulers.map((scheduler, i) => {
          const w = (i === 0 ? spare : null) ?? opts.spawn();
          if (i === 0) spare = null;
          w.onmessage = onMessage(i, w);
          w.postMessage({ kind: 'start', scenario, options: loadOptions(settings, scheduler), pace });
          return w;
        });
        // The charts' first draw is the heavy part of a start: in a task of its own.
        unshown = schedulers.map((scheduler) => ({ scheduler, state: 'idle', points: [], progress: IDLE, changes: [], problem: null, error: null, table: null }));
        defer(showLanes);
      },
      pause: () => send({ kind: 'pause' }),
      resume: () => send({ kind: 'resume' }),
      stop: () => send({ kind: 'stop' }),
      setPace(pace) {
        set({ pace });
        send({ kind: 'pace', pace });
      },
      change: (change) => send({ kind: 'change', change }),
      pick(t) {
        set({ picked: t });
        if (t === null) return set({ lanes: get().lanes.map((l) => ({ ...l, table: null })) });
        send({ kind: 'table', id: ++tableQuery, t });
      },
      dispose() {
        stopWorkers();
        spare?.terminate();
        spare = null;
      },
    };
  });
}
