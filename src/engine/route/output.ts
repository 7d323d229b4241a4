/**
 * Sending IPv4 from a host: route lookup, source selection for locally made packets, then the
 * neighbour layer. A packet for one of the host's own addresses goes over loopback to itself.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import { MAC_ZERO } from '../addr/mac';
import { neighOutput } from '../arp/resolve';
import { markPendingConfirm } from '../arp/pending-confirm';
import { schedule, type Host, type World } from '../sim/world';
import type { Ipv4Payload, Ipv4Repr } from '../wire/repr';
import { selectSource } from './source-select';
import type { Route } from './table';
import { ipRcv } from './input';
import { ipLength } from '../ipvs/ip-length';
import { redirectedVia } from './redirect';

export const DEFAULT_TTL = 64;

export function nextIpId(host: Host): number {
  host.ipId = (host.ipId + 1) & 0xffff;
  return host.ipId;
}

/**
 * Builds and sends a packet the host originates. Returns false (and traces why) if unroutable.
 * `confirm`: the packet carries a neighbour confirmation (a TCP socket's, arp/pending-confirm.ts).
 */
export function ipSendLocal(w: World, host: Host, src: Ipv4 | 0, dst: Ipv4, payload: Ipv4Payload, conn: number, df = true, ttl = DEFAULT_TTL, confirm = false): boolean {
  const route = host.routes.lookup(dst);
  if (!route) {
    w.trace.drop(w.now, host.id, 'no-route', { ip: { src: (src || 0) as Ipv4, dst, ttl: DEFAULT_TTL, id: 0, df, tos: 0, payload } }, conn, { dst: formatIpv4(dst) });
    return false;
  }
  const s = src || selectSource(route, dst, host.ifaces);
  if (s === undefined) {
    w.trace.drop(w.now, host.id, 'no-route', { ip: { src: 0 as Ipv4, dst, ttl: DEFAULT_TTL, id: 0, df, tos: 0, payload } }, conn, { dst: formatIpv4(dst) });
    return false;
  }
  const ip: Ipv4Repr = { src: s, dst, ttl, id: nextIpId(host), df, tos: 0, payload, pid: w.nextPacketId++ };
  if (confirm) markPendingConfirm(w, ip.pid as number);
  ipOutputRoute(w, host, route, ip, conn);
  return true;
}

/** ip_output over a known route: to ourselves via loopback, else to the next hop. */
export function ipOutputRoute(w: World, host: Host, route: Route, ip: Ipv4Repr, conn: number): void {
  if (route.type === 'local') {
    const lo = host.ifaces.find((i) => i.kind === 'loopback');
    if (lo) {
      // loopback_xmit counts skb->len after eth_type_trans pulled the header: the IP packet, once each way.
      const len = ipLength(ip);
      lo.stats.txPackets++;
      lo.stats.txBytes += len;
      lo.stats.rxPackets++;
      lo.stats.rxBytes += len;
      if (w.taps !== undefined) {
        // A packet socket on lo sees it leave and come back, with the all-zero MACs loopback_xmit gives it.
        const frame = { eth: { src: MAC_ZERO, dst: MAC_ZERO }, type: 'ipv4', ip } as const;
        w.taps(lo, 'out', frame);
        w.taps(lo, 'in', frame);
      }
      schedule(w, 0, () => ipRcv(w, host, lo, ip, conn));
    }
    return;
  }
  const dev = route.dev;
  if (!dev.up) {
    w.trace.drop(w.now, host.id, 'iface-down', { ip }, conn, { dev: dev.name });
    return;
  }
  // A next hop learned from a redirect overrides the route's for this destination.
  neighOutput(w, host, dev, redirectedVia(w, host, route, ip.dst) ?? route.via ?? ip.dst, ip, conn);
}
