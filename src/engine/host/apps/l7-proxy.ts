/**
 * A layer-7 reverse proxy (Nginx's proxy_pass to an upstream group): it ends the client's TCP
 * connection itself, opens its own connection from its own address and an ephemeral port to a
 * real server chosen round-robin, forwards the request, and relays the response. Two
 * connections per request, each with its own id in the trace.
 */
import { formatIpv4, type Ipv4 } from '../../addr/ipv4';
import type { Host, World } from '../../sim/world';
import type { TcpSocket } from '../../tcp/tcp-socket';
import type { App } from '../app';

export interface Upstream {
  readonly addr: Ipv4;
  readonly port: number;
}

export interface L7ProxyApp extends App {
  readonly kind: 'l7-proxy';
  readonly port: number;
  /** Stops listening (`service nginx stop`); connections already open finish. */
  stop(host: Host): void;
}

export function l7Proxy(port: number, upstreams: readonly Upstream[]): L7ProxyApp {
  let cursor = 0;
  return {
    kind: 'l7-proxy',
    port,
    stop(host: Host) {
      host.tcp.unlisten(port);
    },
    start(_w: World, host: Host) {
      host.tcp.listen(port, () => {
        let upstreamSock: TcpSocket | undefined;
        return {
          onData(w, client, data) {
            if (!data.startsWith('GET ') || upstreams.length === 0 || upstreamSock) return;
            const up = upstreams[cursor % upstreams.length] as Upstream;
            cursor++;
            const conn = w.nextConnId++;
            if (w.trace.retain) {
              w.trace.action(w.now, host.id, 'proxy-connect', { upstream: `${formatIpv4(up.addr)}:${up.port}`, clientConn: client.conn, upstreamConn: conn }, client.conn,
                { upstream: `${formatIpv4(up.addr)}:${up.port}`, upstreamConn: conn });
            }
            upstreamSock = host.tcp.connect(w, up.addr, up.port, conn, {
              onConnected(w2, s) {
                host.tcp.send(w2, s, data.replace(/Host: [^\r]*/, `Host: ${formatIpv4(up.addr)}`));
              },
              onData(w2, s, resp) {
                if (w2.trace.retain) w2.trace.action(w2.now, host.id, 'proxy-relay', { from: `${formatIpv4(up.addr)}:${up.port}` }, client.conn, { from: `${formatIpv4(up.addr)}:${up.port}` });
                host.tcp.send(w2, client, resp);
                host.tcp.close(w2, s);
              },
              onClosed(w2, _s, error) {
                if (error) host.tcp.close(w2, client);
              },
            });
          },
          onPeerClosed(w, client) {
            host.tcp.close(w, client);
          },
        };
      });
    },
  };
}
