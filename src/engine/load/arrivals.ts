/**
 * Requests arriving as a Poisson process per client. Independent Poisson processes merge into
 * one whose rate is their sum, each arrival belonging to client i with probability rate_i / sum,
 * so one seeded stream draws the gap (exponential) and then the client: one timer for the
 * whole crowd, and the same seed gives the same arrivals however many clients there are.
 */
import type { Prng } from '../sim/prng';

export interface Arrival {
  /** Simulated ms. */
  readonly atMs: number;
  readonly client: number;
}

export interface Arrivals {
  /** The next arrival after the previous one (the first after startMs). */
  next(): Arrival;
}

const TWO_32 = 4_294_967_296;

/** A uniform number in (0, 1): never 0, so its logarithm is finite. */
function unit(prng: Prng): number {
  return (prng.u32() + 0.5) / TWO_32;
}

/** Arrivals of clients with these mean rates (requests per second; at least one above 0). */
export function poissonArrivals(ratesPerS: readonly number[], prng: Prng, startMs = 0): Arrivals {
  const cumulative: number[] = [];
  let total = 0;
  for (const r of ratesPerS) cumulative.push((total += Math.max(0, r)));
  if (!(total > 0)) throw new Error('poissonArrivals: no client has a rate above 0');
  const meanGapMs = 1000 / total;
  let t = startMs;
  return {
    next() {
      t += -Math.log(unit(prng)) * meanGapMs;
      const x = unit(prng) * total;
      // The first client whose cumulative rate passes x.
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return { atMs: t, client: lo };
    },
  };
}
