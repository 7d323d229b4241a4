/**
 * Web servers started and stopped on a running host (`service apache2 start`, `python3 -m
 * http.server 8080`), and the page they serve (`echo … > /var/www/html/index.html`), read at
 * each request as a real server reads the file.
 */
import { parseIpv4 } from '../addr/ipv4';
import { httpServer, type HttpServerApp } from '../host/apps/http-server';
import { l7Proxy, type L7ProxyApp, type Upstream } from '../host/apps/l7-proxy';
import type { Host } from '../sim/world';
import type { LiveWorld } from './live-world';

function serverOn(host: Host, port: number): HttpServerApp | undefined {
  return host.apps.find((a): a is HttpServerApp => a.kind === 'http-server' && (a as HttpServerApp).port === port);
}

function proxyOn(host: Host, port: number): L7ProxyApp | undefined {
  return host.apps.find((a): a is L7ProxyApp => a.kind === 'l7-proxy' && (a as L7ProxyApp).port === port);
}

export function isServing(host: Host, port: number): boolean {
  return serverOn(host, port) !== undefined;
}

/**
 * Starts a server on `port` serving `page` (undefined = the default page), the web server or
 * `python3 -m http.server` (program 'python3'); false if something already listens there.
 */
export function startWebServer(live: LiveWorld, host: Host, port: number, page: string | undefined, program?: 'python3'): boolean {
  if (serverOn(host, port) || proxyOn(host, port) || host.tcp.listeners.has(port)) return false;
  const app = httpServer(port, page, program);
  host.apps.push(app);
  app.start(live.world, host);
  const spec = live.specOf(host.id);
  if (spec) (spec.apps ??= []).push({ kind: 'http-server', port, ...(page !== undefined ? { page } : {}), ...(program ? { program } : {}) });
  return true;
}

/**
 * Starts nginx as a reverse proxy on `port` to `upstreams` ("192.168.1.11:80", an upstream group
 * and proxy_pass): each request goes to the next upstream in turn, nginx's round robin. False if
 * something already listens there or an upstream is not an address:port.
 */
export function startL7Proxy(live: LiveWorld, host: Host, port: number, upstreams: readonly string[]): boolean {
  if (serverOn(host, port) || proxyOn(host, port) || host.tcp.listeners.has(port)) return false;
  const parsed: Upstream[] = [];
  for (const u of upstreams) {
    const colon = u.lastIndexOf(':');
    const addr = parseIpv4(u.slice(0, colon));
    const upPort = Number(u.slice(colon + 1));
    if (colon < 0 || !addr.ok || !(upPort >= 1 && upPort <= 65535)) return false;
    parsed.push({ addr: addr.value, port: upPort });
  }
  const app = l7Proxy(port, parsed);
  host.apps.push(app);
  app.start(live.world, host);
  const spec = live.specOf(host.id);
  if (spec) (spec.apps ??= []).push({ kind: 'l7-proxy', port, upstreams: [...upstreams] });
  return true;
}

/** Stops the web server or proxy on `port`; false if none ran. */
export function stopWebServer(live: LiveWorld, host: Host, port: number): boolean {
  const app = serverOn(host, port) ?? proxyOn(host, port);
  if (!app) return false;
  app.stop(host);
  host.apps.splice(host.apps.indexOf(app), 1);
  const spec = live.specOf(host.id);
  if (spec?.apps) {
    spec.apps = spec.apps.filter((a) => !((a.kind === 'http-server' || a.kind === 'l7-proxy') && a.port === port));
    if (spec.apps.length === 0) delete spec.apps;
  }
  return true;
}

/** Every server on the host serves `page` from now on (its web root's index.html changed). */
export function setWebPage(live: LiveWorld, host: Host, page: string | undefined): void {
  for (const a of host.apps) {
    if (a.kind !== 'http-server') continue;
    (a as HttpServerApp).page = page;
    (a as HttpServerApp).pageMtime = live.now;
  }
  const spec = live.specOf(host.id);
  for (const a of spec?.apps ?? []) {
    if (a.kind !== 'http-server') continue;
    if (page === undefined) delete a.page;
    else a.page = page;
  }
}
