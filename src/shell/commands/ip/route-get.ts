/**
 * `ip route get ADDR`: the route the kernel would use for a packet to ADDR, as iproute2 6.1
 * prints the RTM_GETROUTE answer: destination, gateway (a redirect's, when the host learned one),
 * device, source, `uid 0`, then the cache line (`<redirected> expires Nsec` for a learned next
 * hop). Forms the oracle has not shown (local, broadcast and unreachable destinations, and the
 * selectors after the address) say they are not simulated.
 */
import { formatIpv4, redirectException, selectSource } from '../../../engine';
import { getAddr } from './inet';
import { notSimulated } from './not-simulated';
import type { IpRun } from './run';

export function routeGet(run: IpRun, words: readonly string[]): number {
  if (words.length !== 1) return notSimulated(run, '"ip route get" with selectors');
  const dst = getAddr(run, words[0] as string, 'inet').addr;
  const route = run.host.routes.lookup(dst);
  if (!route || route.type !== 'unicast') return notSimulated(run, '"ip route get" of a local or unreachable destination');
  const src = selectSource(route, dst, run.host.ifaces);
  const ex = redirectException(run.host, dst, run.live.now);
  const gw = ex?.gw ?? route.via;
  let line = formatIpv4(dst);
  if (gw !== undefined) line += ` via ${formatIpv4(gw)}`;
  line += ` dev ${(ex?.dev ?? route.dev).name}`;
  if (src !== undefined) line += ` src ${formatIpv4(src)}`;
  line += ' uid 0 \n    cache ';
  if (ex) line += `<redirected> expires ${Math.floor((ex.expires - run.live.now) / 1000)}sec `;
  run.out(`${line}\n`);
  return 0;
}
