/**
 * One HTTP request from a running host, as `curl URL` or `wget URL` makes it: connect, send the
 * request, read until the response is complete (its Content-Length, or the server's close),
 * then close at once, as the tool does when it exits. A time limit (curl's --max-time,
 * --connect-timeout) gives up cleanly: the socket closes (silently while still connecting).
 * httpGet runs the live world until the request ends, so it takes the simulated time it
 * takes; startHttpGet only starts it (a command run with `&`).
 */
import type { Ipv4 } from '../addr/ipv4';
import { responseComplete } from '../host/apps/http-client';
import { finishRequest } from '../host/apps/request-loop';
import { schedule, type Host } from '../sim/world';
import type { TcpError, TcpSocket } from '../tcp/tcp-socket';
import type { LiveWorld } from './live-world';

export interface HttpGetOptions {
  readonly dst: Ipv4;
  readonly port: number;
  /** The request's bytes, exactly as the tool sends them. */
  readonly request: string;
  /** A HEAD request: the response ends with its headers. */
  readonly head?: boolean;
  /** The tool reads no body after an error status (wget), so what came of it is left unread. */
  readonly skipsErrorBody?: boolean;
  /** The whole operation's limit (curl --max-time), in ms from the start. */
  readonly maxTimeMs?: number | undefined;
  /** The limit on connecting alone (curl --connect-timeout), in ms from the start. */
  readonly connectTimeoutMs?: number | undefined;
}

/**
 * How the request ended: the response was complete or the server closed (`response`); the
 * connect failed (no route at once, or the kernel's errno); the connection broke; a time limit
 * ran out, while connecting or after; or, with no limit, nothing more happened for an hour.
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

export interface PendingHttpGet {
  /** The result once the request has ended, else undefined. */
  result(): HttpGetResult | undefined;
}

export { responseComplete };

/** Without a time limit a request still ends: after this much simulated time (an hour) it is "stalled". */
const NO_LIMIT_MS = 3_600_000;

/** How long the frames still on the wire when the tool exits may take to land (they take a few ms). */
const SETTLE_LIMIT_MS = 1_000;

/** Whether the tool leaves body bytes unread: any after a HEAD's headers, or an error's body for wget. */
function unreadBody(data: string, opts: HttpGetOptions): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0 || data.length === end + 4) return false;
  return opts.head === true || (opts.skipsErrorBody === true && !/^HTTP\/1\.\d 2/.test(data));
}

/** Starts the request from `host`; the world's own time carries it to its end. */
export function startHttpGet(live: LiveWorld, host: Host, opts: HttpGetOptions): PendingHttpGet & { stall(): void; exited(): boolean } {
  const w = live.world;
  const start = w.now;
  const conn = w.nextConnId++;
  let data = '';
  let connected = false;
  let peerClosed = false;
  let result: HttpGetResult | undefined;
  let exited = false;


  const settle = (end: HttpGetEnd): void => {
    if (result !== undefined) return;
    result = { end, connected, data, peerClosed, elapsedMs: w.now - start };
    // The tool exits and its socket closes: FIN after an exchange (or one cut short), nothing while
    // connecting. It closes once the kernel has taken in what arrives with the last byte it read
    // (the server's FIN right behind its last write), as the exiting process does.
    // Bytes it never read make that close a reset.
    const close = (): void => {
      exited = true;
      if (!sock) return;
      if (unreadBody(data, opts)) host.tcp.abort(w, sock);
      else if (sock.state !== 'CLOSED' && sock.state !== 'TIME_WAIT') host.tcp.close(w, sock);
    };
    if (sock?.state === 'SYN_SENT') close();
    else schedule(w, 0, close);
    const ok = end === 'response' && data !== '';
    finishRequest(w, host, conn, ok, ok ? answerOf(data) : end, start);
  };

  // curl starts its clock before it connects: a limit that falls with a SYN retransmission comes first.
  const limit = opts.maxTimeMs;
  const connectLimit = Math.min(limit ?? Infinity, opts.connectTimeoutMs ?? Infinity);
  if (Number.isFinite(connectLimit)) schedule(w, connectLimit, () => {
    if (!connected) settle('connect-time-limit');
  });
  if (limit !== undefined) schedule(w, limit, () => settle('time-limit'));
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

  return { result: () => result, stall: () => settle('stalled'), exited: () => exited };
}

/** Makes the request from `host` and runs the world until it ends. */
export function httpGet(live: LiveWorld, host: Host, opts: HttpGetOptions): HttpGetResult {
  const start = live.now;
  const pending = startHttpGet(live, host, opts);
  live.runUntil(start + (opts.maxTimeMs ?? NO_LIMIT_MS), () => pending.result() !== undefined);
  if (pending.result() === undefined) pending.stall();
  // The tool has exited (its close is due at this instant), but its FIN (and what answers it) is
  // still on the wire; those frames land before anyone can type the next line, as at the lab
  // VM's console.
  live.runUntil(live.now + SETTLE_LIMIT_MS, () => pending.exited() && live.world.inflight === 0);
  return pending.result() as HttpGetResult;
}

/** What the trace names as the answer: the page's first line, as short as a timeline label wants. */
function answerOf(data: string): string {
  const i = data.indexOf('\r\n\r\n');
  const body = i < 0 ? data : data.slice(i + 4);
  return (body.split('\n')[0] ?? '').slice(0, 40);
}
