/** A UDP service (DNS-like): answers every datagram with one naming its host and address. */
import { formatIpv4 } from '../../addr/ipv4';
import { ipSendLocal } from '../../route/output';
import type { Host, World } from '../../sim/world';
import type { App } from '../app';

export function udpServer(port: number): App {
  return {
    kind: 'udp-server',
    start(_w: World, host: Host) {
      host.udp.set(port, {
        onDatagram(w, ip, udp, conn) {
          const answer = `${host.id} ${formatIpv4(ip.dst)}`;
          if (w.trace.retain) w.trace.action(w.now, host.id, 'udp-response', { port }, conn, { host: host.id, addr: formatIpv4(ip.dst) });
          // The reply leaves from the address the request was sent to (the VIP in DR/TUN).
          ipSendLocal(w, host, ip.dst, ip.src, { proto: 'udp', sport: udp.dport, dport: udp.sport, data: answer }, conn, false);
        },
      });
    },
  };
}
