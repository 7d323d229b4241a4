/**
 * The load's clients, all on one host, each with its own address: requests arrive as a seeded
 * Poisson process (arrivals.ts); a request goes on the client's kept-alive connection when it
 * has an idle one, else on a new connection bound to the client's address; after the response
 * the connection is held for the client's keep-alive time (an ESTABLISHED entry, an ActiveConn
 * on the director), then closed. A request unanswered after `timeoutMs` fails and its
 * connection is closed, as `curl --max-time` does.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import { curlRequest, responseComplete } from '../host/apps/http-client';
import type { Prng } from '../sim/prng';
import type { Host, World } from '../sim/world';
import type { TcpCallbacks, TcpError, TcpSocket } from '../tcp/tcp-socket';
import { poissonArrivals, type Arrivals } from './arrivals';
import type { LoadClientSpec } from './types';

interface ClientConn {
  readonly client: number;
  sock: TcpSocket | undefined;
  /** A request sent and not yet answered (its start time), or -1. */
  pendingSince: number;
  /** Bumped whenever what a timer waits for is over (answer, reuse, close). */
  gen: number;
  received: string;
  /** Its real server was failed, removed or quiesced while it was open. */
  disrupted: boolean;
  /** Already counted as kept, reset or lost. */
  counted: boolean;
  /** Closed by the client because a request timed out. */
  timedOut: boolean;
}

export interface ClientCounts {
  requests: number;
  ok: number;
  failed: number;
  kept: number;
  reset: number;
  lost: number;
}

export interface LoadClientsConfig {
  readonly host: Host;
  readonly addrs: readonly Ipv4[];
  readonly vip: Ipv4;
  readonly vport: number;
  readonly specs: readonly LoadClientSpec[];
  readonly prng: Prng;
  /** No request starts after this many, or after this time. */
  readonly maxRequests: number;
  readonly untilMs: number;
  readonly timeoutMs: number;
}

export class LoadClients {
  readonly counts: ClientCounts = { requests: 0, ok: 0, failed: 0, kept: 0, reset: 0, lost: 0 };
  /** Requests started and not yet ended. */
  pending = 0;
  /** No more requests will start. */
  arrivalsOver = false;
  /** Every connection open now (for marking those a server change touches). */
  readonly open = new Set<ClientConn>();
  private readonly idle: Array<ClientConn | undefined>;
  private readonly arrivals: Arrivals;
  private readonly request: string;
  /** The arrival timer: one object, re-pushed for each arrival (it is in the queue once at most: the next is drawn when it fires). */
  private arriveTimer: Arrive | undefined;

  constructor(private readonly cfg: LoadClientsConfig) {
    this.idle = new Array<ClientConn | undefined>(cfg.addrs.length).fill(undefined);
    this.arrivals = poissonArrivals(cfg.specs.map((s) => s.ratePerS), cfg.prng);
    this.request = curlRequest(formatIpv4(cfg.vip));
  }

  get finished(): boolean {
    return this.arrivalsOver && this.pending === 0;
  }

  start(w: World): void {
    this.scheduleNext(w);
  }

  private scheduleNext(w: World): void {
    if (this.counts.requests >= this.cfg.maxRequests) return this.endArrivals();
    const a = this.arrivals.next();
    if (a.atMs > this.cfg.untilMs) return this.endArrivals();
    const timer = (this.arriveTimer ??= new Arrive(this, w));
    timer.client = a.client;
    w.queue.push(a.atMs, timer);
  }

  private endArrivals(): void {
    this.arrivalsOver = true;
  }

  /** @internal the arrival timer's */
  arrive(w: World, client: number): void {
    this.counts.requests++;
    this.pending++;
    const c = this.idle[client];
    if (c !== undefined && c.sock !== undefined && c.sock.state === 'ESTABLISHED') {
      this.idle[client] = undefined;
      this.send(w, c);
    } else this.connect(w, client);
    this.scheduleNext(w);
  }

  private connect(w: World, client: number): void {
    const c: ClientConn = { client, sock: undefined, pendingSince: w.now, gen: 0, received: '', disrupted: false, counted: false, timedOut: false };
    this.open.add(c);
    this.armTimeout(w, c);
    c.sock = this.cfg.host.tcp.connect(w, this.cfg.vip, this.cfg.vport, w.nextConnId++, new ConnCallbacks(this, c), this.cfg.addrs[client]);
    if (c.sock === undefined) this.onClosed(c, 'net-unreachable');
  }

  /** Sends the request on `c` (`fresh`: a reused connection, whose timer starts now). */
  /** @internal also the connection's callbacks' */
  send(w: World, c: ClientConn, fresh = true): void {
    if (fresh) {
      c.gen++;
      c.pendingSince = w.now;
      this.armTimeout(w, c);
    }
    this.cfg.host.tcp.send(w, c.sock as TcpSocket, this.request);
  }

  private armTimeout(w: World, c: ClientConn): void {
    w.queue.pushAfter(w.now, this.cfg.timeoutMs, new RequestTimeout(this, w, c, c.gen));
  }

  /** @internal the request timer's: the request on `c` was not answered in time. */
  timeOut(w: World, c: ClientConn): void {
    c.timedOut = true;
    this.endRequest(c, false);
    if (c.sock !== undefined) this.cfg.host.tcp.close(w, c.sock);
    // A connection still connecting is simply dropped: it is over for the client.
    if (this.open.has(c) && c.sock?.state === 'CLOSED') this.onClosed(c, 'timeout');
  }

  /** @internal the keep-alive timer's: nothing more came on `c` while it was held. */
  release(w: World, c: ClientConn, sock: TcpSocket): void {
    if (this.idle[c.client] === c) this.idle[c.client] = undefined;
    this.cfg.host.tcp.close(w, sock);
  }

  /** @internal the connection's callbacks' */
  close(w: World, s: TcpSocket): void {
    this.cfg.host.tcp.close(w, s);
  }

  /** @internal the connection's callbacks' */
  onData(w: World, c: ClientConn, data: string): void {
    c.received += data;
    if (c.pendingSince < 0 || !responseComplete(c.received, false)) return;
    c.received = '';
    this.endRequest(c, true);
    // Answered after its server changed: the connection was kept.
    if (c.disrupted && !c.counted) {
      c.counted = true;
      this.counts.kept++;
    }
    const keep = this.cfg.specs[c.client]?.keepAliveMs ?? 0;
    const sock = c.sock as TcpSocket;
    if (keep <= 0 || this.idle[c.client] !== undefined) return this.cfg.host.tcp.close(w, sock);
    this.idle[c.client] = c;
    w.queue.pushAfter(w.now, keep, new KeepAliveEnd(this, w, c, ++c.gen, sock));
  }

  private endRequest(c: ClientConn, ok: boolean): void {
    c.pendingSince = -1;
    c.gen++;
    this.pending--;
    if (ok) this.counts.ok++;
    else this.counts.failed++;
  }

  /** @internal also the connection's callbacks' */
  onClosed(c: ClientConn, error: TcpError | undefined): void {
    if (!this.open.delete(c)) return;
    if (this.idle[c.client] === c) this.idle[c.client] = undefined;
    const unanswered = c.pendingSince >= 0;
    if (unanswered) this.endRequest(c, false);
    if (c.counted) return;
    // A connection that failed was lost (nobody answered) or reset, whenever it was opened.
    if (c.timedOut || error === 'timeout' || (unanswered && error === undefined)) this.counts.lost++;
    else if (error !== undefined) this.counts.reset++;
    else if (c.disrupted) this.counts.kept++;
  }

  /** Marks the open connections for which `isTo(client address, client port)` holds (their server changed). */
  markDisrupted(isTo: (caddr: Ipv4, cport: number) => boolean): void {
    for (const c of this.open) if (!c.disrupted && c.sock !== undefined && isTo(c.sock.laddr, c.sock.lport)) c.disrupted = true;
  }
}

// The clients' timers and callbacks are small classes rather than closures: one object each, and
// one of these is made for every request of a run that may have millions.

class Arrive {
  readonly k = 'timer';
  /** The client whose request arrives next. */
  client = 0;
  constructor(private readonly clients: LoadClients, private readonly w: World) {}
  fire(): void {
    this.clients.arrive(this.w, this.client);
  }
}

/** Fires `timeoutMs` after a request was sent; does nothing if it was answered (or the connection reused) since. */
class RequestTimeout {
  readonly k = 'timer';
  constructor(private readonly clients: LoadClients, private readonly w: World, private readonly c: ClientConn, private readonly gen: number) {}
  fire(): void {
    const c = this.c;
    if (c.gen !== this.gen || c.pendingSince < 0) return;
    this.clients.timeOut(this.w, c);
  }
}

/** Fires when a held connection's keep-alive is over, unless a request took it meanwhile. */
class KeepAliveEnd {
  readonly k = 'timer';
  constructor(private readonly clients: LoadClients, private readonly w: World, private readonly c: ClientConn, private readonly gen: number, private readonly sock: TcpSocket) {}
  fire(): void {
    if (this.c.gen !== this.gen) return;
    this.clients.release(this.w, this.c, this.sock);
  }
}

class ConnCallbacks implements TcpCallbacks {
  constructor(private readonly clients: LoadClients, private readonly c: ClientConn) {}
  onConnected(w: World): void {
    this.clients.send(w, this.c, false);
  }
  onData(w: World, _s: TcpSocket, data: string): void {
    this.clients.onData(w, this.c, data);
  }
  onPeerClosed(w: World, s: TcpSocket): void {
    this.clients.close(w, s);
  }
  onClosed(_w: World, _s: TcpSocket, error: TcpError | undefined): void {
    this.clients.onClosed(this.c, error);
  }
}
