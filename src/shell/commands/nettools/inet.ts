/**
 * How net-tools reads an address argument (lib/inet.c INET_resolve): "default" is 0.0.0.0
 * as a network, a dotted quad goes through glibc's inet_aton, else the host and network
 * databases are asked. A simulated host knows only /etc/hosts' localhost and Debian's
 * /etc/networks; any other name fails as a lab without DNS fails (herror's text).
 */
import { prefixMask, type Ipv4 } from '../../../engine';

/** glibc inet_aton: 1 to 4 numbers (decimal, 0x hex, 0 octal); the last fills the remaining bytes. */
export function inetAton(text: string): Ipv4 | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = Number(p);
    else return undefined;
    if (!Number.isFinite(n) || n > 0xffffffff) return undefined;
    nums.push(n);
  }
  const last = nums.pop() as number;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  let v = 0;
  nums.forEach((n, i) => { v += n * 2 ** (24 - 8 * i); });
  return (v + last) as Ipv4;
}

const HOSTS: ReadonlyMap<string, Ipv4> = new Map([['localhost', 0x7f000001 as Ipv4]]);
/** Debian 12's /etc/networks. */
const NETWORKS: ReadonlyMap<string, Ipv4> = new Map([
  ['default', 0 as Ipv4], ['loopback', 0x7f000000 as Ipv4], ['link-local', 0xa9fe0000 as Ipv4],
]);

export type Resolved = { ok: true; addr: Ipv4; isNet: boolean } | { ok: false; error: string };

/**
 * INET_resolve: `hostFirst` is route's -host and gw (the host database first); a failure is
 * herror's line, which differs between the two paths as the oracle shows.
 */
export function inetResolve(name: string, hostFirst = false): Resolved {
  if (name === 'default') return { ok: true, addr: 0 as Ipv4, isNet: true };
  const a = inetAton(name);
  if (a !== undefined) return { ok: true, addr: a, isNet: false };
  const h = HOSTS.get(name);
  const n = NETWORKS.get(name);
  if (hostFirst && h !== undefined) return { ok: true, addr: h, isNet: false };
  if (n !== undefined) return { ok: true, addr: n, isNet: true };
  if (h !== undefined) return { ok: true, addr: h, isNet: false };
  return { ok: false, error: `${name}: ${hostFirst ? 'Host name lookup failure' : 'Unknown host'}\n` };
}

/**
 * INET_getnetmask's "/N" (strtoul base 0) as the netmask htonl(~(0xffffffffU >> N)) gives on
 * x86-64, where the shift count is taken modulo 32 (so /32 gives 0.0.0.0); undefined for a
 * suffix strtoul does not read whole.
 */
export function slashNetmask(suffix: string): number | undefined {
  if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(suffix)) return undefined;
  const n = /^0[xX]/.test(suffix) ? parseInt(suffix.slice(2), 16) : suffix.startsWith('0') ? parseInt(suffix, 8) : Number(suffix);
  return prefixMask(n % 32);
}
