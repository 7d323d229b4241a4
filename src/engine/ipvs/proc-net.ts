/**
 * The IPVS files under /proc/net, as kernel 6.1 writes them (ip_vs_ctl.c ip_vs_info_seq_show,
 * ip_vs_stats_show; ip_vs_conn.c ip_vs_conn_seq_show): addresses and ports in hexadecimal, the
 * persistence timeout in jiffies (HZ 250 on Debian), services in the order of the kernel's
 * service hash table. Checked against the ipvsadm-forms oracle lab.
 */
import type { Ipv4 } from '../addr/ipv4';
import { expireSeconds, protoName, stateName } from './ipvsadm/format-conns';
import { DEFAULT_TABLE_SIZE, FWD_NAME, IPVS_VERSION } from './ipvsadm/format-list';
import type { IpvsConn, IpvsRates, IpvsStats, ServiceState } from './types';

/** Debian 12's kernel counts time in jiffies of 1/250 s (CONFIG_HZ_250). */
const HZ = 250;
/** IP_VS_SVC_TAB_BITS 8: 256 buckets in each service table. */
const SVC_TAB_BITS = 8;
const SVC_TAB_MASK = (1 << SVC_TAB_BITS) - 1;
const IPPROTO = { tcp: 6, udp: 17, sctp: 132 } as const;
const PROTO_NAME = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

const hex = (n: number, width: number): string => (n >>> 0).toString(16).toUpperCase().padStart(width, '0');
const left = (s: string | number, w: number): string => String(s).padEnd(w);
const right = (s: string, w: number): string => s.padStart(w);

/**
 * ip_vs_svc_hashkey() / ip_vs_svc_fwm_hashkey(). The kernel also XORs in bits of its per-namespace
 * netns_ipvs pointer, which only permutes buckets; in the captured run they changed nothing,
 * so they are left out here.
 */
function bucketOf(svc: ServiceState): number {
  const c = svc.config;
  if (c.fwmark) return c.fwmark & SVC_TAB_MASK;
  return (IPPROTO[c.proto] ^ (c.vip >>> 0) ^ (c.port >>> SVC_TAB_BITS) ^ c.port) & SVC_TAB_MASK;
}

/**
 * The services as /proc/net/ip_vs walks them: the address table's buckets, then the fwmark
 * table's; within a bucket the newest first (hlist_add_head). `services` is in creation order.
 */
export function servicesInHashOrder(services: readonly ServiceState[]): ServiceState[] {
  const keyed = services.map((s, i) => ({ s, i, table: s.config.fwmark ? 1 : 0, bucket: bucketOf(s) }));
  keyed.sort((a, b) => a.table - b.table || a.bucket - b.bucket || b.i - a.i);
  return keyed.map((k) => k.s);
}

function serviceLine(svc: ServiceState): string {
  const c = svc.config;
  // "%s  %08X:%04X %s %s " (the last %s is "ops " for one-packet scheduling, not simulated), or "FWM  %08X %s %s"
  const head = c.fwmark ? `FWM  ${hex(c.fwmark, 8)} ${c.scheduler} ` : `${PROTO_NAME[c.proto]}  ${hex(c.vip, 8)}:${hex(c.port, 4)} ${c.scheduler}  `;
  // "persistent %d %08X\n": the timeout in jiffies and the netmask
  const tail = c.persistenceS !== undefined ? `persistent ${c.persistenceS * HZ} ${hex(c.persistenceMask ?? (0xffffffff as Ipv4), 8)}\n` : '\n';
  // "  -> %08X:%04X      %-7s %-6d %-10d %-10d\n", in the kernel's list order
  const dests = svc.dests
    .filter((d) => d.available)
    .map((d) => `  -> ${hex(d.config.addr, 8)}:${hex(d.config.port, 4)}      ${left(FWD_NAME[d.config.method], 7)} ${left(d.config.weight, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`);
  return head + tail + dests.join('');
}

/** `cat /proc/net/ip_vs`: services in creation order (as ServiceTable keeps them). */
export function formatProcIpVs(services: readonly ServiceState[], tableSize = DEFAULT_TABLE_SIZE): string {
  return (
    `IP Virtual Server version ${IPVS_VERSION} (size=${tableSize})\n` +
    'Prot LocalAddress:Port Scheduler Flags\n' +
    '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n' +
    servicesInHashOrder(services).map(serviceLine).join('')
  );
}

/** The files this module writes, by their name under /proc/net. */
export type IpvsProcFile = 'ip_vs' | 'ip_vs_stats' | 'ip_vs_conn';

/**
 * The kernel's tot_stats as the counters of the services there are now (and their rates
 * summed). The kernel's own total also keeps what deleted services counted and is zeroed only
 * by `ipvsadm -Z` of everything; the table does not keep that apart.
 */
export function totalOf(services: readonly ServiceState[]): { stats: IpvsStats; rates: IpvsRates } {
  const stats: IpvsStats = { conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0 };
  const rates: IpvsRates = { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 };
  for (const s of services) {
    for (const k of Object.keys(stats) as Array<keyof IpvsStats>) stats[k] += s.stats[k];
    for (const k of Object.keys(rates) as Array<keyof IpvsRates>) rates[k] += s.rates[k];
  }
  return { stats, rates };
}

/** `cat /proc/net/ip_vs_stats`: the totals ("%8LX %8LX %8LX %16LX %16LX"), then the rates. */
export function formatProcIpVsStats(total: IpvsStats, rates: IpvsRates): string {
  const row = (v: readonly number[]): string =>
    `${v.slice(0, 3).map((n) => right(Math.trunc(n).toString(16).toUpperCase(), 8)).join(' ')} ${v.slice(3).map((n) => right(Math.trunc(n).toString(16).toUpperCase(), 16)).join(' ')}\n`;
  return (
    '   Total Incoming Outgoing         Incoming         Outgoing\n' +
    '   Conns  Packets  Packets            Bytes            Bytes\n' +
    `${row([total.conns, total.inpkts, total.outpkts, total.inbytes, total.outbytes])}\n` +
    ' Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n' +
    row([rates.cps, rates.inpps, rates.outpps, rates.inbps, rates.outbps])
  );
}

/** `cat /proc/net/ip_vs_conn` at `now` (ms): "%-3s %08X %04X %08X %04X %08X %04X %-11s %7u%s\n". */
export function formatProcIpVsConn(conns: readonly IpvsConn[], now: number): string {
  const lines = conns.map(
    (c) =>
      `${left(protoName(c), 3)} ${hex(c.caddr, 8)} ${hex(c.cport, 4)} ${hex(c.vaddr, 8)} ${hex(c.vport, 4)} ` +
      `${hex(c.daddr, 8)} ${hex(c.dport, 4)} ${left(stateName(c), 11)} ${right(String(expireSeconds(c, now)), 7)}\n`,
  );
  return `Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n${lines.join('')}`;
}

/** One of the files for a namespace's services and connection entries at `now` (ms). */
export function formatIpvsProc(file: IpvsProcFile, services: readonly ServiceState[], conns: readonly IpvsConn[], now: number): string {
  if (file === 'ip_vs') return formatProcIpVs(services);
  if (file === 'ip_vs_conn') return formatProcIpVsConn(conns, now);
  const total = totalOf(services);
  return formatProcIpVsStats(total.stats, total.rates);
}
