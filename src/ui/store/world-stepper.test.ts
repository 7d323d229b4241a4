// @vitest-environment node
/**
 * The inspector's stepper: it shows worldViewAt's world at every step, whatever the order (on
 * five presets, by property);
 * with its checkpoints built, no step replays more than one interval; a checkpoint a jump uses
 * up is built again; and a failure is a message, not a blank.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset, openWorldCursor, simulate, worldViewAt } from '../../engine';
import type { StepCursor } from '../engine-port';
import { createWorldStepper, type IdleScheduler } from './world-stepper';

const scenario = getPreset('nat-lab')!;
const opts = { requests: 4 };
const EVENTS = simulate(scenario, opts).trace.events.length;
const INTERVAL = 60;

/** Idle callbacks run when the test says so, each with plenty of time. */
function manualIdle(): { idle: IdleScheduler; drain: () => void } {
  const queue: Array<(timeLeft: () => number) => void> = [];
  return {
    idle: (work) => {
      queue.push(work);
      return () => queue.splice(queue.indexOf(work) >>> 0, 1);
    },
    drain: () => {
      for (let n = 0; queue.length && n < 10_000; n++) queue.shift()?.(() => 50);
    },
  };
}

/** Cursors that count the events they are moved through. */
function countingOpen(): { open: () => StepCursor; moved: () => number } {
  let moved = 0;
  const open = (): StepCursor => {
    const c = openWorldCursor(scenario, opts);
    return {
      get events() {
        return c.events;
      },
      canReach: (step) => c.canReach(step),
      advanceTo(step, budget) {
        const before = c.events;
        const done = c.advanceTo(step, budget);
        moved += c.events - before;
        return done;
      },
      view: () => c.view(),
    };
  };
  return { open, moved: () => moved };
}

describe('the world stepper', () => {
  it('shows worldViewAt at the steps asked for in any order, while checkpoints come and go', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: EVENTS - 1 }), fc.boolean()), { minLength: 1, maxLength: 10 }), (asks) => {
        const { idle, drain } = manualIdle();
        const stepper = createWorldStepper({ open: () => openWorldCursor(scenario, opts), events: EVENTS, interval: INTERVAL, idle });
        for (const [step, idleFirst] of asks) {
          if (idleFirst) drain();
          const r = stepper.at(step);
          expect(r.ok && JSON.stringify(r.view)).toBe(JSON.stringify(worldViewAt(scenario, opts, step)));
        }
      }),
      { seed: 20_261_204, numRuns: 15 },
    );
  });

  // Five presets, one per forwarding method and the failures the labs teach: any order of steps,
  // with idle time (checkpoints built) or not between them, shows what a fresh replay shows.
  const PRESETS = ['nat-course', 'dr-lab', 'tun-course', 'dr-lab-no-vip-on-lo', 'tun-course-rp-filter'];
  it.each(PRESETS)('on %s, worldAt(i) is a fresh replay to i for random step sequences', (id) => {
    const preset = getPreset(id)!;
    const events = simulate(preset).trace.events.length;
    const fresh = new Map<number, string>();
    const replay = (i: number) => fresh.get(i) ?? fresh.set(i, JSON.stringify(worldViewAt(preset, {}, i))).get(i);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: events - 1 }), fc.boolean()), { minLength: 1, maxLength: 12 }), (asks) => {
        const { idle, drain } = manualIdle();
        const stepper = createWorldStepper({ open: () => openWorldCursor(preset), events, interval: 16, idle });
        for (const [step, idleFirst] of asks) {
          if (idleFirst) drain();
          const r = stepper.at(step);
          expect(r.ok && JSON.stringify(r.view)).toBe(replay(step));
        }
      }),
      { seed: 20_261_205, numRuns: 12 },
    );
  });

  it('builds checkpoints from the first look on, and then replays at most one interval for any step', () => {
    const { idle, drain } = manualIdle();
    const { open, moved } = countingOpen();
    const stepper = createWorldStepper({ open, events: EVENTS, interval: INTERVAL, idle });
    drain();
    expect(stepper.progress().built).toBe(0);
    stepper.at(0);
    drain();
    expect(stepper.progress()).toEqual({ built: Math.ceil(EVENTS / INTERVAL) - 1, total: Math.ceil(EVENTS / INTERVAL) - 1 });
    // From the last step backwards, and far jumps both ways; idle time rebuilds what a jump used.
    for (const step of [EVENTS - 1, EVENTS - 2, EVENTS - 40, 5, EVENTS - 3, Math.floor(EVENTS / 2), 61, 60, 59]) {
      const before = moved();
      expect(stepper.at(step).ok).toBe(true);
      // A queue item may make a few events past its step: one interval and a handful more.
      expect(moved() - before).toBeLessThanOrEqual(INTERVAL + 8);
      drain();
      expect(stepper.progress().built).toBe(stepper.progress().total);
    }
  });

  it('answers from time zero when nothing idles, and builds no checkpoint', () => {
    const stepper = createWorldStepper({ open: () => openWorldCursor(scenario, opts), events: EVENTS, interval: INTERVAL });
    const r = stepper.at(EVENTS - 1);
    expect(r.ok && r.view.t).toBe(worldViewAt(scenario, opts, EVENTS - 1).t);
    expect(stepper.progress().built).toBe(0);
  });

  it('turns a failure into a message the inspector shows', () => {
    const stepper = createWorldStepper({
      open: () => {
        throw new Error('the run could not start');
      },
      events: 10,
    });
    expect(stepper.at(3)).toEqual({ ok: false, error: 'the run could not start' });
  });

  it('stops building once disposed', () => {
    const { idle, drain } = manualIdle();
    const stepper = createWorldStepper({ open: () => openWorldCursor(scenario, opts), events: EVENTS, interval: INTERVAL, idle });
    stepper.at(0);
    stepper.dispose();
    drain();
    expect(stepper.progress().built).toBe(0);
  });
});
