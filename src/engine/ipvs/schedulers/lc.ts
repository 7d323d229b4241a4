/**
 * Least-connection, net/netfilter/ipvs/ip_vs_lc.c.
 *
 * The dest with the smallest ip_vs_dest_conn_overhead ((activeconns << 8) + inactconns),
 * weights ignored except that weight 0 is skipped, as is IP_VS_DEST_F_OVERLOAD.
 * `doh < loh` is strict: among equals the first in list order (the last added) wins.
 * Connections in TIME_WAIT are inactive and still count here.
 */
import type { DestState } from '../types';
import { connOverhead } from './overhead';
import { stateless } from './stateless';

export const lc = stateless('lc', (svc) => {
  let least: DestState | null = null;
  let loh = 0;
  for (const d of svc.dests) {
    if (d.overloaded || d.config.weight === 0) continue;
    const doh = connOverhead(d);
    if (least === null || doh < loh) {
      least = d;
      loh = doh;
    }
  }
  return least;
});
