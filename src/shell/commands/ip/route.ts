/**
 * `ip route` (iproute.c do_iproute): add, change, replace, append, prepend, test and delete
 * unicast routes in the main table through the engine, with the kernel's checks and messages
 * (fib_frontend.c rtm_to_fib_config, fib_semantics.c fib_create_info, fib_trie.c), and show,
 * list and flush with iproute2's selectors. What the engine has no place for (other tables,
 * metrics, route types, multipath, deleting a connected route) is reported as not simulated.
 */
import { addRoute, deleteRoute, prefixMask, replaceRoute, type Ipv4 } from '../../../engine';
import { Args, duparg2, fail255, invarg, noDevice } from './exit';
import { getAddr, getPrefix, type Family, type InetPrefix } from './inet';
import { mainRoutes, type KernelRoute } from './kernel-routes';
import { flushRoutes, listRoutes } from './route-list';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import { protocolNumber, routeType, tableNumber, type RtnType } from './route-names';
import { kernelError, rtnetlinkError } from './rtnetlink';
import { deviceNamed, type IpRun } from './run';
import { scopeNumber } from './scope';
import { routeUsage } from './usage';
import { routeGet } from './route-get';

type Op = 'add' | 'change' | 'replace' | 'prepend' | 'append' | 'test' | 'delete';

/** Route metrics and options iproute2 parses that lvs-flow does not model; the lockable ones may be preceded by `lock`. */
const VALUE_OPTIONS: ReadonlyArray<[string, 'exact' | 'prefix', boolean]> = [
  ['expires', 'exact', false], ['mtu', 'exact', true], ['hoplimit', 'exact', true], ['advmss', 'exact', true],
  ['reordering', 'prefix', true], ['rtt', 'exact', true], ['rto_min', 'exact', true], ['window', 'prefix', true],
  ['cwnd', 'prefix', true], ['initcwnd', 'prefix', true], ['initrwnd', 'prefix', true], ['features', 'prefix', false],
  ['quickack', 'prefix', false], ['congctl', 'prefix', true], ['rttvar', 'prefix', true], ['ssthresh', 'prefix', true],
  ['realms', 'prefix', false],
];

interface RouteRequest {
  family: Family;
  dst?: InetPrefix;
  type: RtnType;
  typeGiven: boolean;
  via?: InetPrefix;
  dev?: string;
  src?: InetPrefix;
  table?: number;
  proto?: number;
  scope?: number;
  metric?: number;
  unsupported?: string;
}

function parseRoute(run: IpRun, words: readonly string[]): RouteRequest {
  const a = new Args(words, run);
  const req: RouteRequest = { family: run.family, type: 'unicast', typeGiven: false };
  const adopt = (p: InetPrefix): void => {
    if (req.family === 'unspec') req.family = p.family;
  };
  for (; !a.done; a.advance()) {
    const w = a.cur;
    const option = VALUE_OPTIONS.find(([k, how]) => (how === 'exact' ? w === k : abbreviates(w, k)));
    if (w === 'src') {
      req.src = getAddr(run, a.next(), req.family);
      adopt(req.src);
    } else if (w === 'as') {
      let v = a.next();
      if (v === 'to') v = a.next();
      adopt(getAddr(run, v, req.family));
      req.unsupported ??= 'address translation ("as")';
    } else if (w === 'via') {
      if (req.via) invarg(run, 'use nexthop syntax to specify multiple via\n', w);
      let v = a.next();
      let family = req.family;
      const named: Record<string, Family> = { inet: 'inet', inet6: 'inet6', link: 'packet' };
      if (v in named || v === 'mpls' || v === 'bridge') {
        family = named[v] ?? 'unspec';
        if (!(v in named)) req.unsupported ??= `a ${v} gateway`;
        v = a.next();
      }
      req.via = getAddr(run, v, family);
      adopt(req.via);
    } else if (w === 'from') {
      adopt(getPrefix(run, a.next(), req.family));
      req.unsupported ??= 'source-specific routes ("from")';
    } else if (w === 'tos' || abbreviates(w, 'dsfield')) {
      a.next();
      req.unsupported ??= 'TOS routes';
    } else if (abbreviates(w, 'metric') || abbreviates(w, 'priority') || w === 'preference') {
      const v = a.next();
      if (!/^\s*\+?(0[xX][0-9a-fA-F]+|\d+)$/.test(v) || Number(v) > 0xffffffff) invarg(run, '"metric" value is invalid\n', v);
      req.metric = Number(v);
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeNumber(v);
      if (s === undefined) invarg(run, 'invalid "scope" value\n', v);
      req.scope = s;
    } else if (option) {
      let v = a.next();
      if (option[2] && v === 'lock') v = a.next();
      req.unsupported ??= `the route option "${option[0]}"`;
    } else if (w === 'onlink') {
      req.unsupported ??= 'onlink routes';
    } else if (w === 'nexthop' || w === 'nhid' || w === 'encap') {
      req.unsupported ??= w === 'nexthop' ? 'multipath routes' : w === 'nhid' ? 'nexthop objects' : 'encapsulation';
      break;
    } else if (abbreviates(w, 'protocol')) {
      const v = a.next();
      const p = protocolNumber(v);
      if (p === undefined) invarg(run, '"protocol" value is invalid\n', v);
      req.proto = p;
    } else if (abbreviates(w, 'table')) {
      const v = a.next();
      const t = tableNumber(v);
      if (t === undefined) invarg(run, '"table" value is invalid\n', v);
      req.table = t;
    } else if (abbreviates(w, 'vrf')) {
      a.next();
      req.unsupported ??= 'VRFs';
    } else if (w === 'dev' || w === 'oif') {
      req.dev = a.next();
    } else if (abbreviates(w, 'pref') || w === 'ttl-propagate' || abbreviates(w, 'fastopen_no_cookie')) {
      a.next();
      req.unsupported ??= `the route option "${w}"`;
    } else {
      let word = w;
      if (word === 'to') word = a.next();
      const first = word[0] ?? '';
      const t = first >= '0' && first <= '9' ? undefined : routeType(word);
      if (t !== undefined) {
        word = a.next();
        req.type = t;
        req.typeGiven = true;
      }
      if (abbreviates(word, 'help')) routeUsage(run);
      if (req.dst) duparg2(run, 'to', word);
      req.dst = getPrefix(run, word, req.family);
      adopt(req.dst);
    }
  }
  return req;
}

function sameNexthop(r: KernelRoute, req: RouteRequest, devIndex: number | undefined): boolean {
  if (req.via && r.via !== req.via.addr) return false;
  return devIndex === undefined || r.dev.index === devIndex;
}

export function modifyRoute(run: IpRun, op: Op, words: readonly string[]): number {
  const req = parseRoute(run, words);
  const dst = req.dst;
  if (!dst) routeUsage(run);
  let dev: ReturnType<typeof deviceNamed>;
  if (req.dev !== undefined) {
    dev = deviceNamed(run.host, req.dev);
    if (!dev) return noDevice(run, req.dev);
  }
  if (req.family === 'inet6') return notSimulated(run, 'IPv6');
  if (req.unsupported) return notSimulated(run, req.unsupported);
  const len = Math.max(0, dst.bitlen);
  if (len < 32 && (dst.addr & ~prefixMask(len)) >>> 0 !== 0) return kernelError(run, 'Invalid prefix for given prefix length');
  if (req.typeGiven && req.type !== 'unicast') return notSimulated(run, `${req.type} routes`);
  if (req.table !== undefined && req.table !== 254) return notSimulated(run, 'routing tables other than main');
  if ((req.metric ?? 0) !== 0) return notSimulated(run, 'route metrics');
  if (op !== 'delete' && req.proto !== undefined && req.proto !== 3) return notSimulated(run, 'route protocols other than boot');
  const defaultScope = req.via ? 0 : 253;
  if (op !== 'delete' && req.scope !== undefined && req.scope !== defaultScope) return notSimulated(run, 'a route scope other than the default');
  const via = req.via?.addr as Ipv4 | undefined;
  const change = { dst: dst.addr, len, via, devName: dev?.name, src: req.src?.addr as Ipv4 | undefined };
  const existing = mainRoutes(run.host).filter((r) => r.dst === dst.addr && r.len === len);
  if (op === 'delete') {
    const match = existing.find((r) => sameNexthop(r, req, dev?.index)
      && (req.src === undefined || r.src === req.src.addr)
      && (req.proto === undefined || r.proto === (req.proto === 2 ? 'kernel' : req.proto === 3 ? 'boot' : ''))
      && (req.scope === undefined || r.scope === req.scope));
    if (!match) return rtnetlinkError(run, 'ESRCH');
    if (match.proto === 'kernel') return notSimulated(run, 'deleting a connected (proto kernel) route');
    return result(run, deleteRoute(run.live, run.host, { dst: dst.addr, len, via: match.via, devName: match.dev.name }));
  }
  if (via === undefined && dev === undefined) return rtnetlinkError(run, 'ENODEV');
  if (via === undefined && dev !== undefined && !dev.up) return kernelError(run, 'Device for nexthop is not up');
  const kernelRoute = existing.find((r) => r.proto === 'kernel');
  if (existing.length > 0) {
    if (op === 'add' || op === 'test') return rtnetlinkError(run, 'EEXIST');
    if (op === 'append' || op === 'prepend') return notSimulated(run, 'a second route to the same destination');
    if (kernelRoute) return notSimulated(run, 'replacing a connected (proto kernel) route');
  } else if (op === 'change' || op === 'test') return rtnetlinkError(run, 'ENOENT');
  return result(run, op === 'add' || existing.length === 0 ? addRoute(run.live, run.host, change) : replaceRoute(run.live, run.host, change));
}

function result(run: IpRun, r: ReturnType<typeof addRoute>): number {
  if (r.ok) return 0;
  if (r.errno === 'ENETUNREACH') return kernelError(run, 'Nexthop has invalid gateway');
  if (r.errno === 'EINVAL') return kernelError(run, 'Invalid prefsrc address');
  return rtnetlinkError(run, r.errno);
}

export function doRoute(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) return listRoutes(run, []);
  const [sub, ...rest] = words as [string, ...string[]];
  if (abbreviates(sub, 'add')) return modifyRoute(run, 'add', rest);
  if (abbreviates(sub, 'change') || sub === 'chg') return modifyRoute(run, 'change', rest);
  if (abbreviates(sub, 'replace')) return modifyRoute(run, 'replace', rest);
  if (abbreviates(sub, 'prepend')) return modifyRoute(run, 'prepend', rest);
  if (abbreviates(sub, 'append')) return modifyRoute(run, 'append', rest);
  if (abbreviates(sub, 'test')) return modifyRoute(run, 'test', rest);
  if (abbreviates(sub, 'delete')) return modifyRoute(run, 'delete', rest);
  if (abbreviates(sub, 'list') || abbreviates(sub, 'show') || abbreviates(sub, 'lst')) return listRoutes(run, rest);
  if (abbreviates(sub, 'get')) return routeGet(run, rest);
  if (abbreviates(sub, 'flush')) return flushRoutes(run, rest);
  if (abbreviates(sub, 'save') || abbreviates(sub, 'restore') || abbreviates(sub, 'showdump')) return notSimulated(run, `"ip route ${sub}"`);
  if (abbreviates(sub, 'help')) routeUsage(run);
  return fail255(run, `Command "${sub}" is unknown, try "ip route help".\n`);
}
