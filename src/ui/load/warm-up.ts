/**
 * A short load run the worker makes before its first real one, off the clock: V8 compiles the
 * engine's per-hop path (TCP, IP, IPVS) into optimised code only after it has run hot for a
 * while, so a cold worker simulated the first part of every run with slower code and reported
 * a speed below what the same engine does warm (npm run bench's Node figures are the best of
 * three after a warm-up, too), while V8's compiler threads took CPU from the page (a trace of a
 * cold run: 1.4 s of TurboFan and Maglev work against the worker's 2.1 s of running). The
 * warm-up is the same scenario and clients with a few simulated seconds of requests, its first
 * real server failed and restored on the way (a failover's paths are hot in a run too), and the
 * options' own changes left out; its samples are thrown away.
 */
import type { LoadOptions, Scenario, StartLoadRun } from '../../engine';

/** At most this many requests and this much simulated time: ≈ 40,000 hops, about 0.1 s warm. */
export const WARM_UP_REQUESTS = 4000;
export const WARM_UP_MS = 4000;

/** Runs the warm-up; returns its hops (0 if the options are refused: the real run will say why). */
export function warmUp(start: StartLoadRun, scenario: Scenario, options: LoadOptions): number {
  const r = start(scenario, {
    ...options,
    requests: Math.min(options.requests ?? WARM_UP_REQUESTS, WARM_UP_REQUESTS),
    durationMs: Math.min(options.durationMs ?? WARM_UP_MS, WARM_UP_MS),
    changes: [],
  });
  if (!r.ok) return 0;
  const server = r.run.servers[0];
  if (server !== undefined) {
    r.run.advance(WARM_UP_MS * 0.4);
    r.run.apply({ kind: 'fail', server });
    r.run.advance(WARM_UP_MS * 0.7);
    r.run.apply({ kind: 'restore', server });
  }
  r.run.advance(Infinity);
  return r.run.hops;
}
