/**
 * The counters ipvsadm prints: ActiveConn / InActConn / PersistConn per real server, the
 * overload flag driven by -x/-y thresholds, and the --stats counters.
 * Spec: Linux ip_vs_conn.c (ip_vs_bind_dest, ip_vs_unbind_dest, ip_vs_dest_totalconns),
 * ip_vs_proto_tcp.c set_tcp_state, ip_vs_core.c (ip_vs_in_stats, ip_vs_out_stats,
 * ip_vs_conn_stats), ip_vs_ctl.c __ip_vs_update_dest and ip_vs_zero_stats.
 *
 * Why a new connection is inactive: every real server's conn_flags carry
 * IP_VS_CONN_F_INACTIVE, which ip_vs_bind_dest copies into the new entry, so it is first
 * counted in InActConn. The SYN that created it is then run through the state table in the
 * same softirq (NONE → SYN_RECV), and SYN_RECV is an active state, so after one SYN the entry
 * is in ActiveConn. UDP entries never change state and stay in InActConn all their life.
 */
import { isTcpStateActive } from './tcp-state';
import type { DestState, IpvsConn, IpvsStats, IpvsTcpState } from './types';

/** The part of a connection entry the counters depend on. */
export type AccountedConn = Pick<IpvsConn, 'template' | 'inactive' | 'dest' | 'svc'>;

/** ip_vs_dest_totalconns(): what the thresholds compare with (templates are not counted). */
export function destTotalConns(dest: DestState): number {
  return dest.activeConns + dest.inactConns;
}

/**
 * ip_vs_bind_dest(): a new entry joins its real server. Templates count in PersistConn,
 * others by their inactive flag; reaching the upper threshold sets the overload flag.
 */
export function bindDest(conn: AccountedConn): void {
  const dest = conn.dest;
  if (conn.template) dest.persistConns++;
  else if (conn.inactive) dest.inactConns++;
  else dest.activeConns++;
  const u = dest.config.uThreshold;
  if (u !== 0 && destTotalConns(dest) >= u) dest.overloaded = true;
}

/**
 * ip_vs_unbind_dest(): an expired entry leaves its real server. The overload flag clears
 * below the lower threshold, or, without one, below 3/4 of the upper threshold; with no
 * thresholds at all it simply clears.
 */
export function unbindDest(conn: AccountedConn): void {
  const dest = conn.dest;
  if (conn.template) dest.persistConns--;
  else if (conn.inactive) dest.inactConns--;
  else dest.activeConns--;
  const { uThreshold: u, lThreshold: l } = dest.config;
  const total = destTotalConns(dest);
  if (l !== 0) {
    if (total < l) dest.overloaded = false;
  } else if (u !== 0) {
    if (total * 4 < u * 3) dest.overloaded = false;
  } else {
    dest.overloaded = false;
  }
}

/**
 * set_tcp_state()'s bookkeeping when the state changes: moving between an active and an
 * inactive state moves the entry between ActiveConn and InActConn (on its real server even
 * after that server was deleted). Call only when `to` differs from the old state.
 */
export function accountTcpStateChange(conn: AccountedConn, to: IpvsTcpState): void {
  const active = isTcpStateActive(to);
  if (!conn.inactive && !active) {
    conn.dest.activeConns--;
    conn.dest.inactConns++;
    conn.inactive = true;
  } else if (conn.inactive && active) {
    conn.dest.activeConns++;
    conn.dest.inactConns--;
    conn.inactive = false;
  }
}

/**
 * __ip_vs_update_dest(): an add or edit clears the overload flag when the new upper threshold
 * is 0 or higher than the old one. Call before storing the new config.
 */
export function overloadAfterEdit(dest: DestState, newUThreshold: number): boolean {
  if (newUThreshold === 0 || newUThreshold > dest.config.uThreshold) return false;
  return dest.overloaded;
}

/** ip_vs_conn_stats(): a new (non-template) connection counts on its server and service. */
export function countConn(conn: AccountedConn, total?: IpvsStats): void {
  conn.dest.stats.conns++;
  conn.svc.stats.conns++;
  if (total) total.conns++;
}

/**
 * ip_vs_in_stats(): one client → server packet. `ipLen` is skb->len at the hook: the whole IP
 * packet as it arrived (header + payload), before any IP-in-IP header is added. Packets of an
 * entry whose server was deleted are not counted.
 */
export function countIn(conn: AccountedConn, ipLen: number, total?: IpvsStats): void {
  if (!conn.dest.available) return;
  // Server, service, then the total: spelled out, as this runs for every packet.
  addIn(conn.dest.stats, ipLen);
  addIn(conn.svc.stats, ipLen);
  if (total) addIn(total, ipLen);
}

function addIn(s: IpvsStats, ipLen: number): void {
  s.inpkts++;
  s.inbytes += ipLen;
}

/** ip_vs_out_stats(): one server → client packet seen by the director (NAT replies). */
export function countOut(conn: AccountedConn, ipLen: number, total?: IpvsStats): void {
  if (!conn.dest.available) return;
  addOut(conn.dest.stats, ipLen);
  addOut(conn.svc.stats, ipLen);
  if (total) addOut(total, ipLen);
}

function addOut(s: IpvsStats, ipLen: number): void {
  s.outpkts++;
  s.outbytes += ipLen;
}

/** ip_vs_zero_stats() as ipvsadm -Z shows it: the counters read 0 again. */
export function zeroStats(stats: IpvsStats): void {
  stats.conns = 0;
  stats.inpkts = 0;
  stats.outpkts = 0;
  stats.inbytes = 0;
  stats.outbytes = 0;
}
