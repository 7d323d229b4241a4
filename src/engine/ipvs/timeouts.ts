/**
 * How long an IPVS connection entry lives after its last packet, per state.
 * Spec: Linux ip_vs_proto_tcp.c tcp_timeouts, ip_vs_proto_udp.c udp_timeouts,
 * ip_vs_conn.c (ip_vs_conn_new's 3 s, ip_vs_conn_expire's 60 s retry) and
 * ip_vs_ctl.c ip_vs_set_timeout (`ipvsadm --set tcp tcpfin udp`).
 */
import type { IpvsTcpState, ServiceConfig } from './types';

const S = 1000;

/** The kernel defaults, in ms (ipvsadm -L --timeout prints 900 120 300). */
export const TCP_TIMEOUTS_MS: Readonly<Record<IpvsTcpState, number>> = {
  NONE: 2 * S,
  ESTABLISHED: 15 * 60 * S,
  SYN_SENT: 2 * 60 * S,
  SYN_RECV: 60 * S,
  FIN_WAIT: 2 * 60 * S,
  TIME_WAIT: 2 * 60 * S,
  CLOSE: 10 * S,
  CLOSE_WAIT: 60 * S,
  LAST_ACK: 30 * S,
  LISTEN: 2 * 60 * S,
  SYNACK: 120 * S,
};

export const UDP_TIMEOUT_MS = 5 * 60 * S;

/** ip_vs_conn_new() arms a fresh entry for 3 s; its first packet's state change replaces it. */
export const NEW_CONN_TIMEOUT_MS = 3 * S;

/**
 * ip_vs_conn_expire(): an entry that still controls others (a persistence template with live
 * connections) is not freed; its timer restarts with 60 s, and that 60 s stays its timeout.
 */
export const EXPIRE_LATER_MS = 60 * S;

/** The per-netns timeout tables (pd->timeout_table). */
export interface IpvsTimeouts {
  readonly tcp: Readonly<Record<IpvsTcpState, number>>;
  readonly udp: number;
}

export const DEFAULT_TIMEOUTS: IpvsTimeouts = { tcp: TCP_TIMEOUTS_MS, udp: UDP_TIMEOUT_MS };

/** table[state], read with a named key per state: this runs for every packet IPVS sees. */
export function tcpTimeoutMs(table: IpvsTimeouts['tcp'], state: IpvsTcpState): number {
  switch (state) {
    case 'NONE': return table.NONE;
    case 'ESTABLISHED': return table.ESTABLISHED;
    case 'SYN_SENT': return table.SYN_SENT;
    case 'SYN_RECV': return table.SYN_RECV;
    case 'FIN_WAIT': return table.FIN_WAIT;
    case 'TIME_WAIT': return table.TIME_WAIT;
    case 'CLOSE': return table.CLOSE;
    case 'CLOSE_WAIT': return table.CLOSE_WAIT;
    case 'LAST_ACK': return table.LAST_ACK;
    case 'LISTEN': return table.LISTEN;
    case 'SYNACK': return table.SYNACK;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/**
 * `ipvsadm --set tcp tcpfin udp` (seconds; 0 keeps the current value). tcp sets ESTABLISHED,
 * tcpfin sets FIN_WAIT only (not TIME_WAIT), udp sets the UDP entry timeout.
 * @example withSetTimeouts(DEFAULT_TIMEOUTS, { tcpS: 60, tcpFinS: 0, udpS: 0 })
 */
export function withSetTimeouts(
  t: IpvsTimeouts,
  set: { readonly tcpS: number; readonly tcpFinS: number; readonly udpS: number },
): IpvsTimeouts {
  return {
    tcp: {
      ...t.tcp,
      ESTABLISHED: set.tcpS ? set.tcpS * S : t.tcp.ESTABLISHED,
      FIN_WAIT: set.tcpFinS ? set.tcpFinS * S : t.tcp.FIN_WAIT,
    },
    udp: set.udpS ? set.udpS * S : t.udp,
  };
}

/** What `ipvsadm -L --timeout` reads back, in seconds. */
export function timeoutsForList(t: IpvsTimeouts): { tcpS: number; tcpFinS: number; udpS: number } {
  return { tcpS: t.tcp.ESTABLISHED / S, tcpFinS: t.tcp.FIN_WAIT / S, udpS: t.udp / S };
}

/** A persistence template lives for the service's -p seconds (svc->timeout). */
export function templateTimeoutMs(svc: ServiceConfig): number {
  return (svc.persistenceS ?? 0) * S;
}
