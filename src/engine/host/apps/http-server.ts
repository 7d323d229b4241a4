/** A web server (Apache/Nginx in the course): answers every GET with its page, by default one naming its host. */
import { formatIpv4 } from '../../addr/ipv4';
import type { Host, World } from '../../sim/world';
import type { App } from '../app';

export function pageFor(hostId: string, addr: string): string {
  return httpResponse(`<h1>${hostId} ${addr}</h1>\n`);
}

export function httpResponse(body: string): string {
  return `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
}

export interface HttpServerApp extends App {
  readonly kind: 'http-server';
  readonly port: number;
  /** The page's body (index.html); undefined = a page naming the host and the address asked. A live session rewrites it. */
  page: string | undefined;
  /** Stops listening (`service apache2 stop`); connections already open finish. */
  stop(host: Host): void;
}

export function httpServer(port: number, page?: string): HttpServerApp {
  const app: HttpServerApp = {
    kind: 'http-server',
    port,
    page,
    start(_w: World, host: Host) {
      // One default page per local address it is reached on (the RIP, or the VIP in DR/TUN).
      const pages = new Map<number, string>();
      host.tcp.listen(port, () => ({
        onData(w, s, data) {
          if (!data.startsWith('GET ')) return;
          if (w.trace.retain) w.trace.action(w.now, host.id, 'http-response', { port }, s.conn, { host: host.id, addr: formatIpv4(s.laddr) });
          let response: string | undefined;
          if (app.page !== undefined) response = httpResponse(app.page);
          else {
            response = pages.get(s.laddr);
            if (response === undefined) pages.set(s.laddr, (response = pageFor(host.id, formatIpv4(s.laddr))));
          }
          host.tcp.send(w, s, response);
        },
        onPeerClosed(w, s) {
          host.tcp.close(w, s);
        },
      }));
    },
    stop(host: Host) {
      host.tcp.unlisten(port);
    },
  };
  return app;
}
