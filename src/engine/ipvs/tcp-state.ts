/**
 * The IPVS TCP state machine: which state a connection entry moves to when the director sees
 * a segment. Spec: Linux net/netfilter/ipvs/ip_vs_proto_tcp.c (tcp_states, tcp_state_idx,
 * tcp_state_active_table, set_tcp_state) as of 6.1, secure_tcp off.
 *
 * IPVS does not follow the TCP handshake exactly: it sees one side only (DR/TUN) or both
 * (NAT), and each segment picks one row by flag priority RST > SYN > FIN > ACK.
 */
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../wire/repr';
import { IPVS_TCP_STATES, type IpvsTcpState } from './types';

/**
 * 'input' = client → director; 'output' = real server → director (NAT replies);
 * 'input-only' = the table used for input while the entry has seen no output
 * (IP_VS_CONN_F_NOOUTPUT, which every DR/TUN entry keeps).
 */
export type TcpDirection = 'input' | 'output' | 'input-only';

export type TcpRow = 'syn' | 'fin' | 'ack' | 'rst';

/** tcp_state_idx(): the row a segment uses; null when it has none of RST/SYN/FIN/ACK. */
export function tcpRow(tcpFlags: number): TcpRow | null {
  if (tcpFlags & TCP_RST) return 'rst';
  if (tcpFlags & TCP_SYN) return 'syn';
  if (tcpFlags & TCP_FIN) return 'fin';
  if (tcpFlags & TCP_ACK) return 'ack';
  return null;
}

const NO = 'NONE';
const ES = 'ESTABLISHED';
const SS = 'SYN_SENT';
const SR = 'SYN_RECV';
const FW = 'FIN_WAIT';
const TW = 'TIME_WAIT';
const CL = 'CLOSE';
const CW = 'CLOSE_WAIT';
const LA = 'LAST_ACK';
const LI = 'LISTEN';
const SA = 'SYNACK';

type Row = readonly IpvsTcpState[];

// Columns follow IPVS_TCP_STATES: NONE ES SS SR FW TW CL CW LA LI SA.
const TABLE: Readonly<Record<TcpDirection, Readonly<Record<TcpRow, Row>>>> = {
  input: {
    syn: [SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR],
    fin: [CL, CW, SS, TW, TW, TW, CL, CW, LA, LI, TW],
    ack: [ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES],
    rst: [CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, SR],
  },
  output: {
    syn: [SS, ES, SS, SR, SS, SS, SS, SS, SS, LI, SR],
    fin: [TW, FW, SS, TW, FW, TW, CL, TW, LA, LI, TW],
    ack: [ES, ES, SS, ES, FW, TW, CL, CW, LA, ES, ES],
    rst: [CL, CL, SS, CL, CL, TW, CL, CL, CL, CL, CL],
  },
  'input-only': {
    syn: [SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR],
    fin: [CL, FW, SS, TW, FW, TW, CL, CW, LA, LI, TW],
    ack: [ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES],
    rst: [CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL],
  },
};

const DIRECTIONS: readonly TcpDirection[] = ['input', 'output', 'input-only'];
const ROWS: readonly TcpRow[] = ['syn', 'fin', 'ack', 'rst'];
const WIDTH = IPVS_TCP_STATES.length;

/** TABLE flattened to [direction][row][column], read once per packet the director sees. */
const FLAT: readonly IpvsTcpState[] = DIRECTIONS.flatMap((d) => ROWS.flatMap((r) => TABLE[d][r]));

function directionIndex(d: TcpDirection): number {
  return d === 'input' ? 0 : d === 'output' ? 1 : 2;
}

/** tcp_state_idx() as the row's index in ROWS (-1: none of RST/SYN/FIN/ACK). */
function rowIndex(tcpFlags: number): number {
  if (tcpFlags & TCP_RST) return 3;
  if (tcpFlags & TCP_SYN) return 0;
  if (tcpFlags & TCP_FIN) return 1;
  if (tcpFlags & TCP_ACK) return 2;
  return -1;
}

/** The state's column (its place in IPVS_TCP_STATES); a switch, so no hashing per packet. */
function column(s: IpvsTcpState): number {
  switch (s) {
    case NO: return 0;
    case ES: return 1;
    case SS: return 2;
    case SR: return 3;
    case FW: return 4;
    case TW: return 5;
    case CL: return 6;
    case CW: return 7;
    case LA: return 8;
    case LI: return 9;
    case SA: return 10;
    default: return 0;
  }
}

/**
 * The state after one segment, exactly as the kernel's table. A segment with none of
 * RST/SYN/FIN/ACK sends the entry to CLOSE (set_tcp_state starts from CLOSE and keeps it).
 * @example nextTcpState('NONE', 'input', TCP_SYN) // 'SYN_RECV'
 */
export function nextTcpState(current: IpvsTcpState, direction: TcpDirection, tcpFlags: number): IpvsTcpState {
  const row = rowIndex(tcpFlags);
  if (row < 0) return CL;
  return FLAT[(directionIndex(direction) * ROWS.length + row) * WIDTH + column(current)] ?? CL;
}

/**
 * The table set_tcp_state really uses. While the entry has seen no output (noOutput), input
 * goes through INPUT-ONLY; the first output segment clears the flag for good (returned as
 * `noOutput` so the caller stores it).
 */
export function effectiveDirection(
  direction: 'input' | 'output',
  noOutput: boolean,
): { readonly direction: TcpDirection; readonly noOutput: boolean } {
  if (!noOutput) return direction === 'input' ? INPUT : OUTPUT;
  if (direction === 'output') return OUTPUT;
  return INPUT_ONLY;
}

// The three answers, shared: this runs for every packet of every connection.
const INPUT = Object.freeze({ direction: 'input' as TcpDirection, noOutput: false });
const OUTPUT = Object.freeze({ direction: 'output' as TcpDirection, noOutput: false });
const INPUT_ONLY = Object.freeze({ direction: 'input-only' as TcpDirection, noOutput: true });


/**
 * tcp_state_active(): states counted in ActiveConn. Since Linux 4.7 the handshake states
 * count too ("count pre-established TCP states as active"), so a fresh SYN is active at once.
 */
export function isTcpStateActive(state: IpvsTcpState): boolean {
  // tcp_state_active_table: ESTABLISHED, SYN_SENT, SYN_RECV, SYNACK (compared, not hashed: per packet).
  return state === ES || state === SS || state === SR || state === SA;
}

/**
 * tcp_conn_schedule(): only a SYN without RST may create an entry (sloppy_tcp=0); other
 * segments that match no entry go on to the director's own stack.
 */
export function tcpMayCreateConn(tcpFlags: number, sloppyTcp = false): boolean {
  return (sloppyTcp || (tcpFlags & TCP_SYN) !== 0) && (tcpFlags & TCP_RST) === 0;
}

// The NONE state name is also what a fresh entry shows before its first segment.
export const INITIAL_TCP_STATE: IpvsTcpState = NO;
