/**
 * Weighted least-connection, net/netfilter/ipvs/ip_vs_wlc.c.
 *
 * Least overhead/weight, compared as loh * dw > doh * lw in 64 bits, overhead =
 * (activeconns << 8) + inactconns (so TIME_WAIT connections count, 1/256 of an active
 * one). Ties keep the earlier dest in list order. See weightedLeast().
 */
import { connOverhead, weightedLeast } from './overhead';
import { stateless } from './stateless';

export const wlc = stateless('wlc', (svc) => weightedLeast(svc.dests, connOverhead));
