/**
 * Never queue, net/netfilter/ipvs/ip_vs_nq.c.
 *
 * In list order, the first dest (not overloaded, weight != 0) with no active connection
 * is taken at once; failing that, sed's rule: least (activeconns + 1) / weight, strict
 * comparison, so the earlier dest keeps a tie.
 */
import type { DestState } from '../types';
import { sedOverhead } from './overhead';
import { stateless } from './stateless';

export const nq = stateless('nq', (svc) => {
  let least: DestState | null = null;
  let loh = 0;
  for (const d of svc.dests) {
    if (d.overloaded || d.config.weight === 0) continue;
    const doh = sedOverhead(d);
    if (d.activeConns === 0) return d; // idle: never queue
    if (least === null || loh * d.config.weight > doh * least.config.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
});
