/**
 * A cursor shows at every step exactly what worldViewAt (a fresh run stopped after that event)
 * shows, whatever the order of the steps asked for: forward, back (a new cursor), random jumps,
 * and runs paused every few queue items along the way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset, openWorldCursor, simulate, worldViewAt, type Scenario, type SimulateOptions, type WorldCursor } from '../index';
import { scenarioArb, seedArb } from '../../test/arbitraries';

const FC = { seed: 20_261_204, numRuns: 12 } as const;
/** Each step is checked against a run from time zero: the first and last steps one by one. */
const HEAD = 150;
const TAIL = 15;

/** The steps asked for, in order, and the budgets of queue items each is reached in. */
function walk(scenario: Scenario, opts: SimulateOptions, steps: readonly number[], budgets: readonly number[] = [Infinity]): void {
  let cursor: WorldCursor | undefined;
  steps.forEach((step, i) => {
    if (!cursor?.canReach(step)) cursor = openWorldCursor(scenario, opts);
    const budget = budgets[i % budgets.length] ?? Infinity;
    while (!cursor.advanceTo(step, budget)) expect(cursor.isAt(step)).toBe(false);
    expect(cursor.isAt(step)).toBe(true);
    expect(JSON.stringify(cursor.view())).toBe(JSON.stringify(worldViewAt(scenario, opts, step)));
  });
}

const CASES: Array<[string, SimulateOptions]> = [
  ['nat-lab', { requests: 4 }],
  ['dr-lab', {}],
  ['tun-course', {}],
  ['nat-lab-bad-gateway', {}],
  ['routed-basic', { requests: 3, seed: 9 }],
];

describe('a world cursor', () => {
  it.each(CASES)('shows worldViewAt at each of the first and last steps of %s, stepped forward one by one', (id, opts) => {
    const s = getPreset(id)!;
    const n = simulate(s, opts).trace.events.length;
    const steps = [...new Set([...Array.from({ length: HEAD }, (_, i) => i), ...Array.from({ length: TAIL }, (_, i) => n - TAIL + 2 + i)])];
    walk(s, opts, steps.filter((i) => i >= 0).sort((a, b) => a - b));
  });

  it.each(CASES)('shows worldViewAt at the steps of %s asked for in any order, with pauses', (id, opts) => {
    const s = getPreset(id)!;
    const n = simulate(s, opts).trace.events.length;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: n + 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(Infinity)), { minLength: 1, maxLength: 4 }),
        (steps, budgets) => walk(s, opts, steps, budgets),
      ),
      FC,
    );
  });

  it('shows worldViewAt over random scenarios and seeds', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 8 }), ({ scenario }, seed, steps) => {
        walk(scenario, { seed }, steps, [7, Infinity]);
      }),
      { ...FC, numRuns: 25 },
    );
  });

  it('refuses to go back, with a message', () => {
    const c = openWorldCursor(getPreset('nat-lab')!);
    c.advanceTo(50);
    expect(c.canReach(10)).toBe(false);
    expect(() => c.advanceTo(10)).toThrow(/past step 10/);
  });

  it('stays at the end of a run that has ended', () => {
    const s = getPreset('dr-lab')!;
    const c = openWorldCursor(s);
    const n = simulate(s).trace.events.length;
    expect(c.advanceTo(n + 100)).toBe(true);
    expect(c.ended).toBe(true);
    expect(c.events).toBe(n);
    expect(c.isAt(n) && c.isAt(n + 1000)).toBe(true);
  });
});
