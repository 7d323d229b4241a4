/**
 * Shortest expected delay, net/netfilter/ipvs/ip_vs_sed.c.
 *
 * Like wlc, but the overhead is activeconns + 1: inactive (TIME_WAIT, SYN_RECV)
 * connections are ignored, so when every connection closes at once all dests look idle
 * and the first in list order takes them all.
 */
import { sedOverhead, weightedLeast } from './overhead';
import { stateless } from './stateless';

export const sed = stateless('sed', (svc) => weightedLeast(svc.dests, sedOverhead));
