/**
 * A client making N requests one after another, like `curl` in a loop: each a new TCP
 * connection to the service, a GET, the response, then close. A failed connect (refused,
 * timed out after the SYN retries) counts as a failed request and the loop goes on.
 */
import { formatIpv4, type Ipv4 } from '../../addr/ipv4';
import { schedule } from '../../sim/world';
import type { TcpSocket } from '../../tcp/tcp-socket';
import type { App, RequestResult } from '../app';
import { requestLoop } from './request-loop';

export interface HttpClientConfig {
  readonly dst: Ipv4;
  readonly dport: number;
  readonly requests: number;
  readonly startMs: number;
  readonly gapMs: number;
  readonly holdMs: number;
}

export interface HttpClientApp extends App {
  readonly results: RequestResult[];
}

const ANSWER_RE = /<h1>([^<]*)<\/h1>/;

/** Whether `data` holds a whole HTTP/1.x response: its headers, then Content-Length bytes of body (none for HEAD). */
export function responseComplete(data: string, head: boolean): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  if (head) return true;
  const length = contentLength(data, end);
  return length >= 0 && data.length - (end + 4) >= length;
}

const CONTENT_LENGTH = '\r\ncontent-length:';

/**
 * The first header line's Content-Length before `end` (headers are case-insensitive), or -1: what
 * /\r\ncontent-length:[ \t]*(\d+)/i finds in data.slice(0, end + 2), read in place — a load run
 * checks every response of its clients with it, and the regex's match and slice were garbage each.
 */
function contentLength(data: string, end: number): number {
  for (let i = data.indexOf('\r\n'); i >= 0 && i < end; i = data.indexOf('\r\n', i + 2)) {
    let j = 2;
    // Past `\r\n` the pattern is lowercase ASCII letters but for '-' (9) and ':' (16); `| 0x20` lowers
    // an ASCII capital, and no other character lands on a lowercase letter.
    while (j < CONTENT_LENGTH.length && (data.charCodeAt(i + j) | (j === 9 || j === 16 ? 0 : 0x20)) === CONTENT_LENGTH.charCodeAt(j)) j++;
    if (j < CONTENT_LENGTH.length) continue;
    let k = i + j;
    while (data.charCodeAt(k) === 0x20 || data.charCodeAt(k) === 0x09) k++;
    let n = -1;
    for (let c = data.charCodeAt(k); c >= 0x30 && c <= 0x39 && k < end + 2; c = data.charCodeAt(++k)) n = (n < 0 ? 0 : n * 10) + (c - 0x30);
    if (n >= 0) return n;
  }
  return -1;
}


/** The request Debian 12's curl sends for `curl http://VIP/`. */
export function curlRequest(host: string): string {
  return `GET / HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`;
}

export function httpClient(cfg: HttpClientConfig): HttpClientApp {
  const results: RequestResult[] = [];
  const request = curlRequest(formatIpv4(cfg.dst));

  const start = requestLoop(cfg, (w, host, conn, finish) => {
    const startedAt = w.now;
    let answer = '';
    let received = '';
    const finishOne = (ok: boolean, why: string): void => {
      // Streaming runs keep counters only, so memory does not grow with the number of requests.
      if (w.trace.retain) results.push({ conn, ok, startedAt, endedAt: w.now, answer: ok ? answer : why });
      finish(ok, ok ? answer : why);
    };
    let settled = false;
    const s = host.tcp.connect(w, cfg.dst, cfg.dport, conn, {
      onConnected(w2, sock: TcpSocket) {
        host.tcp.send(w2, sock, request);
      },
      onData(w2, sock, data) {
        received += data;
        // The lab VM's servers (a live world) write headers and body apart: curl reads to the end.
        if (w2.live && !responseComplete(received, false)) return;
        answer = ANSWER_RE.exec(received)?.[1] ?? received.slice(0, 40);
        const close = (): void => host.tcp.close(w2, sock);
        if (cfg.holdMs > 0) schedule(w2, cfg.holdMs, close);
        // There the server also closes right behind its last write, before curl exits.
        else if (w2.live) schedule(w2, 0, close);
        else close();
      },
      onPeerClosed(w2, sock) {
        // The server closed without a (whole) page ("Empty reply from server"): curl gives up and closes.
        if (answer === '') host.tcp.close(w2, sock);
      },
      onClosed(_w2, _sock, error) {
        if (settled) return;
        settled = true;
        finishOne(error === undefined && answer !== '', error ?? 'closed-without-answer');
      },
    });
    if (!s) finishOne(false, 'no-route');
  });

  return { kind: 'http-client', results, start };
}
