/**
 * `ipvsadm -L -n -c`: ipvsadm.c list_conn() and print_conn() over /proc/net/ip_vs_conn.
 *
 * The kernel (ip_vs_conn.c ip_vs_conn_seq_show) writes the seconds left as
 * jiffies_delta_to_msecs(expires - jiffies) / 1000, i.e. rounded down and never negative;
 * ipvsadm prints them as "%02d:%02d" minutes and seconds (minutes may pass 99). Entries are
 * listed in the kernel's hash-table order, unsorted: this prints them in the order given.
 * A persistence template shows state NONE, or ASSURED once one of its connections was
 * established; a template of a -f service has protocol IP.
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { IpvsConn } from '../types';

const left = (s: string, w: number): string => s.padEnd(w);

/** The seconds /proc/net/ip_vs_conn shows for an entry at `now` (ms). */
export function expireSeconds(conn: IpvsConn, now: number): number {
  return Math.floor(Math.max(0, conn.expiresAt - now) / 1000);
}

/** "%02d:%02d" of expires / 60 and expires % 60. */
export function formatExpire(seconds: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

/** ip_vs_proto_name(cp->protocol). */
export function protoName(c: IpvsConn): string {
  if (c.template && c.svc.config.fwmark) return 'IP'; // <IPPROTO_IP, caddr, 0, fwmark, 0, …>
  return { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' }[c.proto];
}

/** ip_vs_state_name(): a template's own state (NONE, or ASSURED once used), else the protocol's. */
export const stateName = (c: IpvsConn): string => (c.template ? (c.assured ? 'ASSURED' : 'NONE') : c.state);

const ap = (a: IpvsConn['caddr'], port: number): string => `${formatIpv4(a)}:${port}`;

/** One entry: "%-3s %-6s %-11s %-18s %-18s %s\n". */
export function formatConn(c: IpvsConn, now: number): string {
  return (
    `${left(protoName(c), 3)} ${left(formatExpire(expireSeconds(c, now)), 6)} ${left(stateName(c), 11)} ` +
    `${left(ap(c.caddr, c.cport), 18)} ${left(ap(c.vaddr, c.vport), 18)} ${ap(c.daddr, c.dport)}\n`
  );
}

/**
 * `ipvsadm -L -n -c` at simulated time `now` (ms). With --persistent-conn the heading gains
 * the persistence-engine columns; rows only would, for entries with engine data (none here).
 * @example formatConns(conns, 1_000) // "IPVS connection entries\npro expire state …"
 */
export function formatConns(conns: readonly IpvsConn[], now: number, opts: { persistentConn?: boolean } = {}): string {
  const heading = opts.persistentConn
    ? // "pro expire %-11s %-18s %-18s %-18s %-16s %s\n"
      `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} ${left('destination', 18)} ${left('pe name', 16)} pe_data\n`
    : // "pro expire %-11s %-18s %-18s %s\n"
      `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} destination\n`;
  return `IPVS connection entries\n${heading}${conns.map((c) => formatConn(c, now)).join('')}`;
}
