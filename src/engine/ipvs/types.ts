/**
 * The IPVS data model, as include/net/ip_vs.h keeps it: virtual services, their real servers
 * (destinations) in the kernel's list order, and the connection table's entries.
 * Plain records: schedulers, the ipvsadm formatter and the sim shell all read these.
 */
import type { Ipv4 } from '../addr/ipv4';

/** ipvsadm's own words: -m masq (NAT), -g gate (DR), -i ipip (TUN). */
export type ForwardMethod = 'masq' | 'gate' | 'ipip';

export const SCHEDULER_NAMES = [
  'rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'sh', 'dh', 'mh', 'lblc', 'lblcr', 'fo', 'ovf', 'twos',
] as const;
export type SchedulerName = (typeof SCHEDULER_NAMES)[number];

export type ServiceProto = 'tcp' | 'udp' | 'sctp';

/** A virtual service: TCP/UDP VIP:port, or a firewall mark (ipvsadm -f). */
export interface ServiceConfig {
  readonly proto: ServiceProto;
  readonly vip: Ipv4;
  readonly port: number;
  /** Non-zero for a firewall-mark service (then vip/port are 0). */
  readonly fwmark: number;
  readonly scheduler: SchedulerName;
  /** -b flags such as sh-fallback, sh-port, mh-fallback, mh-port. */
  readonly schedFlags: readonly string[];
  /** -p timeout in seconds; absent = not persistent. */
  readonly persistenceS?: number;
  /** -M netmask for persistence granularity (default 255.255.255.255). */
  readonly persistenceMask?: Ipv4;
}

export interface DestConfig {
  readonly addr: Ipv4;
  readonly port: number;
  readonly method: ForwardMethod;
  /** 0..2147483647 (ipvsadm 1.31 takes any int the kernel does); 0 = quiesced: no new connections. */
  readonly weight: number;
  /** -x upper and -y lower connection thresholds; 0 = none. */
  readonly uThreshold: number;
  readonly lThreshold: number;
}

/** Per-service and per-destination counters (struct ip_vs_stats). */
export interface IpvsStats {
  conns: number;
  inpkts: number;
  outpkts: number;
  inbytes: number;
  outbytes: number;
}

export function emptyStats(): IpvsStats {
  return { conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0 };
}

/** Rate estimates (ip_vs_est.c), per second, as ipvsadm --rate prints them. */
export interface IpvsRates {
  cps: number;
  inpps: number;
  outpps: number;
  inbps: number;
  outbps: number;
}

export interface DestState {
  config: DestConfig;
  activeConns: number;
  inactConns: number;
  persistConns: number;
  /** IP_VS_DEST_F_OVERLOAD: set and cleared by the thresholds (ip_vs_dest_totalconns). */
  overloaded: boolean;
  /** IP_VS_DEST_F_AVAILABLE: false once removed from the service (kept while conns remain). */
  available: boolean;
  stats: IpvsStats;
  rates: IpvsRates;
}

export interface ServiceState {
  config: ServiceConfig;
  /** Kernel list order: ipvsadm -a puts a new destination at the head (list_add_rcu). */
  dests: DestState[];
  stats: IpvsStats;
  rates: IpvsRates;
  /** The scheduler's private data (rr's cursor, wrr's cw/mw/di, hash tables…). */
  schedData: unknown;
}

/** IPVS TCP states (ip_vs_proto_tcp.c tcp_state_name_table). */
export const IPVS_TCP_STATES = [
  'NONE', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT', 'TIME_WAIT', 'CLOSE',
  'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'SYNACK',
] as const;
export type IpvsTcpState = (typeof IPVS_TCP_STATES)[number];

/**
 * Who a connection is between, as ip_vs_conn names it: the protocol, the client (caddr:cport),
 * the virtual service (vaddr:vport) and the real server (daddr:dport). A class, so the table's
 * record (conn-table.ts) inherits the fields from this one place, laid out first and in this order.
 */
export class ConnIdentity {
  readonly proto: ServiceProto;
  readonly caddr: Ipv4;
  readonly cport: number;
  readonly vaddr: Ipv4;
  readonly vport: number;
  readonly daddr: Ipv4;
  readonly dport: number;

  constructor(c: ConnIdentity) {
    this.proto = c.proto;
    this.caddr = c.caddr;
    this.cport = c.cport;
    this.vaddr = c.vaddr;
    this.vport = c.vport;
    this.daddr = c.daddr;
    this.dport = c.dport;
  }
}

export interface IpvsConn extends ConnIdentity {
  readonly id: number;
  readonly method: ForwardMethod;
  /** A persistence template (ipvsadm -L -c shows it with state NONE, cport 0). */
  readonly template: boolean;
  state: IpvsTcpState | 'UDP';
  /** When the entry expires, simulated ms; the timer restarts on each state change/packet. */
  expiresAt: number;
  /** IP_VS_CONN_F_INACTIVE: counted in InActConn rather than ActiveConn. */
  inactive: boolean;
  dest: DestState;
  svc: ServiceState;
  /** The trace's client-connection id, for linking table rows to the hops. */
  traceConn: number;
  /** Templates: IP_VS_CTPL_S_ASSURED once a connection made from it was ESTABLISHED. */
  assured?: boolean;
}
