/**
 * Weighted fail-over, net/netfilter/ipvs/ip_vs_fo.c.
 *
 * The dest with the highest weight that is not overloaded; `weight > hw` is strict and
 * hw starts at 0, so the first such dest in list order wins a tie and weight 0 never does.
 * Connection counts play no part.
 */
import type { DestState } from '../types';
import { stateless } from './stateless';

export const fo = stateless('fo', (svc) => {
  let best: DestState | null = null;
  let hw = 0;
  for (const d of svc.dests) {
    if (!d.overloaded && d.config.weight > hw) {
      best = d;
      hw = d.config.weight;
    }
  }
  return best;
});
