/**
 * Deciding a new connection's real server: ip_vs_schedule() with its persistent branch
 * ip_vs_sched_persist(), and ip_vs_in_hook()'s verdict on an entry a SYN found (reuse or
 * reschedule). Spec: Linux net/netfilter/ipvs/ip_vs_core.c (ip_vs_schedule,
 * ip_vs_sched_persist, ip_vs_in_hook, is_new_conn_expected) and ip_vs_conn.c
 * (ip_vs_check_template).
 *
 * Persistence: the first connection from a client network (caddr & -M mask) makes a template
 * <caddr/mask, 0, VIP, vport> → <RIP, rport> that lives -p seconds after its last use; later
 * connections from that network reuse the template's server while it is still in the service
 * (and, only with expire_quiescent_template=1, while its weight is above 0). By default a
 * weight-0 server keeps receiving its persistent clients: weight 0 stops new clients only.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { ConnEntry, ConnTable, TemplateKey } from './conn-table';
import { templateTimeoutMs } from './timeouts';
import type { ConnIdentity, DestState, ServiceConfig, ServiceState } from './types';

/** The knobs under /proc/sys/net/ipv4/vs/ the IPVS kernels here obey, with Linux's defaults. */
export interface IpvsSysctls {
  readonly connReuseMode: number;
  readonly expireNodestConn: boolean;
  readonly expireQuiescentTemplate: boolean;
  readonly sloppyTcp: boolean;
}
export const DEFAULT_SYSCTLS: IpvsSysctls = {
  connReuseMode: 1, expireNodestConn: false, expireQuiescentTemplate: false, sloppyTcp: false,
};

const FTP_PORT = 21;
const FTP_DATA_PORT = 20;

/** The first packet of a new connection, as the director sees it (client → VIP). */
export interface SchedPacket extends Omit<ConnIdentity, 'daddr' | 'dport'> {
  readonly traceConn: number;
}

export type ScheduleResult =
  | { readonly kind: 'created'; readonly conn: ConnEntry; readonly template: ConnEntry | null; readonly templateReused: boolean }
  /** No server (none, all overloaded or weight 0): ip_vs_leave() sends ICMP port unreachable. */
  | { readonly kind: 'no-dest' }
  /** Not for IPVS to schedule (FTP data from port 20): the packet continues as normal. */
  | { readonly kind: 'not-scheduled' };

/**
 * ip_vs_schedule(): create the entry for a new connection. `pick` runs the service's
 * scheduler (it is called at most once, and not at all when a template decides).
 * @example scheduleConn(table, svc, pkt, now, () => getScheduler(svc.config.scheduler).schedule(svc, input))
 */
export function scheduleConn(
  table: ConnTable,
  svc: ServiceState,
  pkt: SchedPacket,
  now: number,
  pick: () => DestState | null,
  sysctls: IpvsSysctls = DEFAULT_SYSCTLS,
): ScheduleResult {
  const cfg = svc.config;
  if (pkt.cport === FTP_DATA_PORT) return { kind: 'not-scheduled' };
  if (cfg.persistenceS !== undefined) return schedulePersist(table, svc, pkt, now, pick, sysctls);
  // Port-zero services only work with persistence.
  if (!cfg.fwmark && pkt.vport !== cfg.port) return { kind: 'no-dest' };
  const dest = pick();
  if (!dest) return { kind: 'no-dest' };
  const conn = table.createConn(svc, dest, {
    proto: pkt.proto, caddr: pkt.caddr, cport: pkt.cport, vaddr: pkt.vaddr, vport: pkt.vport, traceConn: pkt.traceConn,
    daddr: dest.config.addr, dport: dest.config.port || pkt.vport,
  }, now);
  return { kind: 'created', conn, template: null, templateReused: false };
}

function schedulePersist(
  table: ConnTable,
  svc: ServiceState,
  pkt: SchedPacket,
  now: number,
  pick: () => DestState | null,
  sysctls: IpvsSysctls,
): ScheduleResult {
  const cfg = svc.config;
  const k = templateKeyFor(cfg, pkt);
  let ct = table.lookupTemplate(k);
  const templateReused = ct !== undefined && templateUsable(ct, sysctls);
  if (!templateReused) {
    if (ct) table.invalidateTemplate(ct);
    const picked = pick();
    if (!picked) return { kind: 'no-dest' };
    const tplDport = pkt.vport === cfg.port && cfg.port !== FTP_PORT ? picked.config.port : 0;
    ct = table.createTemplate(svc, picked, k, tplDport, now, templateTimeoutMs(cfg));
  }
  if (!ct) return { kind: 'no-dest' };
  const dest = ct.dest;
  const dport = pkt.vport === cfg.port && dest.config.port ? dest.config.port : pkt.vport;
  const conn = table.createConn(svc, dest, { ...pkt, daddr: dest.config.addr, dport }, now, ct);
  // ip_vs_conn_put(ct): every use restarts the template's timer with its timeout.
  table.touch(ct, now);
  return { kind: 'created', conn, template: ct, templateReused };
}

/**
 * The template a packet looks for: the client address masked by -M; vport kept for normal
 * services, 0 for FTP (port 21), port-zero and firewall-mark services; a firewall-mark
 * template has protocol IP and the mark as its address.
 */
export function templateKeyFor(cfg: ServiceConfig, pkt: Pick<SchedPacket, 'proto' | 'caddr' | 'vaddr' | 'vport'>): TemplateKey {
  const mask = cfg.persistenceMask ?? 0xffffffff;
  const caddr = ((pkt.caddr & mask) >>> 0) as Ipv4;
  if (pkt.vport === cfg.port) {
    return { proto: pkt.proto, caddr, vaddr: pkt.vaddr, vport: cfg.port !== FTP_PORT ? pkt.vport : 0 };
  }
  if (cfg.fwmark) return { proto: 'ip', caddr, vaddr: (cfg.fwmark >>> 0) as Ipv4, vport: 0 };
  return { proto: pkt.proto, caddr, vaddr: pkt.vaddr, vport: 0 };
}

/** ip_vs_check_template(): the template's server is still in the service (and, optionally, not quiesced). */
export function templateUsable(ct: ConnEntry, sysctls: IpvsSysctls = DEFAULT_SYSCTLS): boolean {
  const d = ct.dest;
  return d.available && !(sysctls.expireQuiescentTemplate && d.config.weight === 0);
}

export type InVerdict = 'use' | 'reschedule' | 'drop';

/**
 * ip_vs_in_hook() on an entry lookupIn() found: 'use' it, 'reschedule' (expireNow() it, then
 * scheduleConn() a fresh one) or 'drop' the packet. With conn_reuse_mode=1 a SYN that finds
 * an entry in TIME_WAIT or CLOSE not made from a template starts a fresh connection, maybe to
 * another server; an entry whose server was deleted drops packets unless expire_nodest_conn.
 * `isNewConn` is "TCP SYN" (is_new_conn()); UDP never reschedules this way.
 */
export function inConnVerdict(conn: ConnEntry, isNewConn: boolean, sysctls: IpvsSysctls = DEFAULT_SYSCTLS): InVerdict {
  if (isNewConn) {
    if (sysctls.expireNodestConn && conn.dest.config.weight === 0) return 'reschedule';
    if (sysctls.connReuseMode !== 0 && newConnExpected(conn, sysctls.connReuseMode)) return 'reschedule';
  }
  if (!conn.dest.available) return sysctls.expireNodestConn ? 'reschedule' : 'drop';
  return 'use';
}

function newConnExpected(c: ConnEntry, mode: number): boolean {
  if (c.control) return false;
  if (c.proto !== 'tcp') return false; // SCTP's CLOSED is not modelled
  const finWaitDr = (mode & 2) !== 0 && c.state === 'FIN_WAIT' && c.noOutput;
  return c.state === 'TIME_WAIT' || c.state === 'CLOSE' || finWaitDr;
}
