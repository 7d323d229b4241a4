/** The state of one TCP connection end (struct tcp_sock, cut down to what an HTTP exchange needs). */
import type { Ipv4 } from '../addr/ipv4';
import type { World } from '../sim/world';
import type { TcpRepr, TcpTimestamps } from '../wire/repr';

export type TcpState =
  | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT1' | 'FIN_WAIT2' | 'CLOSE_WAIT'
  | 'CLOSING' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSED';

/** How a connection can fail, as the errno a program would see (ECONNREFUSED, ETIMEDOUT, …). */
export type TcpError = 'refused' | 'timeout' | 'reset' | 'net-unreachable' | 'host-unreachable' | 'proto-unreachable' | 'unreachable';

export interface TcpCallbacks {
  onConnected?(w: World, s: TcpSocket): void;
  onData?(w: World, s: TcpSocket, data: string): void;
  /** The peer sent FIN: nothing more will arrive. */
  onPeerClosed?(w: World, s: TcpSocket): void;
  /** The connection is over (closed cleanly when `error` is absent). */
  onClosed?(w: World, s: TcpSocket, error?: TcpError): void;
}

export interface TcpSocket {
  readonly laddr: Ipv4;
  readonly lport: number;
  readonly raddr: Ipv4;
  readonly rport: number;
  state: TcpState;
  /** The trace's client-connection id this socket carries. */
  readonly conn: number;
  readonly iss: number;
  sndUna: number;
  sndNxt: number;
  rcvNxt: number;
  /** Segments sent and not yet acknowledged, oldest first (retransmitted from the head). */
  rtx: TcpRepr[];
  rtoMs: number;
  retries: number;
  /** When its local port was first taken in the stack's table (the order `ss` lists). */
  portSeq: number;
  /** In a listener's port group: the next socket whose peer uses the same port, and this one's place in arrival order. */
  samePort: TcpSocket | undefined;
  peerSeq: number;
  /** The retransmission timer's event, made on first use and re-armed in place. */
  rtoTimer: RtoTimer | undefined;
  /** An ACK we owe; sent at the end of input processing unless data or FIN carried it. */
  ackPending: boolean;
  finSent: boolean;
  cb: TcpCallbacks;
  /** When the handshake began, for the RTT estimate. */
  readonly openedAt: number;
  srttMs: number;
  /** Timestamps in use (offered on our SYN; kept if the peer's SYN or SYN-ACK had them). */
  tsOn: boolean;
  /** Per-connection random offset of TSval (tcp_ts_off), so values do not reveal uptime. */
  readonly tsOffset: number;
  /** The peer's latest TSval, echoed in ours. */
  tsRecent: number;
  /** The timestamps option last sent, reused while its values stay the same. */
  lastTs: TcpTimestamps | undefined;
  /** The peer offered SACK and window scaling on its SYN (echoed on our SYN-ACK). */
  peerSack: boolean;
  peerWscale: boolean;
  /** An ACK moved snd_una on (sk_dst_pending_confirm): the next segment confirms the next hop. */
  confirmPending: boolean;
}

/** A socket's retransmission timer as the stack keeps it: whether it is queued. */
export interface RtoTimer {
  queued: boolean;
}

/** Sequence arithmetic modulo 2^32. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

export function seqLeq(a: number, b: number): boolean {
  return ((b - a) | 0) >= 0;
}
