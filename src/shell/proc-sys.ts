/**
 * /proc/sys/net/ipv4 of a host: the files a Debian 12 (kernel 6.1) namespace has there, by
 * dotted name (net.ipv4.conf.eth0.arp_ignore). The keys the engine acts on (ip_forward and
 * the conf keys in ENGINE_CONF_KEYS) are the live host's sysctls, so writing them changes the
 * simulation and the scenario; the others keep what was written in a per-world store (they
 * change nothing the simulation models) over the values the oracle read on a lab host.
 * `cat`, `echo >`, and sysctl all go through here.
 */
import { setHostSysctl, type LiveWorld } from '../engine';
import type { FsResult } from './fs';
import { CONF_DEFAULTS, IPV4_HOST_DEFAULTS, NEIGH_DEFAULTS } from './proc-sys-defaults';

/** The conf keys the engine reads, with the values the scenario model accepts. */
export const ENGINE_CONF_KEYS: Readonly<Record<string, readonly number[]>> = {
  arp_ignore: [0, 1, 2, 3, 8], arp_announce: [0, 1, 2], rp_filter: [0, 1, 2], accept_local: [0, 1],
  arp_filter: [0, 1], arp_notify: [0, 1], forwarding: [0, 1], send_redirects: [0, 1], accept_redirects: [0, 1],
};

/** Files the kernel makes read-only (mode 0444). */
const READ_ONLY = new Set(['net.ipv4.tcp_available_congestion_control', 'mc_forwarding']);

/** Written values of keys the engine does not model, per world and host. */
const STORE = new WeakMap<LiveWorld, Map<string, Map<string, string>>>();

function storeOf(live: LiveWorld, hostId: string): Map<string, string> {
  let w = STORE.get(live);
  if (!w) STORE.set(live, (w = new Map()));
  let h = w.get(hostId);
  if (!h) w.set(hostId, (h = new Map()));
  return h;
}

export type SysNode =
  | { kind: 'dir' }
  | { kind: 'file'; key: string; group: 'host' | 'conf' | 'neigh'; dev?: string; name: string };

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function devices(live: LiveWorld, hostId: string): string[] {
  return (live.host(hostId)?.ifaces ?? []).map((i) => i.name);
}

/** What a dotted name is in the host's /proc/sys: a folder, a file, or nothing (undefined). */
export function lookupSysctl(live: LiveWorld, hostId: string, key: string): SysNode | undefined {
  if (key === 'net' || key === 'net.ipv4' || key === 'net.ipv4.conf' || key === 'net.ipv4.neigh') return { kind: 'dir' };
  if (!key.startsWith('net.ipv4.')) return undefined;
  const rest = key.slice('net.ipv4.'.length);
  const conf = /^(conf|neigh)\.([^.]+)(?:\.([^.]+))?$/.exec(rest);
  if (conf) {
    const group = conf[1] as 'conf' | 'neigh';
    const dev = conf[2] as string;
    const known = devices(live, hostId).includes(dev) || (group === 'conf' && (dev === 'all' || dev === 'default'));
    if (!known) return undefined;
    if (conf[3] === undefined) return { kind: 'dir' };
    const table = group === 'conf' ? CONF_DEFAULTS : NEIGH_DEFAULTS;
    return Object.hasOwn(table, conf[3]) ? { kind: 'file', key, group, dev, name: conf[3] } : undefined;
  }
  if (Object.hasOwn(IPV4_HOST_DEFAULTS, rest)) return { kind: 'file', key, group: 'host', name: rest };
  if (Object.keys(IPV4_HOST_DEFAULTS).some((k) => k.startsWith(`${rest}.`))) return { kind: 'dir' };
  return undefined;
}

/** Every file under a folder (or the file itself), in the order sysctl -a reads them (names sorted at each level). */
export function listSysctl(live: LiveWorld, hostId: string, dir: string): string[] {
  const devs = devices(live, hostId);
  const all: string[] = [];
  const tree = new Map<string, string[]>();
  const add = (path: string): void => {
    const parts = path.split('.');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('.');
      const child = parts.slice(0, i + 1).join('.');
      const kids = tree.get(parent) ?? [];
      if (!kids.includes(child)) kids.push(child);
      tree.set(parent, kids);
    }
  };
  for (const k of Object.keys(IPV4_HOST_DEFAULTS)) add(`net.ipv4.${k}`);
  for (const d of ['all', 'default', ...devs]) for (const k of Object.keys(CONF_DEFAULTS)) add(`net.ipv4.conf.${d}.${k}`);
  for (const d of devs) for (const k of Object.keys(NEIGH_DEFAULTS)) add(`net.ipv4.neigh.${d}.${k}`);
  const walk = (node: string): void => {
    const kids = tree.get(node);
    if (!kids) {
      all.push(node);
      return;
    }
    for (const k of [...kids].sort((a, b) => byName(a.slice(node.length + 1), b.slice(node.length + 1)))) walk(k);
  };
  walk(dir);
  return all;
}

function engineValue(live: LiveWorld, hostId: string, key: string): number | undefined {
  const s = live.host(hostId)?.sysctl;
  if (key === 'net.ipv4.ip_forward') return s?.get(key) ?? s?.get('net.ipv4.conf.all.forwarding') ?? 0;
  const m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(key);
  if (!m || !Object.hasOwn(ENGINE_CONF_KEYS, m[2] as string)) return undefined;
  const [dev, name] = [m[1] as string, m[2] as string];
  const own = s?.get(key);
  if (own !== undefined) return own;
  // Writing ip_forward sets conf.all, conf.default and every device's forwarding (inet_forward_change).
  if (name === 'forwarding') return s?.get('net.ipv4.ip_forward') ?? s?.get('net.ipv4.conf.all.forwarding') ?? 0;
  // ... and all.accept_redirects to its opposite.
  if (dev === 'all' && name === 'accept_redirects') return (s?.get('net.ipv4.ip_forward') ?? s?.get('net.ipv4.conf.all.forwarding') ?? 0) ? 0 : 1;
  if (dev !== 'all' && dev !== 'default') {
    const inherited = s?.get(`net.ipv4.conf.default.${name}`);
    if (inherited !== undefined) return inherited;
  }
  return Number(CONF_DEFAULTS[name] ?? 0);
}

/** The text of a file without its newline (vectors tab-separated, as the kernel prints them). */
export function readSysctl(live: LiveWorld, hostId: string, node: Extract<SysNode, { kind: 'file' }>): string {
  const engine = engineValue(live, hostId, node.key);
  if (engine !== undefined) return String(engine);
  const stored = storeOf(live, hostId).get(node.key);
  if (stored !== undefined) return stored;
  if (node.group === 'host') return IPV4_HOST_DEFAULTS[node.name] as string;
  if (node.group === 'neigh') return NEIGH_DEFAULTS[node.name] as string;
  // A device's own value starts as default's (devinet_copy_dflt_conf) when that was written.
  if (node.dev !== 'all' && node.dev !== 'default') {
    const dflt = storeOf(live, hostId).get(`net.ipv4.conf.default.${node.name}`);
    if (dflt !== undefined) return dflt;
  }
  if (node.dev === 'all' && node.name === 'accept_source_route') return '0';
  if (node.dev === 'lo' && (node.name === 'disable_policy' || node.name === 'disable_xfrm')) return '1';
  return CONF_DEFAULTS[node.name] as string;
}

export type SysWrite = { ok: true } | { ok: false; errno: 'EINVAL' } | { ok: false; unsupported: string };

/**
 * proc_dointvec's reading of written text: blanks, then integers (base 0, as strtoul)
 * separated by blanks; anything else, or a value outside int, is EINVAL. Extra values past
 * the file's count are ignored.
 */
export function parseIntVector(text: string, count: number): number[] | undefined {
  const words = text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const out: number[] = [];
  for (const w of words.slice(0, count)) {
    const m = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(w);
    if (!m) return undefined;
    const body = m[2] as string;
    const n = (m[1] ? -1 : 1) * (/^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.startsWith('0') ? parseInt(body, 8) : Number(body));
    if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) return undefined;
    out.push(n);
  }
  return out;
}

/** Keys whose handler refuses negative values (proc_dointvec_ms_jiffies and minmax ranges seen on the oracle). */
const NON_NEGATIVE = new Set(['net.ipv4.icmp_ratelimit']);

export function writeSysctl(live: LiveWorld, hostId: string, node: Extract<SysNode, { kind: 'file' }>, text: string): SysWrite {
  if (READ_ONLY.has(node.key) || READ_ONLY.has(node.name)) return { ok: false, unsupported: `${node.key} is read-only` };
  const current = readSysctl(live, hostId, node);
  if (!/^-?\d+(\t-?\d+)*$/.test(current)) return { ok: false, unsupported: `lvs-flow does not simulate writing ${node.key}` };
  const count = current.split('\t').length;
  const v = parseIntVector(text, count);
  if (!v || (NON_NEGATIVE.has(node.key) && (v[0] as number) < 0)) return { ok: false, errno: 'EINVAL' };
  if (engineValue(live, hostId, node.key) !== undefined) {
    const value = v[0] as number;
    const allowed = node.name === 'ip_forward' ? [0, 1] : (ENGINE_CONF_KEYS[node.name] ?? []);
    if (!allowed.includes(value)) return { ok: false, unsupported: `lvs-flow simulates ${node.key} = ${allowed.join(', ')} (not ${value})` };
    setHostSysctl(live, hostId, node.key, value);
    return { ok: true };
  }
  const next = current.split('\t');
  v.forEach((n, i) => { next[i] = String(n); });
  storeOf(live, hostId).set(node.key, next.join('\t'));
  return { ok: true };
}

/** /proc/sys/a/b/c as a dotted name; undefined outside /proc/sys. */
function keyOfPath(path: string): string | undefined {
  if (!path.startsWith('/proc/sys/')) return undefined;
  return path.slice('/proc/sys/'.length).split('/').filter((p) => p !== '').join('.');
}

export function procSysRead(live: LiveWorld, hostId: string, path: string): FsResult {
  if (path === '/proc/sys') return { ok: false, error: 'Is a directory' };
  const key = keyOfPath(path);
  const node = key === undefined ? undefined : lookupSysctl(live, hostId, key);
  if (!node) return { ok: false, error: 'No such file or directory' };
  if (node.kind === 'dir') return { ok: false, error: 'Is a directory' };
  return { ok: true, text: `${readSysctl(live, hostId, node)}\n` };
}

/** `echo VALUE > /proc/sys/…`: bash's error text after "bash: PATH: " (or "echo: " for a write error). */
export function procSysWrite(live: LiveWorld, hostId: string, path: string, text: string): { ok: true } | { ok: false; error: string } {
  const key = keyOfPath(path);
  const node = key === undefined ? undefined : lookupSysctl(live, hostId, key);
  if (!node) return { ok: false, error: path.startsWith('/proc/sys/') ? 'No such file or directory' : 'Permission denied' };
  if (node.kind === 'dir') return { ok: false, error: 'Is a directory' };
  const r = writeSysctl(live, hostId, node, text);
  if (r.ok) return r;
  return { ok: false, error: 'errno' in r ? 'write error: Invalid argument' : r.unsupported };
}
