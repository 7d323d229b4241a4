/**
 * ip_local_deliver: hand a packet addressed to this host to its protocol. IP-in-IP goes to the
 * tunnel driver: with no ipip module the protocol is unknown (ICMP protocol unreachable); with
 * tunl0 down, tunnel4_rcv finds no tunnel and answers ICMP port unreachable; otherwise the inner
 * packet is received again as if it had arrived on tunl0.
 */
import { formatIpv4 } from '../addr/ipv4';
import type { Iface } from './iface';
import { ICMP_DEST_UNREACH, UNREACH_PORT, UNREACH_PROTO, icmpRcv, icmpSendError } from './icmp';
import { ipLength } from '../ipvs/ip-length';
import { ipRcv } from '../route/input';
import type { Host, World } from '../sim/world';
import type { Ipv4Repr } from '../wire/repr';

export function localDeliver(w: World, host: Host, dev: Iface, ip: Ipv4Repr, conn: number): void {
  const p = ip.payload;
  switch (p.proto) {
    case 'tcp':
      host.tcp.rcv(w, ip, p, conn);
      return;
    case 'icmp':
      icmpRcv(w, host, dev, ip, p, conn);
      return;
    case 'udp': {
      const sock = host.udp.get(p.dport);
      if (sock) {
        sock.onDatagram(w, ip, p, conn);
        return;
      }
      w.trace.drop(w.now, host.id, 'no-listener', { ip }, conn, { port: p.dport, proto: 'udp' }, 'drop.no-listener-udp');
      icmpSendError(w, host, ip, ICMP_DEST_UNREACH, UNREACH_PORT, conn);
      return;
    }
    case 'ipip': {
      if (!host.hasIpip) {
        w.trace.drop(w.now, host.id, 'proto-unreachable', { ip }, conn, { proto: 4 }, 'drop.proto-unreachable.ipip');
        icmpSendError(w, host, ip, ICMP_DEST_UNREACH, UNREACH_PROTO, conn);
        return;
      }
      const tunl = host.ifByName.get('tunl0');
      if (!tunl || !tunl.up) {
        w.trace.drop(w.now, host.id, 'no-tunnel', { ip }, conn, { dev: 'tunl0' });
        icmpSendError(w, host, ip, ICMP_DEST_UNREACH, UNREACH_PORT, conn);
        return;
      }
      if (w.trace.retain) {
        w.trace.action(w.now, host.id, 'ipip-decap', { outerSrc: formatIpv4(ip.src), outerDst: formatIpv4(ip.dst), innerSrc: formatIpv4(p.inner.src), innerDst: formatIpv4(p.inner.dst), dev: tunl.name }, conn,
          { outerSrc: formatIpv4(ip.src), outerDst: formatIpv4(ip.dst), innerSrc: formatIpv4(p.inner.src), innerDst: formatIpv4(p.inner.dst), dev: tunl.name });
      }
      // ip_tunnel_rcv counts what the tunnel hands on: the inner packet, on tunl0 (ifconfig's RX).
      tunl.stats.rxPackets++;
      tunl.stats.rxBytes += ipLength(p.inner);
      ipRcv(w, host, tunl, p.inner, conn);
      return;
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}
