/**
 * Sysctls by their Linux names, and how the kernel combines net.ipv4.conf.all.X with the
 * interface's own value (include/linux/inetdevice.h): arp_ignore, arp_announce and rp_filter
 * and arp_notify take the maximum; accept_local, arp_filter and send_redirects are true if either
 * is (IN_DEV_ORCONF); forwarding is the interface's own value, which net.ipv4.ip_forward sets on
 * every interface; accept_redirects is both (AND) on a forwarding interface, either (OR) otherwise.
 */
export type SysctlMap = ReadonlyMap<string, number>;

export type ConfKey =
  | 'arp_ignore' | 'arp_announce' | 'rp_filter' | 'accept_local' | 'arp_filter' | 'arp_notify' | 'forwarding'
  | 'send_redirects' | 'accept_redirects';

const MAX_COMBINED: ReadonlySet<ConfKey> = new Set(['arp_ignore', 'arp_announce', 'rp_filter', 'arp_notify']);
const OR_COMBINED: ReadonlySet<ConfKey> = new Set(['accept_local', 'arp_filter', 'send_redirects']);
/** Keys whose kernel default is 1 (ipv4_devconf in net/ipv4/devinet.c); the others start at 0. */
const DEFAULT_ON: ReadonlySet<ConfKey> = new Set(['send_redirects', 'accept_redirects']);

/** ip_forward, as conf.all.forwarding also reads it. */
function ipForward(s: SysctlMap): number {
  return s.get('net.ipv4.ip_forward') ?? s.get('net.ipv4.conf.all.forwarding') ?? 0;
}

/** conf.all's value: written, else the kernel's; writing ip_forward sets all.accept_redirects to its opposite (inet_forward_change). */
function allValue(s: SysctlMap, key: ConfKey): number {
  const own = s.get(`net.ipv4.conf.all.${key}`);
  if (own !== undefined) return own;
  if (key === 'accept_redirects') return ipForward(s) ? 0 : 1;
  return DEFAULT_ON.has(key) ? 1 : 0;
}

/** The interface's own value: explicit, else inherited from `default` when it was created. */
function devValue(s: SysctlMap, dev: string, key: ConfKey): number {
  const own = s.get(`net.ipv4.conf.${dev}.${key}`);
  if (own !== undefined) return own;
  if (key === 'forwarding') {
    // ip_forward (= conf.all.forwarding) is copied to every interface when written.
    return s.get('net.ipv4.ip_forward') ?? s.get('net.ipv4.conf.all.forwarding') ?? s.get('net.ipv4.conf.default.forwarding') ?? 0;
  }
  return s.get(`net.ipv4.conf.default.${key}`) ?? (DEFAULT_ON.has(key) ? 1 : 0);
}

/** The value the kernel acts on for packets on `dev` (IN_DEV_* macros). */
export function effectiveConf(s: SysctlMap, dev: string, key: ConfKey): number {
  const own = devValue(s, dev, key);
  if (MAX_COMBINED.has(key)) return Math.max(allValue(s, key), own);
  if (OR_COMBINED.has(key)) return allValue(s, key) || own ? 1 : 0;
  if (key === 'accept_redirects') {
    // IN_DEV_RX_REDIRECTS: a forwarding interface needs both, any other either.
    const all = allValue(s, key);
    return (devValue(s, dev, 'forwarding') ? all && own : all || own) ? 1 : 0;
  }
  return own;
}

/** The per-interface values the stack consults on every packet, combined once (sysctls are fixed during a run). */
export interface IfConf {
  readonly arpIgnore: number;
  readonly arpAnnounce: number;
  readonly rpFilter: number;
  readonly acceptLocal: boolean;
  readonly forwarding: boolean;
  /** arp_filter: answer ARP only if the route back to the asker leaves by this interface. */
  readonly arpFilter: boolean;
  /** arp_notify: send a gratuitous ARP when the interface comes up. */
  readonly arpNotify: boolean;
  /** IN_DEV_TX_REDIRECTS: may send ICMP redirects for packets forwarded back out of this interface. */
  readonly sendRedirects: boolean;
  /** IN_DEV_RX_REDIRECTS: acts on ICMP redirects that arrive on this interface. */
  readonly acceptRedirects: boolean;
}

export function ifConf(s: SysctlMap, dev: string): IfConf {
  return {
    arpIgnore: effectiveConf(s, dev, 'arp_ignore'),
    arpAnnounce: effectiveConf(s, dev, 'arp_announce'),
    rpFilter: effectiveConf(s, dev, 'rp_filter'),
    acceptLocal: effectiveConf(s, dev, 'accept_local') === 1,
    forwarding: effectiveConf(s, dev, 'forwarding') === 1,
    arpFilter: effectiveConf(s, dev, 'arp_filter') === 1,
    arpNotify: effectiveConf(s, dev, 'arp_notify') === 1,
    sendRedirects: effectiveConf(s, dev, 'send_redirects') === 1,
    acceptRedirects: effectiveConf(s, dev, 'accept_redirects') === 1,
  };
}

export const COURSE_SYSCTLS: readonly ConfKey[] = ['forwarding', 'arp_ignore', 'arp_announce', 'rp_filter', 'accept_local'];
