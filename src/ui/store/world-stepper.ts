/**
 * The worlds the inspector shows, one per step, from the engine's cursors (paused runs that
 * only move forward). The cursor last used follows the user forward, paying only the distance.
 * Checkpoints, cursors paused every `interval` events and built from time zero in idle time,
 * bound a jump back or far ahead to one interval of replay. A cursor cannot be copied (its world
 * holds timers, which are closures), so a checkpoint a jump starts from is used up, and idle
 * time builds it again.
 */
import type { WorldView } from '../../engine';
import type { StepCursor } from '../engine-port';

/** The world after a step, or why it could not be made (shown, never hidden behind a blank). */
export type WorldAt = { ok: true; view: WorldView } | { ok: false; error: string };

/** Runs `work` when the page is idle; `timeLeft()` is how many ms it may still take. Returns a cancel. */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => () => void;

export interface CheckpointProgress {
  built: number;
  total: number;
}

export interface WorldStepperOptions {
  /** A new cursor at time zero. */
  open: () => StepCursor;
  /** The trace's length, in events. */
  events: number;
  /** Events between checkpoints: a jump replays at most this many. */
  interval?: number;
  /** Where checkpoints are built; without one there are none (each jump back replays from zero). */
  idle?: IdleScheduler | undefined;
  /** Told when a checkpoint is built or used up. */
  onProgress?: (p: CheckpointProgress) => void;
}

export const CHECKPOINT_INTERVAL = 10_000;
/** Views kept for the steps asked for last: stepping back and forth over them costs nothing. */
const RECENT = 32;
/** Queue items a checkpoint's build runs between looks at the idle deadline (about a millisecond). */
const ITEMS_PER_SLICE = 500;

export interface WorldStepper {
  at(step: number): WorldAt;
  progress(): CheckpointProgress;
  /** Stops building; the stepper still answers, from cursors it already has. */
  dispose(): void;
}

export function createWorldStepper(opts: WorldStepperOptions): WorldStepper {
  const interval = Math.max(1, opts.interval ?? CHECKPOINT_INTERVAL);
  // Slot k holds a cursor at step (k + 1) · interval; none for a trace shorter than one interval.
  const slots: Array<StepCursor | null> = Array.from({ length: Math.max(0, Math.ceil(opts.events / interval) - 1) }, () => null);
  const slotStep = (k: number) => (k + 1) * interval;
  const recent = new Map<number, WorldAt>();
  let active: StepCursor | null = null;
  let building: { k: number; cursor: StepCursor } | null = null;
  let lastAsked = 0;
  let cancelIdle: (() => void) | null = null;
  let stopped = false;

  const progress = (): CheckpointProgress => ({ built: slots.filter(Boolean).length, total: slots.length });
  const report = () => opts.onProgress?.(progress());

  /** The closest cursor at or before `step`; a checkpoint taken is used up. */
  function cursorFor(step: number): StepCursor {
    let best = active?.canReach(step) ? active : null;
    let taken = -1;
    slots.forEach((c, k) => {
      if (c?.canReach(step) && (!best || c.events > best.events)) {
        best = c;
        taken = k;
      }
    });
    if (taken >= 0) {
      slots[taken] = null;
      report();
    }
    return best ?? opts.open();
  }

  /** The empty slot to build next: the one just before the step asked last, else the latest. */
  function nextSlot(): number {
    const below = Math.min(slots.length, Math.floor(lastAsked / interval)) - 1;
    for (let k = below; k >= 0; k--) if (!slots[k] && building?.k !== k) return k;
    for (let k = slots.length - 1; k > below; k--) if (!slots[k] && building?.k !== k) return k;
    return -1;
  }

  function work(timeLeft: () => number): void {
    while (timeLeft() > 1) {
      if (!building) {
        const k = nextSlot();
        if (k < 0) return;
        building = { k, cursor: opts.open() };
      }
      if (building.cursor.advanceTo(slotStep(building.k), ITEMS_PER_SLICE)) {
        slots[building.k] = building.cursor;
        building = null;
        report();
      }
    }
  }

  function wake(): void {
    if (stopped || cancelIdle || !opts.idle || (!building && nextSlot() < 0)) return;
    cancelIdle = opts.idle((timeLeft) => {
      cancelIdle = null;
      try {
        work(timeLeft);
      } catch {
        // The same failure shows in the inspector when it asks for that step; stop building.
        stopped = true;
        return;
      }
      wake();
    });
  }

  function remember(step: number, r: WorldAt): WorldAt {
    recent.delete(step);
    recent.set(step, r);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value as number);
    return r;
  }

  // Building starts with the first look: a trace nobody inspects costs no idle time.
  return {
    at(step) {
      const hit = recent.get(step);
      if (hit) return remember(step, hit);
      lastAsked = step;
      let r: WorldAt;
      try {
        active = cursorFor(step);
        active.advanceTo(step);
        r = { ok: true, view: active.view() };
      } catch (e) {
        active = null;
        r = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      wake();
      return remember(step, r);
    },
    progress,
    dispose() {
      stopped = true;
      cancelIdle?.();
      cancelIdle = null;
      building = null;
    },
  };
}

/** The browser's idle callbacks, where there are any. */
export const browserIdle: IdleScheduler | undefined = typeof requestIdleCallback === 'function'
  ? (work) => {
    const id = requestIdleCallback((deadline) => work(() => deadline.timeRemaining()));
    return () => cancelIdleCallback(id);
  }
  : undefined;
