/**
 * `ip route show|list|flush` (iproute.c iproute_list_flush_or_save, filter_nlmsg): the main
 * table unless `table` says otherwise, narrowed by the selectors; a field a selector pins is
 * not printed. Flushing deletes the matching static routes through the engine.
 */
import { deleteRoute, prefixMask, type Iface } from '../../../engine';
import { Args, invarg, noDevice } from './exit';
import { getPrefix, type InetPrefix } from './inet';
import { localRoutes, mainRoutes, type KernelRoute } from './kernel-routes';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import { formatRoute, type Omit } from './route-format';
import { protocolNumber, routeType, tableNumber } from './route-names';
import { deviceNamed, type IpRun } from './run';
import { scopeNumber } from './scope';
import { routeUsage } from './usage';

interface Selector {
  /** 0 = all tables. */
  table: number;
  dev?: Iface;
  proto?: number;
  scope?: number;
  type?: string;
  via?: InetPrefix;
  src?: InetPrefix;
  /** root: routes inside this prefix; match: routes containing it; exact: both. */
  root?: InetPrefix;
  match?: InetPrefix;
}

const PROTO_NUMBER = { kernel: 2, boot: 3 } as const;
const TABLE_NUMBER = { main: 254, local: 255 } as const;

function within(addr: number, p: InetPrefix, len: number): boolean {
  return len <= 0 || (((addr ^ p.addr) & prefixMask(len)) >>> 0) === 0;
}

function selected(s: Selector, r: KernelRoute): boolean {
  if (s.table !== 0 && TABLE_NUMBER[r.table] !== s.table) return false;
  if (s.dev && r.dev !== s.dev) return false;
  if (s.proto !== undefined && PROTO_NUMBER[r.proto] !== s.proto) return false;
  if (s.scope !== undefined && r.scope !== s.scope) return false;
  if (s.type !== undefined && r.type !== s.type) return false;
  if (s.root && (s.root.bitlen > r.len || !within(r.dst, s.root, s.root.bitlen))) return false;
  if (s.match && (s.match.bitlen < r.len || !within(r.dst, s.match, r.len))) return false;
  if (s.via && (r.via === undefined || !within(r.via, s.via, s.via.bitlen))) return false;
  if (s.src && (r.src === undefined || !within(r.src, s.src, s.src.bitlen))) return false;
  return true;
}

type Parsed = { ok: true; s: Selector } | { ok: false; status: number };

function parseSelector(run: IpRun, words: readonly string[]): Parsed {
  const a = new Args(words, run);
  const s: Selector = { table: 254 };
  const family = run.family === 'unspec' ? 'inet' : run.family;
  let devName: string | undefined;
  let unsupported: string | undefined;
  for (; !a.done; a.advance()) {
    const w = a.cur;
    if (abbreviates(w, 'table')) {
      const v = a.next();
      const t = tableNumber(v);
      if (t !== undefined) s.table = t;
      else if (v === 'all') s.table = 0;
      else if (v === 'cache') s.table = -1;
      else if (v === 'help') routeUsage(run);
      else invarg(run, 'table id value is invalid\n', v);
    } else if (abbreviates(w, 'vrf')) {
      a.next();
      unsupported ??= 'VRFs';
    } else if (abbreviates(w, 'cached') || abbreviates(w, 'cloned')) {
      s.table = -1;
    } else if (w === 'tos' || abbreviates(w, 'dsfield') || w === 'mark' || w === 'iif' || abbreviates(w, 'realms')) {
      a.next();
      unsupported ??= `selecting routes by "${w}"`;
    } else if (abbreviates(w, 'protocol')) {
      const v = a.next();
      const p = protocolNumber(v);
      if (p === undefined && v !== 'all') invarg(run, 'invalid "protocol"\n', v);
      if (p !== undefined) s.proto = p;
    } else if (abbreviates(w, 'scope')) {
      const v = a.next();
      const sc = scopeNumber(v);
      if (sc === undefined && v !== 'all') invarg(run, 'invalid "scope"\n', v);
      if (sc !== undefined) s.scope = sc;
    } else if (abbreviates(w, 'type')) {
      const v = a.next();
      const t = routeType(v);
      if (t === undefined) invarg(run, 'node type value is invalid\n', v);
      s.type = t;
    } else if (w === 'dev' || w === 'oif') {
      devName = a.next();
    } else if (abbreviates(w, 'metric') || abbreviates(w, 'priority') || w === 'preference') {
      const v = a.next();
      if (!/^\s*\+?(0[xX][0-9a-fA-F]+|\d+)$/.test(v)) invarg(run, '"metric" value is invalid\n', v);
      if (Number(v) !== 0) s.table = -1;
    } else if (w === 'via') {
      let v = a.next();
      if (['inet', 'inet6', 'link', 'mpls', 'bridge'].includes(v)) v = a.next();
      s.via = getPrefix(run, v, family);
    } else if (w === 'src') {
      s.src = getPrefix(run, a.next(), family);
    } else if (abbreviates(w, 'from')) {
      let v = a.next();
      if (abbreviates(v, 'root') || abbreviates(v, 'match') || abbreviates(v, 'exact')) v = a.next();
      getPrefix(run, v, family);
      unsupported ??= 'selecting routes by source ("from")';
    } else {
      let v = w;
      if (abbreviates(v, 'to')) v = a.next();
      if (abbreviates(v, 'root')) s.root = getPrefix(run, a.next(), family);
      else if (abbreviates(v, 'match')) s.match = getPrefix(run, a.next(), family);
      else {
        if (abbreviates(v, 'exact')) v = a.next();
        const p = getPrefix(run, v, family);
        s.root = p;
        s.match = p;
      }
    }
  }
  if (devName !== undefined) {
    const dev = deviceNamed(run.host, devName);
    if (!dev) return { ok: false, status: noDevice(run, devName) };
    s.dev = dev;
  }
  if (unsupported) return { ok: false, status: notSimulated(run, unsupported) };
  return { ok: true, s };
}

function routesOf(run: IpRun, s: Selector): KernelRoute[] {
  if (s.table === -1 || run.family === 'inet6' || run.family === 'packet') return [];
  const all = s.table === 255 ? localRoutes(run.host) : s.table === 254 ? mainRoutes(run.host) : s.table === 0 ? [...mainRoutes(run.host), ...localRoutes(run.host)] : [];
  return all.filter((r) => selected(s, r));
}

export function listRoutes(run: IpRun, words: readonly string[]): number {
  const p = parseSelector(run, words);
  if (!p.ok) return p.status;
  const s = p.s;
  const omit: Omit = {
    dev: s.dev !== undefined, table: s.table !== 0, proto: s.proto !== undefined, scope: s.scope !== undefined,
    via: s.via?.bitlen === 32, src: s.src?.bitlen === 32,
  };
  run.out(routesOf(run, s).map((r) => formatRoute(r, omit)).join(''));
  return 0;
}

export function flushRoutes(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) {
    run.err('"ip route flush" requires arguments.\n');
    return 1;
  }
  // `ip route flush cache` empties the routing cache, which IPv4 no longer has.
  if (words.length === 1 && (abbreviates(words[0] as string, 'cached') || abbreviates(words[0] as string, 'cloned') || words[0] === 'cache')) return 0;
  const p = parseSelector(run, words);
  if (!p.ok) return p.status;
  const doomed = routesOf(run, p.s);
  if (doomed.some((r) => r.proto === 'kernel')) return notSimulated(run, 'flushing connected (proto kernel) routes');
  for (const r of doomed) deleteRoute(run.live, run.host, { dst: r.dst, len: r.len, via: r.via, devName: r.dev.name });
  return 0;
}
