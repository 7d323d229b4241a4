/**
 * The files of /proc/net that labs read with `cat`: IPVS's ip_vs, ip_vs_stats and ip_vs_conn
 * (which exist in every namespace once the ip_vs module is loaded, i.e. once some host of the
 * lab has run ipvsadm); route, the main table as `route -n` reads it (fib_route_seq_show:
 * each line padded to 127 characters, addresses as the little-endian hex of the network-order
 * word); arp, the neighbour cache as `arp -n` reads it (arp_seq_show); and dev, each device's
 * counters (dev_seq_show). Checked against the ipvsadm-forms, net-forms and net-forms-traffic
 * oracle labs.
 */
import { formatIpvsProc, formatIpv4, formatMac, neighStateAt, prefixMask, type Host, type IpvsProcFile, type LiveWorld, type Mac, type Neigh } from '../engine';
import { procNetRoute } from './commands/nettools/route-show';
import type { FsResult } from './fs';

const IPVS_FILES: readonly string[] = ['ip_vs', 'ip_vs_stats', 'ip_vs_conn'] satisfies IpvsProcFile[];

/** RTF_UP, RTF_GATEWAY, RTF_HOST (include/uapi/linux/route.h). */
const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
const RTF_HOST = 0x4;

/** An address as the kernel's "%08X" of a __be32 shows it on a little-endian machine. */
function leHex(a: number): string {
  const swapped = ((a & 0xff) << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24);
  return (swapped >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function procNetRouteText(host: Host): string {
  const pad = (line: string): string => `${line.padEnd(127)}\n`;
  let out = pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT');
  for (const r of procNetRoute(host)) {
    const flags = RTF_UP | (r.via !== undefined ? RTF_GATEWAY : 0) | (r.len === 32 ? RTF_HOST : 0);
    const f = flags.toString(16).toUpperCase().padStart(4, '0');
    out += pad(`${r.dev.name}\t${leHex(r.dst)}\t${leHex(r.via ?? 0)}\t${f}\t0\t0\t0\t${leHex(prefixMask(r.len))}\t0\t0\t0`);
  }
  return out;
}

/** ATF_COM for a resolved entry, ATF_PERM | ATF_COM for a permanent one (arp_state_to_flags). */
function arpFlags(state: string): number {
  if (state === 'PERMANENT') return 0x6;
  return state === 'INCOMPLETE' || state === 'FAILED' ? 0 : 0x2;
}

/** "%-16s 0x%-10x0x%-10x%-17s     *        %s\n", in the order `arp` lists them. */
function procNetArpText(host: Host, now: number): string {
  let out = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  for (const n of host.neigh.all() as Neigh[]) {
    const dev = host.ifaces.find((i) => i.index === n.ifIndex);
    if (!dev) continue;
    const flags = arpFlags(neighStateAt(n, now));
    const mac = n.mac !== null && flags !== 0 ? formatMac(n.mac as Mac) : '00:00:00:00:00:00';
    out += `${formatIpv4(n.ip).padEnd(16)} ${'0x1'.padEnd(12)}${`0x${flags.toString(16)}`.padEnd(12)}${mac.padEnd(17)}     *        ${dev.name}\n`;
  }
  return out;
}

/** dev_seq_show's "%6s:%8llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu\n". */
const DEV_WIDTHS = [8, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10] as const;

/** dev_seq_show: every device with its counters; errors, drops and the rest stay 0 here. */
function procNetDevText(host: Host): string {
  let out = 'Inter-|   Receive                                                |  Transmit\n'
    + ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  for (const dev of host.ifaces) {
    const s = dev.stats;
    const vals = [s.rxBytes, s.rxPackets, 0, 0, 0, 0, 0, 0, s.txBytes, s.txPackets, 0, 0, 0, 0, 0, 0];
    out += `${dev.name.padStart(6)}:${vals.map((v, i) => String(v).padStart(DEV_WIDTHS[i] ?? 0)).join(' ')}\n`;
  }
  return out;
}

function ipvsFile(live: LiveWorld, host: Host, file: IpvsProcFile): FsResult {
  if (host.director) return { ok: true, text: host.director.procNet(live.world, file) };
  // Once some host has run ipvsadm the module is loaded, and this namespace's IPVS is empty.
  if (!live.world.hostList.some((h) => h.director)) return { ok: false, error: 'No such file or directory' };
  return { ok: true, text: formatIpvsProc(file, [], [], live.world.now) };
}

/** `cat /proc/net/NAME`, or undefined for a path this module does not serve. */
export function procNetRead(live: LiveWorld, hostId: string, path: string): FsResult | undefined {
  const m = /^\/proc\/net\/([a-z_]+)$/.exec(path);
  if (!m) return undefined;
  const host = live.host(hostId);
  if (!host) return { ok: false, error: 'No such file or directory' };
  const name = m[1] as string;
  if (IPVS_FILES.includes(name)) return ipvsFile(live, host, name as IpvsProcFile);
  if (name === 'route') return { ok: true, text: procNetRouteText(host) };
  if (name === 'arp') return { ok: true, text: procNetArpText(host, live.world.now) };
  if (name === 'dev') return { ok: true, text: procNetDevText(host) };
  return undefined;
}
