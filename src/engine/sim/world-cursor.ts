/**
 * A run paused between two queue items, moved forward on demand: the inspector's way through a
 * long trace. Moving forward costs only the distance; it never goes back (a world holds timers,
 * closures that cannot be copied), so an earlier step needs another cursor. The world it shows
 * at step s is the one a run stopped after event #s shows (worldViewAt): the same run, stopped
 * after the same queue item. Every event is made and numbered as in a retained run, none is kept.
 */
import type { BuildHooks } from '../scenario/build';
import type { Scenario } from '../scenario/types';
import { advanceRun, startRun, type Run, type RunOptions } from './run';
import { worldView } from './view';
import type { WorldView } from './world-view';

export class WorldCursor {
  private readonly run: Run;

  constructor(scenario: Scenario, opts: Pick<RunOptions, 'seed' | 'requests' | 'maxEvents' | 'maxTimeMs'>, hooks: BuildHooks) {
    this.run = startRun(scenario, { ...opts, retain: true, keepEvents: false }, hooks);
  }

  /** Events made so far. */
  get events(): number {
    return this.run.trace.count;
  }

  get ended(): boolean {
    return this.run.end !== undefined;
  }

  /** The world at `step` is the one shown now or lies ahead. */
  canReach(step: number): boolean {
    return step >= this.run.from;
  }

  /** True when the world shown now is the one at `step`. */
  isAt(step: number): boolean {
    return step >= this.run.from && (step < this.run.trace.count || this.ended);
  }

  /**
   * Runs towards the world at `step`, at most `budget` queue items; true once there.
   * @throws RangeError if the cursor has already passed it.
   */
  advanceTo(step: number, budget = Infinity): boolean {
    if (!this.canReach(step)) throw new RangeError(`the cursor is past step ${step} (it shows steps from ${this.run.from})`);
    return advanceRun(this.run, step, budget) !== 'budget';
  }

  /** The world now, as the inspector shows it. */
  view(): WorldView {
    return worldView(this.run.world);
  }
}
