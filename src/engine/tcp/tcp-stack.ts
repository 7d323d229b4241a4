/**
 * A host's TCP: enough of Linux's to carry the course's HTTP exchanges faithfully — the
 * handshake, data, close with TIME_WAIT, RST to a port nobody listens on, and retransmission
 * of an unanswered SYN (1 s, then doubling, tcp_syn_retries=6) or SYN-ACK.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import type { Host, World } from '../sim/world';
import { DEFAULT_TTL, ipSendLocal } from '../route/output';
import { selectSource } from '../route/source-select';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, tcpRepr, tcpWith, type Ipv4Repr, type TcpRepr, type TcpTimestamps } from '../wire/repr';
import {
  EPHEMERAL_HIGH, EPHEMERAL_LOW, TCP_MSS, TCP_RETRIES2, TCP_RTO_MAX_MS, TCP_RTO_MIN_MS, TCP_SYNACK_RETRIES,
  TCP_DELACK_MS, TCP_SCALED_WINDOW, TCP_SYNACK_WINDOW, TCP_SYN_RETRIES, TCP_TIMEOUT_INIT_MS, TCP_TIMEWAIT_MS, TCP_WINDOW, TCP_WSCALE,
} from './tcp-constants';
import { seqAdd, seqLeq, type RtoTimer, type TcpCallbacks, type TcpError, type TcpSocket } from './tcp-socket';
import { tcpInput } from './tcp-input';
import { SocketTable } from './socket-table';
import { AddrMap } from '../addr/addr-map';

export interface Listener {
  readonly port: number;
  readonly onAccept: (w: World, s: TcpSocket) => TcpCallbacks;
}

export class TcpStack {
  /** Connected and connecting sockets; listeners are kept apart. */
  readonly sockets = new SocketTable();
  readonly listeners = new Map<number, Listener>();
  /**
   * Local addresses that keep connections and ephemeral ports of their own (a load generator's
   * client addresses): connect() picks a port unique per 4-tuple (__inet_hash_connect), so each
   * source address has the whole range. Undefined on every other host: one table, as before.
   */
  private byLaddr: AddrMap<SocketTable> | undefined = undefined;

  constructor(readonly host: Host) {}

  listen(port: number, onAccept: Listener['onAccept']): void {
    this.listeners.set(port, { port, onAccept });
  }

  /** Closes the listening socket; established connections on the port carry on, as after close(listenfd). */
  unlisten(port: number): void {
    this.listeners.delete(port);
  }

  /** Gives each of `addrs` its own connections and ephemeral ports (see byLaddr). */
  separatePorts(addrs: readonly Ipv4[]): void {
    this.byLaddr ??= new AddrMap();
    for (const a of addrs) if (!this.byLaddr.has(a)) this.byLaddr.set(a, new SocketTable());
  }

  /** The table holding connections from local address `laddr`. */
  tableFor(laddr: Ipv4): SocketTable {
    return this.byLaddr === undefined ? this.sockets : (this.byLaddr.get(laddr) ?? this.sockets);
  }

  /** An ephemeral port, as __inet_hash_connect walks the range: a seeded even start, then +2. */
  private ephemeralPort(w: World, table: SocketTable): number {
    const span = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
    if (table.nextPort < 0) table.nextPort = (w.rng.ports.u32() % span) & ~1;
    for (let i = 0; i < span; i += 2) {
      const port = EPHEMERAL_LOW + ((table.nextPort + i) % span);
      if (!table.has(port) && !this.listeners.has(port)) {
        table.nextPort = (table.nextPort + i + 2) % span;
        return port;
      }
    }
    return EPHEMERAL_LOW;
  }

  /**
   * connect(): sends the SYN. Returns the socket, or undefined if there is no route. `bound` is
   * a local address bound before connecting (bind() then connect()); else the route picks one.
   */
  connect(w: World, dst: Ipv4, dport: number, conn: number, cb: TcpCallbacks, bound?: Ipv4): TcpSocket | undefined {
    const route = this.host.routes.lookup(dst);
    if (!route) {
      w.trace.drop(w.now, this.host.id, 'no-route', {}, conn, { dst: formatIpv4(dst) });
      return undefined;
    }
    const src = bound ?? (route.type === 'local' ? dst : selectSource(route, dst, this.host.ifaces));
    if (src === undefined) return undefined;
    const table = this.tableFor(src);
    const iss = w.rng.isn.u32();
    const s: TcpSocket = {
      laddr: src, lport: this.ephemeralPort(w, table), raddr: dst, rport: dport, state: 'SYN_SENT', conn, iss,
      sndUna: iss, sndNxt: seqAdd(iss, 1), rcvNxt: 0, rtx: [], rtoMs: TCP_TIMEOUT_INIT_MS, retries: 0, rtoTimer: undefined, portSeq: 0, samePort: undefined, peerSeq: 0,
      ackPending: false, finSent: false, cb, openedAt: w.now, srttMs: 0,
      tsOn: true, tsOffset: w.rng.isn.u32(), tsRecent: 0, lastTs: undefined, peerSack: false, peerWscale: false, confirmPending: false,
    };
    table.add(s);
    if (w.trace.retain) {
      // Detail and params say the same here: one record serves as both.
      const ends = { src: `${formatIpv4(src)}:${s.lport}`, dst: `${formatIpv4(dst)}:${dport}` };
      w.trace.action(w.now, this.host.id, 'tcp-connect', ends, conn, ends);
    }
    this.emit(w, s, TCP_SYN, '', iss);
    return s;
  }

  send(w: World, s: TcpSocket, data: string): void {
    if (s.state !== 'ESTABLISHED' && s.state !== 'CLOSE_WAIT') return;
    const seq = s.sndNxt;
    s.sndNxt = seqAdd(s.sndNxt, data.length);
    this.emit(w, s, TCP_PSH | TCP_ACK, data, seq);
  }

  /** close(): sends FIN (ESTABLISHED → FIN_WAIT1, CLOSE_WAIT → LAST_ACK). */
  close(w: World, s: TcpSocket): void {
    if (s.finSent) return;
    if (s.state === 'SYN_SENT') return this.finish(w, s);
    if (s.state !== 'ESTABLISHED' && s.state !== 'CLOSE_WAIT') return;
    s.state = s.state === 'ESTABLISHED' ? 'FIN_WAIT1' : 'LAST_ACK';
    s.finSent = true;
    const seq = s.sndNxt;
    s.sndNxt = seqAdd(s.sndNxt, 1);
    this.emit(w, s, TCP_FIN | TCP_ACK, '', seq);
  }

  /**
   * close() with data the application never read (tcp_close: data_was_unread): the connection
   * is dropped at once with RST|ACK instead of a FIN (tcp_send_active_reset, RFC 2525 2.17).
   */
  abort(w: World, s: TcpSocket): void {
    if (s.state === 'CLOSED' || s.state === 'TIME_WAIT') return;
    if (s.state !== 'SYN_SENT') this.xmit(w, s, tcpRepr(s.lport, s.rport, s.sndNxt, s.rcvNxt, TCP_RST | TCP_ACK, 0, ''));
    this.finish(w, s);
  }

  /** Builds a segment; those that take sequence space are kept for retransmission. */
  emit(w: World, s: TcpSocket, flags: number, data: string, seq: number): void {
    const withAck = (flags & TCP_ACK) !== 0;
    const ack = withAck ? s.rcvNxt : 0;
    const wnd = windowFor(flags);
    // One constructor for every segment (one hidden class); only a SYN carries more than timestamps.
    const ts = s.tsOn ? tsOption(s, w.now) : undefined;
    const seg = flags & TCP_SYN ? synSegment(s, seq, ack, flags, wnd, data, ts) : tcpRepr(s.lport, s.rport, seq, ack, flags, wnd, data, ts);
    if (withAck) s.ackPending = false;
    if (flags & (TCP_SYN | TCP_FIN) || data.length > 0) {
      s.rtx.push(seg);
      if (s.rtx.length === 1) this.armRto(w, s);
    }
    this.xmit(w, s, seg);
  }

  /** __tcp_transmit_skb: the segment carries the socket's pending neighbour confirmation, if any. */
  private xmit(w: World, s: TcpSocket, seg: TcpRepr): void {
    if (ipSendLocal(w, this.host, s.laddr, s.raddr, seg, s.conn, true, DEFAULT_TTL, s.confirmPending)) s.confirmPending = false;
  }

  sendAck(w: World, s: TcpSocket): void {
    this.emit(w, s, TCP_ACK, '', s.sndNxt);
  }

  /** The delayed-ACK timer (TCP_DELACK_MIN): acknowledges unless something else did first. */
  delayAck(w: World, s: TcpSocket): void {
    w.queue.pushAfter(w.now, TCP_DELACK_MS, new TcpTimer(w, this, s, DELACK));
  }

  onDelayedAck(w: World, s: TcpSocket): void {
    if (s.ackPending && s.state !== 'CLOSED' && s.state !== 'TIME_WAIT') this.sendAck(w, s);
  }

  /**
   * (Re)starts the retransmission timer (inet_csk_reset_xmit_timer): the pending expiry, if any,
   * is taken out of the queue rather than left to fire for nothing, as mod_timer replaces it.
   */
  armRto(w: World, s: TcpSocket): void {
    let t = s.rtoTimer as TcpTimer | undefined;
    if (t === undefined) s.rtoTimer = t = new TcpTimer(w, this, s, RTO);
    else if (t.queued) w.queue.cancel(t);
    t.queued = true;
    w.queue.pushCancellable(w.now, s.rtoMs, t);
  }

  /**
   * A socket that will send nothing more (TIME_WAIT, closed) lets go of its retransmission state:
   * it may wait 60 s, and what it holds would be copied by every young-generation GC meanwhile.
   */
  private release(w: World, s: TcpSocket): void {
    this.stopRto(w, s);
    s.rtoTimer = undefined;
    s.rtx = [];
    s.lastTs = undefined;
  }

  /** Stops the retransmission timer (inet_csk_clear_xmit_timer). */
  private stopRto(w: World, s: TcpSocket): void {
    const t = s.rtoTimer;
    if (t?.queued) {
      w.queue.cancel(t as TcpTimer);
      t.queued = false;
    }
  }

  /** The retransmission timer fires (it is cancelled whenever it is stopped or re-armed, so it is the live one). */
  onRto(w: World, s: TcpSocket): void {
    if (s.rtx.length === 0 || s.state === 'CLOSED') return;
    const limit = s.state === 'SYN_SENT' ? TCP_SYN_RETRIES : s.state === 'SYN_RECV' ? TCP_SYNACK_RETRIES : TCP_RETRIES2;
    if (s.retries >= limit) {
      w.trace.drop(w.now, this.host.id, 'tcp-retries-exceeded', {}, s.conn, { state: s.state, tries: s.retries + 1 });
      this.finish(w, s, 'timeout');
      return;
    }
    s.retries++;
    s.rtoMs = Math.min(s.rtoMs * 2, TCP_RTO_MAX_MS);
    const head = s.rtx[0] as TcpRepr;
    const again = tcpWith(head, head.sport, head.dport, head.flags & TCP_ACK ? s.rcvNxt : 0);
    if (w.trace.retain) {
      w.trace.action(w.now, this.host.id, 'tcp-retransmit', { seq: again.seq, attempt: s.retries, nextTimeoutMs: s.rtoMs }, s.conn,
        { attempt: s.retries, rto: s.rtoMs / 1000 });
    }
    this.armRto(w, s);
    this.xmit(w, s, again);
  }

  /** Forward progress: drop acknowledged segments, take an RTT sample, re-arm or stop the timer. */
  ackUpTo(w: World, s: TcpSocket, ack: number): void {
    if (!seqLeq(s.sndUna, ack) || !seqLeq(ack, s.sndNxt)) return;
    s.sndUna = ack;
    // Keep what is not wholly acknowledged, in order (in place: this runs for every ACK).
    const rtx = s.rtx;
    const before = rtx.length;
    let kept = 0;
    for (let i = 0; i < before; i++) {
      const seg = rtx[i] as TcpRepr;
      if (!seqLeq(seqAdd(seg.seq, seg.data.length + (seg.flags & (TCP_SYN | TCP_FIN) ? 1 : 0)), ack)) rtx[kept++] = seg;
    }
    if (kept === before) return;
    // pop(), not `length =`: the length setter leaves optimized code on every ACK.
    while (rtx.length > kept) rtx.pop();
    if (s.srttMs === 0) s.srttMs = Math.max(w.now - s.openedAt, 0.001);
    // Forward progress proves the peer got our segments (tcp_ack → sk_dst_confirm); the next
    // segment sent confirms the next hop. Not for the handshake's ACK of a passive open: the
    // kernel's child socket starts with its SYN-ACK already acknowledged.
    if (s.state !== 'SYN_RECV') s.confirmPending = true;
    s.retries = 0;
    s.rtoMs = Math.max(TCP_RTO_MIN_MS, s.srttMs + TCP_RTO_MIN_MS);
    if (s.rtx.length) this.armRto(w, s);
    else this.stopRto(w, s);
  }

  enterTimeWait(w: World, s: TcpSocket): void {
    s.state = 'TIME_WAIT';
    this.release(w, s);
    w.queue.pushAfter(w.now, TCP_TIMEWAIT_MS, new TcpTimer(w, this, s, TIME_WAIT));
    // The application is told once and never again: a socket waiting out TIME_WAIT (60 s) keeps
    // no callbacks, so the request's closures can be freed at once.
    const cb = s.cb;
    s.cb = NO_CALLBACKS;
    cb.onClosed?.(w, s);
  }

  onTimeWaitEnd(s: TcpSocket): void {
    if (s.state === 'TIME_WAIT') {
      s.state = 'CLOSED';
      this.tableFor(s.laddr).remove(s);
    }
  }

  /** The end of a connection: gone from the table, the application told. */
  finish(w: World, s: TcpSocket, error?: TcpError): void {
    if (s.state === 'CLOSED') return;
    s.state = 'CLOSED';
    this.release(w, s);
    this.tableFor(s.laddr).remove(s);
    const cb = s.cb;
    s.cb = NO_CALLBACKS;
    cb.onClosed?.(w, s, ...(error ? [error] as const : []));
  }

  /** Answers a segment that belongs to no connection: RST, as tcp_v4_send_reset builds it. */
  sendReset(w: World, ip: Ipv4Repr, seg: TcpRepr, conn: number): void {
    if (seg.flags & TCP_RST) return;
    const segLen = seg.data.length + (seg.flags & TCP_SYN ? 1 : 0) + (seg.flags & TCP_FIN ? 1 : 0);
    const rst = seg.flags & TCP_ACK
      ? tcpRepr(seg.dport, seg.sport, seg.ack, 0, TCP_RST, 0, '')
      : tcpRepr(seg.dport, seg.sport, 0, seqAdd(seg.seq, segLen), TCP_RST | TCP_ACK, 0, '');
    ipSendLocal(w, this.host, ip.dst, ip.src, rst, conn);
  }

  rcv(w: World, ip: Ipv4Repr, seg: TcpRepr, conn: number): void {
    tcpInput(w, this, ip, seg, conn);
  }

  /** An ICMP error quoting one of our segments (tcp_v4_err): fatal while connecting. */
  icmpError(w: World, quoted: Ipv4Repr, type: number, code: number, conn: number): void {
    if (quoted.payload.proto !== 'tcp') return;
    const s = this.tableFor(quoted.src).find(quoted.payload.sport, quoted.dst, quoted.payload.dport);
    if (!s) return;
    if (w.trace.retain) w.trace.action(w.now, this.host.id, 'tcp-icmp-error', { type, code, state: s.state }, conn, { type, code, state: s.state });
    if (s.state === 'SYN_SENT' || (s.state === 'SYN_RECV' && dropsRequest(type, code))) this.finish(w, s, icmpErrno(type, code));
  }
}

/** What a socket calls back once the application has heard of its end: nothing. */
const NO_CALLBACKS: TcpCallbacks = Object.freeze({});

const DELACK = 0;
const RTO = 1;
const TIME_WAIT = 2;

/**
 * A socket's timer as a record dispatched by kind rather than a closure per arm: the RTO is
 * armed for nearly every segment, and a closure with its context costs twice the memory.
 */
class TcpTimer implements RtoTimer {
  readonly k = 'timer';
  /** In the queue now (the RTO timer only: it is cancelled and re-armed in place). */
  queued = false;
  /** Its slot in the queue's heap of cancellable timers (the queue keeps it). */
  heapSlot = -1;
  constructor(readonly w: World, readonly stack: TcpStack, readonly s: TcpSocket, readonly kind: number) {}
  fire(): void {
    if (this.kind === RTO) {
      this.queued = false;
      this.stack.onRto(this.w, this.s);
    } else if (this.kind === DELACK) this.stack.onDelayedAck(this.w, this.s);
    else this.stack.onTimeWaitEnd(this.s);
  }
}

/**
 * tcp_v4_err on a request socket (TCP_NEW_SYN_RECV): tcp_req_err drops the half-open connection
 * only for a parameter problem, time exceeded, or net/host unreachable; any other error (port
 * or protocol unreachable, fragmentation needed, a redirect) leaves it to retransmit its SYN-ACK.
 */
export function dropsRequest(type: number, code: number): boolean {
  return type === 12 || type === 11 || (type === 3 && (code === 0 || code === 1));
}

/** icmp_err_convert: the error a connect() sees for an ICMP error while the handshake runs. */
function icmpErrno(type: number, code: number): TcpError {
  if (type !== 3) return 'host-unreachable';
  switch (code) {
    case 0:
      return 'net-unreachable';
    case 2:
      return 'proto-unreachable';
    case 3:
      return 'refused';
    default:
      return 'host-unreachable';
  }
}

function windowFor(flags: number): number {
  if (!(flags & TCP_SYN)) return TCP_SCALED_WINDOW;
  return flags & TCP_ACK ? TCP_SYNACK_WINDOW : TCP_WINDOW;
}

/**
 * A SYN or SYN-ACK with its options (tcp_syn_options, tcp_synack_options): a SYN offers MSS,
 * SACK-permitted, timestamps and window scaling; a SYN-ACK grants SACK and window scaling only
 * if the peer's SYN offered them.
 */
function synSegment(s: TcpSocket, seq: number, ack: number, flags: number, wnd: number, data: string, ts: TcpTimestamps | undefined): TcpRepr {
  const synAck = (flags & TCP_ACK) !== 0;
  const sackPerm = synAck ? s.peerSack : true;
  const wscale = synAck && !s.peerWscale ? undefined : TCP_WSCALE;
  return tcpRepr(s.lport, s.rport, seq, ack, flags, wnd, data, ts, TCP_MSS, sackPerm || undefined, wscale);
}

/** The timestamps option: our clock (offset per connection) and the peer's latest TSval. */
function tsOption(s: TcpSocket, now: number): TcpTimestamps {
  const val = (s.tsOffset + Math.floor(now)) >>> 0;
  // Segments sent in the same millisecond carry the same option: share the (immutable) record.
  const last = s.lastTs;
  if (last !== undefined && last.val === val && last.ecr === s.tsRecent) return last;
  return (s.lastTs = { val, ecr: s.tsRecent });
}
