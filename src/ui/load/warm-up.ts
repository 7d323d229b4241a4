/**
 * A short load run the worker makes before its first real one, off the clock: V8 compiles the
 * engine's per-hop path (TCP, IP, IPVS) into optimised code only after it has run hot for a
 * while, so a cold worker simulated the first part of every run with slower code and reported
 * a speed below what the same engine does warm (npm run bench's Node figures are the best of
 * three after a warm-up, too). The warm-up is the same scenario and clients with a few
 * simulated seconds of requests and no changes; its samples are thrown away.
 */
import type { LoadOptions, Scenario, StartLoadRun } from '../../engine';

/** At most this many requests and this much simulated time: ≈ 20,000 hops, a few tens of ms warm. */
export const WARM_UP_REQUESTS = 2000;
export const WARM_UP_MS = 3000;

/** Runs the warm-up; returns its hops (0 if the options are refused: the real run will say why). */
export function warmUp(start: StartLoadRun, scenario: Scenario, options: LoadOptions): number {
  const r = start(scenario, {
    ...options,
    requests: Math.min(options.requests ?? WARM_UP_REQUESTS, WARM_UP_REQUESTS),
    durationMs: Math.min(options.durationMs ?? WARM_UP_MS, WARM_UP_MS),
    changes: [],
  });
  if (!r.ok) return 0;
  r.run.advance(Infinity);
  return r.run.hops;
}
