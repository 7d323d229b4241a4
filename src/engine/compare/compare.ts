/**
 * Runs two or three scenarios with the same requests and measures each (measure.ts): the
 * compare view's table and `cli compare`'s output.
 */
import { attachDirector } from '../ipvs/attach';
import { runScenario } from '../sim/run';
import type { Scenario } from '../scenario/types';
import { measureRun, type Measured } from './measure';

export interface CompareOptions {
  /** Requests each scenario's clients make; absent = each scenario's own. */
  requests?: number;
  seed?: number;
}

/** One run, measured. `id` names it in the output (a preset id, a file, a lab folder). */
export function measureScenario(id: string, scenario: Scenario, opts: CompareOptions = {}): Measured {
  const r = runScenario(scenario, { ...opts, retain: true }, { attachDirector });
  return measureRun(id, scenario, r);
}

/** Every scenario run with the same options, in the order given. */
export function compareScenarios(runs: ReadonlyArray<{ id: string; scenario: Scenario }>, opts: CompareOptions = {}): Measured[] {
  return runs.map((x) => measureScenario(x.id, x.scenario, opts));
}
