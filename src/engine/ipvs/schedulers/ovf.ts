/**
 * Overflow-connection, net/netfilter/ipvs/ip_vs_ovf.c.
 *
 * The highest-weight dest still within its limit, first in list order on a tie. A dest is
 * skipped when overloaded, when weight is 0, or when activeconns > weight: a dest with
 * exactly `weight` active connections still takes one more. When none qualifies the
 * service schedules nothing (the client's connect is refused).
 */
import type { DestState } from '../types';
import { stateless } from './stateless';

export const ovf = stateless('ovf', (svc) => {
  let h: DestState | null = null;
  let hw = 0;
  for (const d of svc.dests) {
    const w = d.config.weight;
    if (d.overloaded || d.activeConns > w || w === 0) continue;
    if (h === null || w > hw) {
      h = d;
      hw = w;
    }
  }
  return h;
});
