/**
 * The load view's benchmark workload (issue 15), shared by `npm run bench` (load_hops_per_s, the
 * engine alone in Node), `npm run bench:ui -- --only load` (the same in the worker, from the
 * page) and the A/B of the load engine (scripts/bench-load-ab.ts): 1,000 clients and 100,000
 * requests through nat-lab with wlc, a keepalived-like checker on, RS1 failed midway.
 */
import type { LoadOptions, LoadRun, LoadSample, Scenario, StartLoadRun } from '../../src/engine';

export const LOAD_CLIENTS = 1000;
export const LOAD_REQUESTS = 100_000;
/** Requests per second of all clients together: the run lasts about 100 simulated seconds. */
export const LOAD_RATE_PER_S = 1000;
/** The load view's default keep-alive (src/ui/load/settings.ts). */
export const LOAD_KEEPALIVE_MS = 2000;
/** RS1 stops answering here: midway through the run. */
export const LOAD_FAIL_AT_MS = 50_000;

export const LOAD_BENCH_OPTIONS: LoadOptions = {
  clients: LOAD_CLIENTS,
  requests: LOAD_REQUESTS,
  ratePerS: LOAD_RATE_PER_S,
  keepAliveMs: LOAD_KEEPALIVE_MS,
  scheduler: 'wlc',
  sampleMs: 1000,
  health: { intervalS: 2, fails: 2, rises: 2, action: 'weight-0' },
  changes: [{ atMs: LOAD_FAIL_AT_MS, change: { kind: 'fail', server: 'RS1' } }],
};

export interface LoadBenchRun {
  /** Frame-hops simulated. */
  hops: number;
  samples: LoadSample[];
  totals: ReturnType<LoadRun['totals']>;
}

/** The workload once, advanced one sample interval at a time as the worker's driver does. */
export function runLoadBench(startLoadRun: StartLoadRun, natLab: Scenario): LoadBenchRun {
  const r = startLoadRun(natLab, LOAD_BENCH_OPTIONS);
  if (!r.ok) throw new Error(`load bench: ${r.message}`);
  const samples: LoadSample[] = [];
  while (!r.run.done) samples.push(...r.run.advance(r.run.nowMs + 1000));
  return { hops: r.run.hops, samples, totals: r.run.totals() };
}
