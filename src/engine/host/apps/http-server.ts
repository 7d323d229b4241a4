/** A web server (Apache/Nginx in the course): answers every GET with a page naming its host. */
import { formatIpv4 } from '../../addr/ipv4';
import type { Host, World } from '../../sim/world';
import type { App } from '../app';

export function pageFor(hostId: string, addr: string): string {
  const body = `<h1>${hostId} ${addr}</h1>\n`;
  return `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
}

export function httpServer(port: number): App {
  return {
    kind: 'http-server',
    start(_w: World, host: Host) {
      // One page per local address it is reached on (the RIP, or the VIP in DR/TUN).
      const pages = new Map<number, string>();
      host.tcp.listen(port, () => ({
        onData(w, s, data) {
          if (!data.startsWith('GET ')) return;
          if (w.trace.retain) w.trace.action(w.now, host.id, 'http-response', { port }, s.conn, { host: host.id, addr: formatIpv4(s.laddr) });
          let page = pages.get(s.laddr);
          if (page === undefined) pages.set(s.laddr, (page = pageFor(host.id, formatIpv4(s.laddr))));
          host.tcp.send(w, s, page);
        },
        onPeerClosed(w, s) {
          host.tcp.close(w, s);
        },
      }));
    },
  };
}
