/**
 * Properties of the simulator over random topologies and configurations (arbitraries.ts):
 * every run terminates with a stop reason and never throws; every request, frame and drop is
 * accounted for (trace-checks.ts); streaming mode simulates the same run; and the same seed
 * gives a byte-identical trace, for random scenarios and for every preset. Seeded, so a failure
 * replays; a failure found here is kept as a fixed case in sim.regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, getPreset, ipvsadmAtEnd, listPresets, pcapOf, simulate, simulateStreaming, validateScenario, worldViewAt, type Scenario } from '../engine';
import { scenarioArb, seedArb } from './arbitraries';
import { runProblems } from './trace-checks';

const FC = { seed: 20_240_601, numRuns: 200 } as const;
/** Events one queue item (a frame's arrival, a timer) may record before the loop checks its bounds. */
const MAX_EVENTS_PER_ITEM = 64;

/** Why the run is wrong, with the scenario to replay it; undefined when it is fine. */
function explain(s: Scenario, seed: number): string | undefined {
  const r = simulate(s, { seed });
  const problems = runProblems(s, r);
  return problems.length ? `${problems.slice(0, 5).join('\n')}\nseed ${seed}, scenario ${JSON.stringify(s)}` : undefined;
}

describe('simulate over random scenarios', () => {
  it('generates only scenarios that validateScenario accepts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario }) => {
        const v = validateScenario(JSON.parse(JSON.stringify(scenario)));
        expect(v.ok ? 'valid' : formatProblem(v.error)).toBe('valid');
      }),
      { ...FC, numRuns: 300 },
    );
  });

  it('terminates with a stop reason and accounts for every request, frame and drop', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, ({ scenario }, seed) => {
        expect(explain(scenario, seed)).toBeUndefined();
      }),
      FC,
    );
  });

  it('streams the same run: same frames, drops and request outcomes without keeping events', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, ({ scenario }, seed) => {
        const full = simulate(scenario, { seed });
        const streamed = simulateStreaming(scenario, { seed });
        const { frames, drops, dropsByReason, requestsOk, requestsFailed, latencySumMs, latencyMaxMs } = full.stats;
        expect({ stop: streamed.stopReason, ...streamed.stats, actions: 0 }).toEqual({
          stop: full.stopReason, frames, drops, dropsByReason, requestsOk, requestsFailed, latencySumMs, latencyMaxMs, actions: 0,
        });
      }),
      { ...FC, numRuns: 80 },
    );
  });

  it('gives a byte-identical trace for the same seed, and leaves the scenario untouched', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, ({ scenario }, seed) => {
        const before = JSON.stringify(scenario);
        const a = JSON.stringify(simulate(scenario, { seed }).trace);
        const b = JSON.stringify(simulate(JSON.parse(before) as Scenario, { seed }).trace);
        expect(JSON.stringify(scenario)).toBe(before);
        expect(a === b).toBe(true);
      }),
      { ...FC, numRuns: 80 },
    );
  });

  it('stops at the bounds it is given, with the reason', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 5000 }), ({ scenario }, seed, maxEvents, maxTimeMs) => {
        const r = simulate(scenario, { seed, maxEvents, maxTimeMs });
        const n = r.trace.events.length;
        expect(r.trace.events.every((e) => e.t <= maxTimeMs)).toBe(true);
        // The bound is checked between queue items, and one item may record a few events.
        expect(n).toBeLessThan(maxEvents + MAX_EVENTS_PER_ITEM);
        if (r.stopReason === 'event-limit') expect(n).toBeGreaterThanOrEqual(maxEvents);
        if (n < maxEvents) expect(r.stopReason).not.toBe('event-limit');
      }),
      { ...FC, numRuns: 80 },
    );
  });

  it('answers every façade call without throwing: ipvsadm views, pcap, the state at a step', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, fc.nat(200), ({ scenario }, seed, step) => {
        const director = scenario.hosts.some((h) => h.ipvs);
        for (const argv of [['-L', '-n'], ['-L', '-n', '-c'], ['-L', '-n', '--stats'], ['-S', '-n']]) {
          const out = ipvsadmAtEnd(scenario, { seed }, argv);
          expect(out.ok).toBe(director);
          if (out.ok && argv[0] === '-L' && !argv.includes('-c')) expect(out.stdout.startsWith('IP Virtual Server version 1.2.1 (size=4096)\n')).toBe(true);
        }
        expect(pcapOf(scenario, { seed }).length).toBeGreaterThan(0);
        expect(worldViewAt(scenario, { seed }, step)).toBeDefined();
      }),
      { ...FC, numRuns: 40 },
    );
  });
});

describe('simulate over the presets', () => {
  const ids = listPresets().map((p) => p.id);

  it.each(ids)('%s: two runs give byte-identical traces, and the trace is consistent', (id) => {
    const s = getPreset(id);
    if (!s) throw new Error(`no preset ${id}`);
    const a = JSON.stringify(simulate(s, {}).trace);
    const b = JSON.stringify(simulate(getPreset(id) as Scenario, {}).trace);
    expect(a === b).toBe(true);
    expect(explain(s, s.seed ?? 1)).toBeUndefined();
  });

  it.each(ids)('%s: a different seed still satisfies every invariant', (id) => {
    const s = getPreset(id) as Scenario;
    expect(explain(s, 987_654_321)).toBeUndefined();
  });
});
