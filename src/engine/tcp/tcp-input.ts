/**
 * Segment arrival (tcp_v4_rcv → tcp_rcv_state_process), for the states an HTTP exchange walks
 * through. In-order data only: the simulated links never reorder.
 */
import { formatIpv4 } from '../addr/ipv4';
import type { World } from '../sim/world';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, type Ipv4Repr, type TcpRepr } from '../wire/repr';
import { TCP_TIMEOUT_INIT_MS } from './tcp-constants';
import { seqAdd, type TcpCallbacks, type TcpSocket } from './tcp-socket';
import type { TcpStack } from './tcp-stack';

export function tcpInput(w: World, stack: TcpStack, ip: Ipv4Repr, seg: TcpRepr, conn: number): void {
  const host = stack.host;
  const table = stack.tableFor(ip.dst);
  const s = table.find(seg.dport, ip.src, seg.sport);
  if (!s || s.laddr !== ip.dst) {
    const lst = stack.listeners.get(seg.dport);
    if (lst && (seg.flags & (TCP_SYN | TCP_ACK | TCP_RST)) === TCP_SYN) {
      acceptSyn(w, stack, ip, seg, conn, lst.onAccept);
      return;
    }
    // A port we use for another peer means the reply came from an address the client never spoke to.
    const reason = table.has(seg.dport) ? 'conn-mismatch' : 'no-listener';
    if (!(seg.flags & TCP_RST)) {
      w.trace.drop(w.now, host.id, reason, { ip }, conn, { port: seg.dport, src: `${formatIpv4(ip.src)}:${seg.sport}` });
      stack.sendReset(w, ip, seg, conn);
    }
    return;
  }
  if (seg.ts && s.tsOn) s.tsRecent = seg.ts.val;
  if (seg.flags & TCP_RST) {
    if (w.trace.retain) w.trace.action(w.now, host.id, 'tcp-reset', { state: s.state }, conn, { state: s.state, peer: `${formatIpv4(ip.src)}:${seg.sport}` });
    stack.finish(w, s, s.state === 'SYN_SENT' ? 'refused' : 'reset');
    return;
  }
  switch (s.state) {
    case 'SYN_SENT':
      return synSent(w, stack, s, seg);
    case 'SYN_RECV':
      if (seg.flags & TCP_SYN) {
        // The client retransmitted its SYN: answer with our SYN-ACK again, and restart the
        // SYN-ACK timer at its current backoff (tcp_check_req: inet_rtx_syn_ack, then
        // mod_timer_pending(reqsk_timeout)).
        stack.emit(w, s, TCP_SYN | TCP_ACK, '', s.iss);
        s.rtx.pop();
        if (s.rtoTimer?.queued) stack.armRto(w, s);
        return;
      }
      if (!(seg.flags & TCP_ACK) || seg.ack !== seqAdd(s.iss, 1)) return;
      stack.ackUpTo(w, s, seg.ack);
      s.state = 'ESTABLISHED';
      if (w.trace.retain) traceEstablished(w, host.id, s, conn);
      s.cb.onConnected?.(w, s);
      return established(w, stack, s, seg);
    case 'TIME_WAIT':
      // A retransmitted FIN: ack it again.
      if (seg.flags & TCP_FIN) stack.sendAck(w, s);
      return;
    case 'CLOSED':
      return;
    default:
      return established(w, stack, s, seg);
  }
}

function acceptSyn(w: World, stack: TcpStack, ip: Ipv4Repr, seg: TcpRepr, conn: number, onAccept: (w: World, s: TcpSocket) => TcpCallbacks): void {
  const iss = w.rng.isn.u32();
  const s: TcpSocket = {
    laddr: ip.dst, lport: seg.dport, raddr: ip.src, rport: seg.sport, state: 'SYN_RECV', conn, iss,
    sndUna: iss, sndNxt: seqAdd(iss, 1), rcvNxt: seqAdd(seg.seq, 1), rtx: [], rtoMs: TCP_TIMEOUT_INIT_MS, retries: 0,
    rtoTimer: undefined, portSeq: 0, samePort: undefined, peerSeq: 0, ackPending: false, finSent: false, cb: {}, openedAt: w.now, srttMs: 0,
    tsOn: seg.ts !== undefined, tsOffset: w.rng.isn.u32(), tsRecent: seg.ts?.val ?? 0, lastTs: undefined,
    peerSack: seg.sackPerm === true, peerWscale: seg.wscale !== undefined, confirmPending: false,
  };
  s.cb = onAccept(w, s);
  stack.tableFor(s.laddr).add(s);
  if (w.trace.retain) {
    const ends = { local: `${formatIpv4(ip.dst)}:${seg.dport}`, peer: `${formatIpv4(ip.src)}:${seg.sport}` };
    w.trace.action(w.now, stack.host.id, 'tcp-accept', ends, conn, ends);
  }
  stack.emit(w, s, TCP_SYN | TCP_ACK, '', iss);
}

function synSent(w: World, stack: TcpStack, s: TcpSocket, seg: TcpRepr): void {
  if ((seg.flags & (TCP_SYN | TCP_ACK)) !== (TCP_SYN | TCP_ACK)) return;
  if (seg.ack !== s.sndNxt) {
    stack.sendReset(w, { src: s.raddr, dst: s.laddr, ttl: 64, id: 0, df: true, tos: 0, payload: seg }, seg, s.conn);
    return;
  }
  s.rcvNxt = seqAdd(seg.seq, 1);
  // Timestamps stay on only if the SYN-ACK carried them too.
  s.tsOn = seg.ts !== undefined;
  stack.ackUpTo(w, s, seg.ack);
  s.state = 'ESTABLISHED';
  s.ackPending = true;
  if (w.trace.retain) traceEstablished(w, stack.host.id, s, s.conn);
  // The handshake's last ACK goes out on its own, before any data the application then writes.
  stack.sendAck(w, s);
  s.cb.onConnected?.(w, s);
}

function established(w: World, stack: TcpStack, s: TcpSocket, seg: TcpRepr): void {
  if (seg.flags & TCP_ACK) {
    stack.ackUpTo(w, s, seg.ack);
    const finAcked = s.finSent && s.sndUna === s.sndNxt;
    if (finAcked && s.state === 'FIN_WAIT1') s.state = 'FIN_WAIT2';
    else if (finAcked && s.state === 'CLOSING') return stack.enterTimeWait(w, s);
    else if (finAcked && s.state === 'LAST_ACK') return stack.finish(w, s);
  }
  if (seg.seq !== s.rcvNxt) {
    // Old or duplicate: re-ack what we have.
    if (seg.data.length || seg.flags & TCP_FIN) stack.sendAck(w, s);
    return;
  }
  if (seg.data.length) {
    s.rcvNxt = seqAdd(s.rcvNxt, seg.data.length);
    // Quick-ack mode (tcp_event_data_recv → tcp_incr_quickack): early in a connection the
    // kernel acknowledges data at once, before the application has even read it.
    stack.sendAck(w, s);
    s.cb.onData?.(w, s, seg.data);
  }
  if (seg.flags & TCP_FIN) {
    s.rcvNxt = seqAdd(s.rcvNxt, 1);
    s.ackPending = true;
    if (s.state === 'ESTABLISHED') {
      s.state = 'CLOSE_WAIT';
      s.cb.onPeerClosed?.(w, s);
    } else if (s.state === 'FIN_WAIT2') {
      if (s.ackPending) stack.sendAck(w, s);
      return stack.enterTimeWait(w, s);
    } else if (s.state === 'FIN_WAIT1') {
      s.state = 'CLOSING';
    }
  }
  // A FIN puts the receiver in ping-pong mode (tcp_fin): its ACK is delayed, and rides on the
  // application's own FIN when it closes at once; otherwise it leaves alone after the delay.
  if (s.ackPending && s.state !== 'CLOSED') stack.delayAck(w, s);
}

function traceEstablished(w: World, host: string, s: TcpSocket, conn: number): void {
  const peer = { peer: `${formatIpv4(s.raddr)}:${s.rport}` };
  w.trace.action(w.now, host, 'tcp-established', peer, conn, peer);
}
