/**
 * One HTTP request from a running host, as `curl URL` or `wget URL` makes it: connect, send the
 * request, read until the response is complete (its Content-Length, or the server's close),
 * then close. The live world runs until then, so the request takes the simulated time it
 * takes; a time limit (curl's --max-time) gives up cleanly, closing the socket. The result
 * says how it ended, with the bytes received and when, for the tool to print.
 */
import type { Ipv4 } from '../addr/ipv4';
import { finishRequest } from '../host/apps/request-loop';
import type { Host } from '../sim/world';
import type { TcpError, TcpSocket } from '../tcp/tcp-socket';
import type { LiveWorld } from './live-world';

export interface HttpGetOptions {
  readonly dst: Ipv4;
  readonly port: number;
  /** The request's bytes, exactly as the tool sends them. */
  readonly request: string;
  /** A HEAD request: the response ends with its headers. */
  readonly head?: boolean;
  /** The whole operation's limit (curl --max-time), in ms from the start. */
  readonly maxTimeMs?: number | undefined;
  /** The limit on connecting alone (curl --connect-timeout), in ms from the start. */
  readonly connectTimeoutMs?: number | undefined;
}

/**
 * How the request ended: the response was complete or the server closed (`response`); the
 * connect failed (no route at once, or the kernel's errno); the connection broke; or a time
 * limit ran out, while connecting or after.
 */
export type HttpGetEnd = 'response' | 'no-route' | TcpError | 'connect-time-limit' | 'time-limit' | 'stalled';

export interface HttpGetResult {
  readonly end: HttpGetEnd;
  /** The connection was established. */
  readonly connected: boolean;
  /** Everything the server sent, in order. */
  readonly data: string;
  /** The server closed its side (FIN) before the request ended. */
  readonly peerClosed: boolean;
  /** Simulated ms from the start to the end of the request. */
  readonly elapsedMs: number;
}

/** Without a time limit a request still ends: after this much simulated time (an hour) it is "stalled". */
const NO_LIMIT_MS = 3_600_000;

/** Whether `data` holds a whole HTTP/1.x response: its headers, then Content-Length bytes of body (none for HEAD). */
export function responseComplete(data: string, head: boolean): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  if (head) return true;
  const m = /\r\ncontent-length:[ \t]*(\d+)/i.exec(data.slice(0, end + 2));
  if (!m) return false;
  return data.length - (end + 4) >= Number(m[1]);
}

/** Makes the request from `host` and runs the world until it ends. */
export function httpGet(live: LiveWorld, host: Host, opts: HttpGetOptions): HttpGetResult {
  const w = live.world;
  const start = w.now;
  const conn = w.nextConnId++;
  let data = '';
  let connected = false;
  let peerClosed = false;
  let end: HttpGetEnd | undefined;
  const settle = (why: HttpGetEnd): void => {
    if (end === undefined) end = why;
  };

  const sock: TcpSocket | undefined = host.tcp.connect(w, opts.dst, opts.port, conn, {
    onConnected(w2, s) {
      connected = true;
      host.tcp.send(w2, s, opts.request);
    },
    onData(_w2, _s, chunk) {
      data += chunk;
      if (responseComplete(data, opts.head === true)) settle('response');
    },
    onPeerClosed() {
      peerClosed = true;
      settle('response');
    },
    onClosed(_w2, _s, error) {
      settle(error ?? 'response');
    },
  });
  if (!sock) settle('no-route');

  const limit = opts.maxTimeMs ?? NO_LIMIT_MS;
  const connectLimit = Math.min(limit, opts.connectTimeoutMs ?? Infinity);
  if (end === undefined && connectLimit < limit) {
    live.runUntil(start + connectLimit, () => end !== undefined || connected);
    if (end === undefined && !connected) settle('connect-time-limit');
  }
  if (end === undefined) {
    live.runUntil(start + limit, () => end !== undefined);
    if (end === undefined) settle(opts.maxTimeMs === undefined ? 'stalled' : connected ? 'time-limit' : 'connect-time-limit');
  }
  // The tool exits and its socket closes: FIN once the exchange is over (or cut short), nothing while connecting.
  if (sock && sock.state !== 'CLOSED' && sock.state !== 'TIME_WAIT') host.tcp.close(w, sock);

  const ended = end as HttpGetEnd;
  const ok = ended === 'response' && data !== '';
  finishRequest(w, host, conn, ok, ok ? answerOf(data) : ended, start);
  return { end: ended, connected, data, peerClosed, elapsedMs: w.now - start };
}

/** What the trace names as the answer: the page's first line, as short as a timeline label wants. */
function answerOf(data: string): string {
  const i = data.indexOf('\r\n\r\n');
  const body = i < 0 ? data : data.slice(i + 4);
  return (body.split('\n')[0] ?? '').slice(0, 40);
}
