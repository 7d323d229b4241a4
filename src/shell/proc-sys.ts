/**
 * /proc/sys/net/ipv4: the sysctls a host has, by file. Reading gives the value the kernel
 * holds for that file; writing sets it (on the live host and its scenario). Devices get their
 * `conf/<dev>/` folder while they exist; `all` and `default` always.
 */
import { setHostSysctl, type LiveWorld } from '../engine';
import type { FsResult } from './fs';

/**
 * The per-device keys of /proc/sys/net/ipv4/conf/<dev>/ with the kernel's defaults for a new
 * network namespace (ipv4_devconf in net/ipv4/devinet.c).
 */
export const CONF_DEFAULTS: Readonly<Record<string, number>> = {
  accept_local: 0, accept_redirects: 1, accept_source_route: 0, arp_accept: 0, arp_announce: 0,
  arp_evict_nocarrier: 1, arp_filter: 0, arp_ignore: 0, arp_notify: 0, bc_forwarding: 0, bootp_relay: 0,
  disable_policy: 0, disable_xfrm: 0, drop_gratuitous_arp: 0, drop_unicast_in_l2_multicast: 0,
  force_igmp_version: 0, forwarding: 0, igmpv2_unsolicited_report_interval: 10000,
  igmpv3_unsolicited_report_interval: 1000, ignore_routes_with_linkdown: 0, log_martians: 0,
  mc_forwarding: 0, medium_id: 0, promote_secondaries: 0, proxy_arp: 0, proxy_arp_pvlan: 0,
  route_localnet: 0, rp_filter: 0, secure_redirects: 1, send_redirects: 1, shared_media: 1,
  src_valid_mark: 0, tag: 0,
};

/** Host-wide keys of /proc/sys/net/ipv4 with their defaults in a new namespace. */
export const IPV4_DEFAULTS: Readonly<Record<string, number>> = {
  ip_forward: 0, icmp_ratelimit: 1000, icmp_echo_ignore_all: 0, icmp_echo_ignore_broadcasts: 1,
  ip_no_pmtu_disc: 0, tcp_syncookies: 1, tcp_fin_timeout: 60, tcp_syn_retries: 6, tcp_synack_retries: 5,
  tcp_timestamps: 1, tcp_sack: 1, tcp_window_scaling: 1, ip_default_ttl: 64,
};

/** A sysctl name (net.ipv4.conf.eth0.arp_ignore) from a /proc/sys path, or undefined when no such file exists. */
export function keyOfPath(live: LiveWorld, hostId: string, path: string): string | undefined {
  const m = /^\/proc\/sys\/net\/ipv4\/(.+)$/.exec(path);
  if (!m) return undefined;
  const rest = (m[1] as string).split('/');
  if (rest.length === 1) return (rest[0] as string) in IPV4_DEFAULTS ? `net.ipv4.${rest[0]}` : undefined;
  if (rest.length === 3 && rest[0] === 'conf') {
    const dev = rest[1] as string;
    const key = rest[2] as string;
    if (!(key in CONF_DEFAULTS)) return undefined;
    if (dev !== 'all' && dev !== 'default' && !live.host(hostId)?.ifByName.has(dev)) return undefined;
    return `net.ipv4.conf.${dev}.${key}`;
  }
  return undefined;
}

/** The value a sysctl reads as now (`sysctl KEY`, `cat /proc/sys/…`). */
export function sysctlValue(live: LiveWorld, hostId: string, key: string): number {
  const s = live.host(hostId)?.sysctl;
  const own = s?.get(key);
  if (own !== undefined) return own;
  const conf = /^net\.ipv4\.conf\.([^.]+)\.([a-z0-9_]+)$/.exec(key);
  if (conf) {
    const name = conf[2] as string;
    // Writing ip_forward sets conf.all.forwarding and every device's forwarding.
    if (name === 'forwarding') {
      const fwd = s?.get('net.ipv4.ip_forward');
      if (fwd !== undefined) return fwd;
    }
    if (conf[1] !== 'all' && conf[1] !== 'default') {
      const inherited = s?.get(`net.ipv4.conf.default.${name}`);
      if (inherited !== undefined) return inherited;
    }
    return CONF_DEFAULTS[name] ?? 0;
  }
  if (key === 'net.ipv4.ip_forward') return s?.get('net.ipv4.conf.all.forwarding') ?? 0;
  return IPV4_DEFAULTS[key.slice('net.ipv4.'.length)] ?? 0;
}

export function procSysRead(live: LiveWorld, hostId: string, path: string): FsResult {
  if (/^\/proc\/sys(\/net(\/ipv4(\/conf(\/[^/]+)?)?)?)?$/.test(path)) return { ok: false, error: 'Is a directory' };
  const key = keyOfPath(live, hostId, path);
  if (key === undefined) return { ok: false, error: 'No such file or directory' };
  return { ok: true, text: `${sysctlValue(live, hostId, key)}\n` };
}

/** The kernel parses the written text as proc_dointvec does: an integer, surrounding blanks allowed. */
export function procSysWrite(live: LiveWorld, hostId: string, path: string, text: string): { ok: true } | { ok: false; error: string } {
  const key = keyOfPath(live, hostId, path);
  if (key === undefined) return { ok: false, error: path.startsWith('/proc/sys/') ? 'No such file or directory' : 'Permission denied' };
  const value = parseSysctlInt(text);
  if (value === undefined) return { ok: false, error: 'write error: Invalid argument' };
  setHostSysctl(live, hostId, key, value);
  return { ok: true };
}

export function parseSysctlInt(text: string): number | undefined {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}
