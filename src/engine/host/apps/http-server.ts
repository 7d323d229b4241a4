/**
 * A web server (Apache/Nginx in the course): answers a GET for / or /index.html with its page, by
 * default one naming its host; HEAD with the headers alone; any other path with 404 and the
 * page the lab VM's server (busybox httpd) sends. The presets' clients only ever ask for /.
 *
 * How the answer goes on the wire depends on the program. Apache and nginx, the course's servers,
 * hand a small page to the kernel in one write and leave closing to the client (keep-alive). In
 * a live world (the console, a lab folder: the lab VM, whose `service apache2 start` runs busybox
 * httpd) the server writes as the lab VM's programs do, and closes first (docs/decisions.md).
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { Host, World } from '../../sim/world';
import type { App } from '../app';
import { labHeaders } from './lab-http';

/** The page a server with no index.html of its own serves: its host and the address it was asked on. */
export function defaultPage(hostId: string, addr: string): string {
  return `<h1>${hostId} ${addr}</h1>\n`;
}

export function pageFor(hostId: string, addr: string): string {
  return httpResponse(defaultPage(hostId, addr));
}

export function httpResponse(body: string, status = '200 OK', head = false): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${head ? '' : body}`;
}

/** busybox httpd's 404 page, byte for byte (captured from the lab VM, where it stands in for Apache and nginx). */
export const NOT_FOUND_PAGE = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

/** Python 3.11's http.server 404 page, byte for byte (captured from the lab VM). */
export const PYTHON_NOT_FOUND_PAGE = '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n'
  + '    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n'
  + '        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n';

/** Each program's 404: status line and page. */
function notFound(program: HttpServerApp['program'], head: boolean): string {
  return program === 'python3' ? httpResponse(PYTHON_NOT_FOUND_PAGE, '404 File not found', head) : httpResponse(NOT_FOUND_PAGE, '404 Not Found', head);
}

/** The request line's method and path (query and fragment cut off), for GET and HEAD; else undefined. */
function requestLine(data: string): { head: boolean; path: string } | undefined {
  const m = /^(GET|HEAD) (\S+)/.exec(data);
  if (!m) return undefined;
  return { head: m[1] === 'HEAD', path: (m[2] as string).replace(/[?#].*$/, '') };
}

/**
 * The lab VM's servers' writes (captured in fixtures/oracle): busybox httpd writes the headers,
 * then the file (send_headers, then send_file); its error pages go with their headers in one
 * write. python3's http.server flushes the headers (end_headers), then writes the body, error
 * pages too (send_error). Both then close the connection (HTTP/1.0 or `Connection: close`).
 */
export function labWrites(program: HttpServerApp['program'], response: string, path: string): string[] {
  const end = response.indexOf('\r\n\r\n') + 4;
  const headers = response.slice(0, end);
  const body = response.slice(end);
  const page = path === '/' || path === '/index.html';
  if (body === '' || (program !== 'python3' && !page)) return [response];
  return [headers, body];
}

export interface HttpServerApp extends App {
  readonly kind: 'http-server';
  readonly port: number;
  /** The page's body (index.html); undefined = a page naming the host and the address asked. A live session rewrites it. */
  page: string | undefined;
  /** Simulated ms at which the page last changed (Last-Modified and ETag in a live world). */
  pageMtime: number;
  /** undefined = the web server (Apache/nginx); 'python3' = python3 -m http.server. */
  readonly program: 'python3' | undefined;
  /** Stops listening (`service apache2 stop`); connections already open finish. */
  stop(host: Host): void;
}

export function httpServer(port: number, page?: string, program?: 'python3'): HttpServerApp {
  const app: HttpServerApp = {
    kind: 'http-server',
    port,
    page,
    pageMtime: 0,
    program,
    start(w: World, host: Host) {
      app.pageMtime = w.now;
      // One default page per local address it is reached on (the RIP, or the VIP in DR/TUN).
      const pages = new Map<number, string>();
      host.tcp.listen(port, () => ({
        onData(w, s, data) {
          const req = requestLine(data);
          if (!req) return;
          if (w.trace.retain) w.trace.action(w.now, host.id, 'http-response', { port }, s.conn, { host: host.id, addr: formatIpv4(s.laddr) });
          const page = req.path === '/' || req.path === '/index.html';
          if (!w.live) {
            let response: string | undefined;
            if (!page) response = notFound(app.program, req.head);
            else if (app.page !== undefined) response = httpResponse(app.page, '200 OK', req.head);
            else if (req.head) response = httpResponse(defaultPage(host.id, formatIpv4(s.laddr)), '200 OK', true);
            else {
              response = pages.get(s.laddr);
              if (response === undefined) pages.set(s.laddr, (response = pageFor(host.id, formatIpv4(s.laddr))));
            }
            return host.tcp.send(w, s, response);
          }
          // The lab VM's programs: their own headers, dated by the simulated clock.
          const python = app.program === 'python3';
          const body = !page ? (python ? PYTHON_NOT_FOUND_PAGE : NOT_FOUND_PAGE) : (app.page ?? defaultPage(host.id, formatIpv4(s.laddr)));
          const status = page ? '200 OK' : python ? '404 File not found' : '404 Not Found';
          const headers = labHeaders(python ? 'python3' : 'busybox', { status, body, now: w.now, mtime: app.pageMtime });
          // busybox httpd sends the file after the headers even for HEAD.
          const written = headers + (req.head && python ? '' : body);
          for (const part of labWrites(app.program, written, req.path)) host.tcp.send(w, s, part);
          host.tcp.close(w, s);
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
