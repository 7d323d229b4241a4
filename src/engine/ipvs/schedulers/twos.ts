/**
 * Power of two choices, net/netfilter/ipvs/ip_vs_twos.c (Linux 6.2 and later).
 *
 * Over the dests that are not overloaded and have weight > 0, in list order: W = sum of
 * weights; r1 and r2 = get_random_u32_below(W + 1), drawn in that order; each walk
 * subtracts weights and the dest where it first reaches <= 0 is a choice. Choice 2 wins
 * only if weight2 * overhead1 > weight1 * overhead2, products in 32-bit int as in C.
 */
import type { DestState } from '../types';
import { connOverhead } from './overhead';
import { stateless } from './stateless';

const TWO_32 = 0x1_0000_0000n;

/**
 * get_random_u32_below(ceil) (drivers/char/random.c): Lemire's multiply-shift with
 * rejection, fed by the seeded u32 source instead of the kernel's CRNG.
 */
export function randomBelow(ceil: number, random: () => number): number {
  const c = BigInt(ceil >>> 0);
  let mult = c * BigInt(random() >>> 0);
  if (Number(mult % TWO_32) < ceil) {
    const bound = Number((TWO_32 - c) % c); // -ceil % ceil in u32
    while (Number(mult % TWO_32) < bound) mult = c * BigInt(random() >>> 0);
  }
  return Number(mult >> 32n);
}

const usable = (d: DestState): boolean => !d.overloaded && d.config.weight > 0;

export const twos = stateless('twos', (svc, input) => {
  let total = 0;
  for (const d of svc.dests) if (usable(d)) total += d.config.weight;
  if (total === 0) return null;
  let r1 = randomBelow(total + 1, input.random);
  let r2 = randomBelow(total + 1, input.random);
  let c1: DestState | null = null;
  let c2: DestState | null = null;
  let w1 = -1;
  let w2 = -1;
  let oh1 = 0;
  let oh2 = 0;
  for (const d of svc.dests) {
    if (!usable(d)) continue;
    const w = d.config.weight;
    r1 -= w;
    r2 -= w;
    if (r1 <= 0 && w1 === -1) {
      c1 = d;
      w1 = w;
      oh1 = connOverhead(d);
    }
    if (r2 <= 0 && w2 === -1) {
      c2 = d;
      w2 = w;
      oh2 = connOverhead(d);
    }
    if (w1 !== -1 && w2 !== -1) break;
  }
  if (c2 !== null && Math.imul(w2, oh1) > Math.imul(w1, oh2)) return c2;
  return c1;
});
