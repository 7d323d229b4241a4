/**
 * A client asking a UDP service N times, like `dig` in a loop: each query one datagram from a
 * new ephemeral port; the answer, an ICMP error (port unreachable: refused) or the timeout ends it.
 */
import { formatIpv4, type Ipv4 } from '../../addr/ipv4';
import { ipSendLocal } from '../../route/output';
import { schedule } from '../../sim/world';
import type { App } from '../app';
import { requestLoop } from './request-loop';

export interface UdpClientConfig {
  readonly dst: Ipv4;
  readonly dport: number;
  readonly requests: number;
  readonly startMs: number;
  readonly gapMs: number;
  readonly timeoutMs: number;
}

export function udpClient(cfg: UdpClientConfig): App {
  let port = -1;
  const query = `query ${formatIpv4(cfg.dst)}`;

  const start = requestLoop(cfg, (w, host, conn, finish) => {
    port = port < 0 ? 32768 + ((w.rng.ports.u32() % 28232) & ~1) : 32768 + ((port - 32768 + 2) % 28232);
    const sport = port;
    let settled = false;
    const end = (ok: boolean, answer: string): void => {
      if (settled) return;
      settled = true;
      host.udp.delete(sport);
      finish(ok, answer);
    };
    host.udp.set(sport, {
      onDatagram(_w2, _ip, udp) {
        end(true, udp.data);
      },
      onIcmpError(_w2, type, code) {
        end(false, type === 3 && code === 3 ? 'refused' : type === 3 && code === 2 ? 'proto-unreachable' : 'unreachable');
      },
    });
    if (!ipSendLocal(w, host, 0, cfg.dst, { proto: 'udp', sport, dport: cfg.dport, data: query }, conn, false)) {
      end(false, 'no-route');
      return;
    }
    schedule(w, cfg.timeoutMs, () => end(false, 'timeout'));
  });

  return { kind: 'udp-client', start };
}
