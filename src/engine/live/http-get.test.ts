/**
 * httpGet: one request from a live host, run until it ends — the whole response, a refused or
 * unroutable connect, and a time limit that gives up cleanly (the socket gone, no more SYNs).
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { hostSpec, lanSpec, scenarioOf, server } from '../../test/builders';
import { curlRequest } from '../host/apps/http-client';
import { labHeaders } from '../host/apps/lab-http';
import { httpGet, responseComplete, startHttpGet } from './http-get';
import { LiveWorld } from './live-world';
import { tcpFlagList } from '../wire/repr';

const lab = () => new LiveWorld(scenarioOf('http-lab', [
  hostSpec('C', 'client', { eth0: ['10.0.0.10/24'] }),
  hostSpec('S', 'server', { eth0: ['10.0.0.1/24'] }, { apps: [server(80)] }),
], [lanSpec('lan', 'C', 'S')]));

const get = (live: LiveWorld, dst: string, port = 80, more: { maxTimeMs?: number; connectTimeoutMs?: number } = {}) =>
  httpGet(live, live.host('C')!, { dst: ip(dst), port, request: curlRequest(dst), ...more });

const synsFrom = (live: LiveWorld, host: string) =>
  live.trace.events.filter((e) => e.kind === 'frame' && e.from.host === host && e.frame.type === 'ipv4' && e.frame.ip.payload.proto === 'tcp' && e.frame.ip.payload.flags === 2).length;

describe('httpGet', () => {
  it('returns the whole response once Content-Length bytes of body have come, after the simulated round trips', () => {
    const live = lab();
    const r = get(live, '10.0.0.1');
    expect(r.end).toBe('response');
    // busybox httpd's headers, dated by the simulated clock: the page and the request both at time 0 s.
    const body = '<h1>S 10.0.0.1</h1>\n';
    expect(r.data).toBe(labHeaders('busybox', { status: '200 OK', body, now: 0, mtime: 0 }) + body);
    expect(r.connected).toBe(true);
    // ARP (2 ms), the handshake (2 ms), then the request and its answer (2 ms).
    expect(r.elapsedMs).toBe(6);
  });

  it('closes its side after the lab VM\'s server, which closed first and so waits in TIME_WAIT (fixtures/oracle dr-course)', () => {
    const live = lab();
    get(live, '10.0.0.1');
    live.advance(100);
    expect(live.host('C')!.tcp.sockets.list()).toEqual([]);
    expect(live.host('S')!.tcp.sockets.list().map((s) => s.state)).toEqual(['TIME_WAIT']);
  });

  it('sends what the lab VM sent for a page: headers and body apart, the server\'s FIN, then curl\'s FIN with the ACK of it', () => {
    const live = lab();
    const from = live.eventCount;
    get(live, '10.0.0.1');
    live.advance(100);
    const tcp = live.eventsSince(from).flatMap((e) => (e.kind === 'frame' && e.frame.type === 'ipv4' && e.frame.ip.payload.proto === 'tcp'
      ? [`${e.from.host} ${tcpFlagList(e.frame.ip.payload.flags).join(',')} ${e.frame.ip.payload.data.length}`] : []));
    expect(tcp.slice(3)).toEqual([
      'C PSH,ACK 72', 'S ACK 0', 'S PSH,ACK 209', 'S PSH,ACK 20', 'S FIN,ACK 0', 'C ACK 0', 'C ACK 0', 'C FIN,ACK 0', 'S ACK 0',
    ]);
  });

  it('resets rather than closes when the tool leaves body bytes unread (tcp_close: data_was_unread), as curl -I after busybox\'s body', () => {
    const live = lab();
    const from = live.eventCount;
    httpGet(live, live.host('C')!, { dst: ip('10.0.0.1'), port: 80, request: 'HEAD / HTTP/1.1\r\n\r\n', head: true });
    live.advance(100);
    const fromC = live.eventsSince(from).filter((e) => e.kind === 'frame' && e.from.host === 'C' && e.frame.type === 'ipv4' && e.frame.ip.payload.proto === 'tcp');
    const last = fromC.at(-1);
    expect(last?.kind === 'frame' && last.frame.type === 'ipv4' && last.frame.ip.payload.proto === 'tcp' && tcpFlagList(last.frame.ip.payload.flags)).toEqual(['RST', 'ACK']);
    expect(live.host('C')!.tcp.sockets.list()).toEqual([]);
  });

  it('returns once the close is over on the wire, as the next console line finds it (oracle exports/dr-lab: the director lists the last curl as FIN_WAIT)', () => {
    const live = lab();
    get(live, '10.0.0.1');
    expect(live.world.inflight).toBe(0);
    // The lab VM's server closed first: curl's FIN (LAST_ACK) has had its ACK, the server waits in TIME_WAIT.
    expect(live.host('C')!.tcp.sockets.list()).toEqual([]);
    expect(live.host('S')!.tcp.sockets.list().map((s) => s.state)).toEqual(['TIME_WAIT']);
  });

  it('reports a refused connect (RST) at the round trip it took', () => {
    const live = lab();
    const r = get(live, '10.0.0.1', 8081);
    expect([r.end, r.connected, r.elapsedMs]).toEqual(['refused', false, 4]);
  });

  it('fails at once with no route', () => {
    const live = lab();
    const r = get(live, '192.0.2.1');
    expect([r.end, r.elapsedMs]).toEqual(['no-route', 0]);
  });

  it('gives up at the time limit while connecting: the socket is gone and no SYN follows', () => {
    const live = lab();
    const r = get(live, '10.0.0.99', 80, { maxTimeMs: 2000 });
    expect([r.end, r.elapsedMs]).toEqual(['connect-time-limit', 2000]);
    const syns = synsFrom(live, 'C');
    live.advance(60_000);
    expect(synsFrom(live, 'C')).toBe(syns);
    expect(live.host('C')!.tcp.sockets.list()).toEqual([]);
  });

  it('applies a connect timeout shorter than the whole limit to the connect alone', () => {
    const live = lab();
    const r = get(live, '10.0.0.99', 80, { maxTimeMs: 5000, connectTimeoutMs: 1500 });
    expect([r.end, r.elapsedMs]).toEqual(['connect-time-limit', 1500]);
  });

  it('traces the request as done, with the page\'s first line as its answer', () => {
    const live = lab();
    get(live, '10.0.0.1');
    const done = live.trace.events.filter((e) => e.kind === 'action' && e.action === 'request-done');
    expect(done.map((e) => e.kind === 'action' && e.detail.answer)).toEqual(['<h1>S 10.0.0.1</h1>']);
  });
});

describe('startHttpGet', () => {
  it('only starts the request (a curl with &): time passing brings the response, and its time limit still holds', () => {
    const live = lab();
    const ok = startHttpGet(live, live.host('C')!, { dst: ip('10.0.0.1'), port: 80, request: curlRequest('10.0.0.1') });
    const cut = startHttpGet(live, live.host('C')!, { dst: ip('10.0.0.99'), port: 80, request: curlRequest('10.0.0.99'), maxTimeMs: 1000 });
    expect([live.now, ok.result(), cut.result()]).toEqual([0, undefined, undefined]);
    live.advance(5000);
    expect(ok.result()?.end).toBe('response');
    expect([cut.result()?.end, cut.result()?.elapsedMs]).toEqual(['connect-time-limit', 1000]);
  });
});

describe('responseComplete', () => {
  it('waits for the headers and then Content-Length bytes of body', () => {
    const full = 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc';
    expect(responseComplete(full.slice(0, 20), false)).toBe(false);
    expect(responseComplete(full.slice(0, -1), false)).toBe(false);
    expect(responseComplete(full, false)).toBe(true);
  });

  it('takes the headers alone for a HEAD request, and never ends a response without a length (it ends at close)', () => {
    expect(responseComplete('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n', true)).toBe(true);
    expect(responseComplete('HTTP/1.0 200 OK\r\n\r\nabc', false)).toBe(false);
  });
});
