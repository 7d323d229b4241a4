/**
 * ip_vs_nat_xmit / ip_vs_dr_xmit / ip_vs_tunnel_xmit: the packet (TTL already decremented) goes
 * to the real server chosen for its connection.
 * - masq: destination address and port rewritten (DNAT), then routed like any packet.
 * `rx` is the packet as received; `ttl` its decremented TTL (the copy sent carries it).
 * - gate: nothing in the IP header changes; the frame goes to the real server's MAC, so the real
 *   server must be on the director's segment (IP_VS_RT_MODE_KNOWN_NH: the next hop is the RIP).
 * - ipip: a new outer header, source = routing's choice of our address towards the RIP,
 *   destination = the RIP, protocol 4, TTL and DF copied from the inner packet.
 */
import { formatIpv4 } from '../../addr/ipv4';
import { neighOutput } from '../../arp/resolve';
import { ipOutputRoute, nextIpId } from '../../route/output';
import { selectSource } from '../../route/source-select';
import { holderOf, type Host, type World } from '../../sim/world';
import { ipRewrite, withPorts, withTtl, type Ipv4Repr } from '../../wire/repr';
import type { ConnEntry } from '../conn-table';

export function transmit(w: World, host: Host, entry: ConnEntry, rx: Ipv4Repr, ttl: number, conn: number): void {
  const route = host.routes.lookup(entry.daddr);
  if (!route || route.type === 'local') {
    w.trace.drop(w.now, host.id, 'no-route', { ip: withTtl(rx, ttl) }, conn, { dst: formatIpv4(entry.daddr) }, 'drop.ipvs-no-route');
    return;
  }
  const p = rx.payload;
  if (entry.method === 'masq') {
    if (p.proto !== 'tcp' && p.proto !== 'udp') return;
    // The TTL and the DNAT in one copy. Records are immutable, so when the port stays
    // (VIP:80 → RIP:80) the segment itself is shared, as withTtl shares it.
    const out = ipRewrite(rx, rx.src, entry.daddr, ttl, withPorts(p, p.sport, entry.dport));
    if (w.trace.retain) {
      const from = `${formatIpv4(rx.dst)}:${p.dport}`;
      const to = `${formatIpv4(entry.daddr)}:${entry.dport}`;
      w.trace.action(w.now, host.id, 'ipvs-dnat', { conn: entry.traceConn, from, to, ttl: out.ttl }, conn, { from, to, server: holderOf(w, entry.daddr, host) });
    }
    ipOutputRoute(w, host, route, out, conn);
    return;
  }
  const ip = withTtl(rx, ttl);
  switch (entry.method) {
    case 'gate': {
      if (!route.dev.up) {
        w.trace.drop(w.now, host.id, 'iface-down', { ip }, conn, { dev: route.dev.name });
        return;
      }
      if (w.trace.retain) {
        const rip = formatIpv4(entry.daddr);
        w.trace.action(w.now, host.id, 'ipvs-dr-xmit', { conn: entry.traceConn, rip, dev: route.dev.name, ttl: ip.ttl }, conn, { rip, dev: route.dev.name, server: holderOf(w, entry.daddr, host) });
      }
      neighOutput(w, host, route.dev, entry.daddr, ip, conn);
      return;
    }
    case 'ipip': {
      const src = selectSource(route, entry.daddr, host.ifaces);
      if (src === undefined) {
        w.trace.drop(w.now, host.id, 'no-route', { ip }, conn, { dst: formatIpv4(entry.daddr) }, 'drop.ipvs-no-route');
        return;
      }
      const outer: Ipv4Repr = { src, dst: entry.daddr, ttl: ip.ttl, id: nextIpId(host), df: ip.df, tos: ip.tos, payload: { proto: 'ipip', inner: ip }, ...(ip.pid !== undefined ? { pid: ip.pid } : {}) };
      if (w.trace.retain) {
        const rip = formatIpv4(entry.daddr);
        w.trace.action(w.now, host.id, 'ipip-encap', { conn: entry.traceConn, outerSrc: formatIpv4(src), outerDst: rip, ttl: ip.ttl }, conn,
          { outerSrc: formatIpv4(src), outerDst: rip, innerSrc: formatIpv4(ip.src), innerDst: formatIpv4(ip.dst), server: holderOf(w, entry.daddr, host) });
      }
      ipOutputRoute(w, host, route, outer, conn);
      return;
    }
    default: {
      const never: never = entry.method;
      return never;
    }
  }
}
