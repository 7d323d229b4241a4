/**
 * `ipvsadm -L -n` and its --stats, --rate, --thresholds, --persistent-conn, --tun-info and
 * --exact variants, byte for byte: ipvsadm.c list_all(), print_title(), print_service_entry()
 * and print_largenum(), whose printf formats are quoted beside each line below. The trailing
 * spaces of the real output (from %-10u and friends) are kept.
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { DestState, ServiceConfig, ServiceState } from '../types';
import { printSchedFlags, schedFlagBits } from './sched-flags';
import { portName } from './services';
import { cmpDests, cmpServices, glibcQsort } from './sort';

export interface ListOptions {
  readonly stats?: boolean;
  readonly rate?: boolean;
  readonly thresholds?: boolean;
  readonly persistentConn?: boolean;
  readonly tunInfo?: boolean;
  /** --exact: whole numbers instead of K/M/G/T in --stats and --rate. */
  readonly exact?: boolean;
  /** --nosort: the kernel's order. */
  readonly nosort?: boolean;
  /** ip_vs_conn_tab_size for the header: 1 << CONFIG_IP_VS_TAB_BITS (12 by default). */
  readonly tableSize?: number;
  /** -n (the default here): port numbers; without it, /etc/services names where there is one. */
  readonly numeric?: boolean;
}

/** A port as addrport_to_anyname() prints it. */
export const portText = (port: number, proto: ServiceConfig['proto'], numeric: boolean): string =>
  (numeric ? undefined : portName(port, proto)) ?? String(port);

/** IP_VS_VERSION_CODE 0x010201: every kernel since 2.6.x reports 1.2.1. */
export const IPVS_VERSION = '1.2.1';
export const DEFAULT_TABLE_SIZE = 4096;

const left = (s: string | number, w: number): string => String(s).padEnd(w); // %-ws
const right = (s: string | number, w: number): string => String(s).padStart(w); // %ws
/** A C cast to an integer: the kernel's counters and rates are whole numbers. */
const int = (n: number): number => Math.max(0, Math.trunc(n));

/** print_largenum(): %9llu below 100 million, else %8llu and K, M, G or T (divided by 1000s). */
export function printLargenum(value: number, exact = false): string {
  const i = int(value);
  if (exact) {
    const len = String(i).length;
    return right(i, len <= 8 ? 9 : len + 1); // printf("%*llu", len <= 8 ? 9 : len + 1, i)
  }
  if (i < 1e8) return right(i, 9);
  if (i < 1e9) return `${right(Math.floor(i / 1e3), 8)}K`;
  if (i < 1e11) return `${right(Math.floor(i / 1e6), 8)}M`;
  if (i < 1e14) return `${right(Math.floor(i / 1e9), 8)}G`;
  return `${right(Math.floor(i / 1e12), 8)}T`;
}

/** print_title(): the two column-heading lines (none for -S). */
export function printTitle(o: ListOptions): string {
  const first = left('Prot LocalAddress:Port', 33);
  // "%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n"
  const counters = (names: string[]): string =>
    `${first}${names.map((n) => ` ${right(n, 8)}`).join('')}\n  -> RemoteAddress:Port\n`;
  if (o.stats) return counters(['Conns', 'InPkts', 'OutPkts', 'InBytes', 'OutBytes']);
  if (o.rate) return counters(['CPS', 'InPPS', 'OutPPS', 'InBPS', 'OutBPS']);
  if (o.thresholds) {
    // "%-33s %-10s %-10s %-10s %-10s\n  -> RemoteAddress:Port\n"
    const cols = ['Uthreshold', 'Lthreshold', 'ActiveConn', 'InActConn'].map((n) => ` ${left(n, 10)}`);
    return `${first}${cols.join('')}\n  -> RemoteAddress:Port\n`;
  }
  if (o.persistentConn) {
    // "%-33s %-9s %-11s %-10s %-10s\n  -> RemoteAddress:Port\n"
    return `${first} ${left('Weight', 9)} ${left('PersistConn', 11)} ${left('ActiveConn', 10)} ${left('InActConn', 10)}\n  -> RemoteAddress:Port\n`;
  }
  if (o.tunInfo) {
    return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n';
  }
  return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
}

const PROTO_NAME = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

/** svc_name: "%-4s %s" (protocol, addr:port) or "FWM  %u", cut at 33 characters. */
export function serviceName(c: ServiceConfig, numeric = true): string {
  if (c.fwmark) return `FWM  ${c.fwmark >>> 0}`;
  return `${left(PROTO_NAME[c.proto], 4)} ${formatIpv4(c.vip)}:${portText(c.port, c.proto, numeric)}`.slice(0, 33);
}

/** dname: "%s:%u" (addrport_to_anyname with FMT_NUMERIC), cut at 28 characters. */
export const destName = (d: DestState, proto: ServiceConfig['proto'] = 'tcp', numeric = true): string =>
  `${formatIpv4(d.config.addr)}:${portText(d.config.port, proto, numeric)}`.slice(0, 28);

export const FWD_NAME = { masq: 'Masq', gate: 'Route', ipip: 'Tunnel' } as const;

const ALL_ONES = 0xffffffff;

/** The normal service line: "%s %s" then " (flags)", " persistent %u", " mask %s". */
function serviceLine(c: ServiceConfig, numeric: boolean): string {
  let s = `${serviceName(c, numeric)} ${c.scheduler}`;
  const bits = schedFlagBits(c.schedFlags);
  if (bits) s += ` (${printSchedFlags(c.scheduler, bits)})`;
  if (c.persistenceS !== undefined) {
    s += ` persistent ${c.persistenceS}`;
    const mask = c.persistenceMask;
    if (mask !== undefined && mask >>> 0 !== ALL_ONES) s += ` mask ${formatIpv4(mask)}`;
  }
  return `${s}\n`;
}

const counters = (vals: number[], exact: boolean): string => vals.map((v) => printLargenum(v, exact)).join('');

/** One destination line in the chosen layout. */
function destLine(d: DestState, proto: ServiceConfig['proto'], o: ListOptions): string {
  const name = `  -> ${left(destName(d, proto, o.numeric ?? true), 28)}`; // "  -> %-28s"
  const ex = o.exact ?? false;
  if (o.stats) {
    const s = d.stats;
    return `${name}${counters([s.conns, s.inpkts, s.outpkts, s.inbytes, s.outbytes], ex)}\n`;
  }
  if (o.rate) {
    // "  -> %-28s %8llu %8llu %8llu" then print_largenum for the two byte rates
    const r = d.rates;
    const plain = [r.cps, r.inpps, r.outpps].map((v) => ` ${right(int(v), 8)}`).join('');
    return `${name}${plain}${counters([r.inbps, r.outbps], ex)}\n`;
  }
  const { weight, uThreshold, lThreshold } = d.config;
  if (o.thresholds) {
    // "  -> %-28s %-10u %-10u %-10u %-10u\n"
    return `${name} ${left(uThreshold, 10)} ${left(lThreshold, 10)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  }
  if (o.persistentConn) {
    // "  -> %-28s %-9u %-11u %-10u %-10u\n"
    return `${name} ${left(weight, 9)} ${left(d.persistConns, 11)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  }
  const fwd = left(FWD_NAME[d.config.method], 7);
  if (o.tunInfo) {
    // "  -> %-28s %-7s %-13s %-6d %-10u %-10u\n"; fwd_tun_info() is "ipip" for -i, else "n/a"
    const ti = d.config.method === 'ipip' ? 'ipip' : 'n/a';
    return `${name} ${fwd} ${left(ti, 13)} ${left(weight, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  }
  // "  -> %-28s %-7s %-6d %-10u %-10u\n"
  return `${name} ${fwd} ${left(weight, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
}

/** Destinations as the kernel lists them (removed ones live in its trash, unlisted), sorted. */
export function listedDests(svc: ServiceState, nosort = false): DestState[] {
  const linked = svc.dests.filter((d) => d.available);
  return nosort ? linked : glibcQsort(linked, cmpDests);
}

/** print_service_entry() for the -L layouts. */
export function formatServiceEntry(svc: ServiceState, o: ListOptions = {}): string {
  const { stats: s, rates: r } = svc;
  const vals = o.stats
    ? [s.conns, s.inpkts, s.outpkts, s.inbytes, s.outbytes]
    : [r.cps, r.inpps, r.outpps, r.inbps, r.outbps];
  const head =
    o.stats || o.rate
      ? `${left(serviceName(svc.config, o.numeric ?? true), 33)}${counters(vals, o.exact ?? false)}\n` // "%-33s" + 5 largenums
      : serviceLine(svc.config, o.numeric ?? true);
  return head + listedDests(svc, o.nosort).map((d) => destLine(d, svc.config.proto, o)).join('');
}

/**
 * `ipvsadm -L -n [--stats|--rate|…]` (list_all): the version header, the titles, then every
 * service sorted as libipvs sorts them. Services come in the kernel's order.
 * @example formatList(services) // "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port …"
 */
export function formatList(services: readonly ServiceState[], o: ListOptions = {}): string {
  const size = o.tableSize ?? DEFAULT_TABLE_SIZE;
  const sorted = o.nosort ? services : glibcQsort(services, cmpServices);
  return (
    `IP Virtual Server version ${IPVS_VERSION} (size=${size})\n` +
    printTitle(o) +
    sorted.map((s) => formatServiceEntry(s, o)).join('')
  );
}

/** `ipvsadm -L -n -t VIP:port …` (list_service): no version header, one service. */
export function formatListService(svc: ServiceState, o: ListOptions = {}): string {
  return printTitle(o) + formatServiceEntry(svc, o);
}
