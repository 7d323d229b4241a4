/**
 * net-tools 2.10 route (route.c, lib/inet_sr.c INET_setroute): shows the routing table, or
 * adds and deletes a route with SIOCADDRT / SIOCDELRT. The kernel's checks are the live
 * configuration's (rtentry_to_fib_config, fib_table_insert): a network route needs a netmask
 * that fits its address, a device given as an alias (lo:0) becomes the device with the
 * alias's address as preferred source, a gateway must be on a connected subnet.
 */
import { addRoute, deleteRoute, type Host, type Ipv4, type RouteChange } from '../../../engine';
import type { CommandContext } from '../../command';
import { errnoText } from './errno';
import { inetResolve, slashNetmask } from './inet';
import { formatRouteTable } from './route-show';
import { INET_ROUTE_USAGE, ROUTE_USAGE } from './usage';

const E_OPTERR = 3;
const E_LOOKUP = 6;
const E_SOCK = 7;

const SHORT_OPTS = new Set(['e', 'C', 'F', 'h', 'n', 'N', '4', '6', 'V', 'v', '?', 'A']);
const LONG_OPTS: Readonly<Record<string, string>> = {
  '--extend': 'e', '--verbose': 'v', '--version': 'V', '--numeric': 'n', '--symbolic': 'N', '--protocol': 'A',
  '--cache': 'C', '--fib': 'F', '--help': 'h', '--inet': '4', '--inet6': '6',
};

interface Options {
  numeric: boolean;
  ext: number;
  help: boolean;
  unsupported?: string;
  words: string[];
}

/** getopt_long over "A:eCFhnN64Vv?": options may come anywhere; -net and -host are words (route.c turns them into #net, #host). */
function parseOptions(ctx: CommandContext, argv: readonly string[]): Options | number {
  const o: Options = { numeric: false, ext: 0, help: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      o.words.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-net' || a === '-host' || !a.startsWith('-') || a === '-') {
      o.words.push(a === '-net' ? '#net' : a === '-host' ? '#host' : a);
      continue;
    }
    const opts: Array<{ c: string; arg?: string | undefined }> = [];
    if (a.startsWith('--')) {
      const [name, value] = a.split('=', 2) as [string, string | undefined];
      const c = LONG_OPTS[name];
      if (c === undefined) {
        ctx.err(`route: unrecognized option '${a}'\n${ROUTE_USAGE}`);
        return E_OPTERR;
      }
      opts.push({ c, ...(value !== undefined ? { arg: value } : {}) });
    } else {
      for (let k = 1; k < a.length; k++) {
        const c = a[k] as string;
        if (!SHORT_OPTS.has(c)) {
          ctx.err(`route: invalid option -- '${c}'\n${ROUTE_USAGE}`);
          return E_OPTERR;
        }
        if (c === 'A') {
          opts.push({ c, arg: a.slice(k + 1) || argv[++i] });
          break;
        }
        opts.push({ c });
      }
    }
    for (const { c, arg } of opts) {
      if (c === 'n') o.numeric = true;
      else if (c === 'e') o.ext++;
      else if (c === 'h' || c === '?') o.help = true;
      else if (c === 'V') {
        ctx.out('net-tools 2.10\n');
        return 0;
      } else if (c === 'C') o.unsupported = 'the routing cache (-C)';
      else if (c === '6') o.unsupported = 'IPv6 routes (-6)';
      else if (c === 'A' && arg !== 'inet') o.unsupported = `address family ${arg ?? ''}`;
    }
  }
  return o;
}

function inetUsage(ctx: CommandContext, status: number): number {
  if (status === 0) ctx.out(INET_ROUTE_USAGE);
  else ctx.err(INET_ROUTE_USAGE);
  return status;
}

interface Request {
  change: RouteChange;
  /** The route had RTF_HOST (a -host target, or an address without -net). */
  host: boolean;
}

/** INET_setroute's argument loop and sanity checks; a number is the exit status of a failure already printed. */
function parseRoute(ctx: CommandContext, hostObj: Host, add: boolean, args: string[]): Request | number {
  let xflag = 0;
  if (args[0] === '#net') xflag = 1;
  else if (args[0] === '#host') xflag = 2;
  if (xflag) args.shift();
  const targetWord = args.shift();
  if (targetWord === undefined) return inetUsage(ctx, E_OPTERR);
  let mask: number | undefined;
  let netmaskText = 'default';
  let target = targetWord;
  const slash = target.indexOf('/');
  if (slash >= 0) {
    const p = target.slice(slash + 1);
    mask = slashNetmask(p);
    if (mask === undefined) return inetUsage(ctx, E_OPTERR);
    netmaskText = `/${p}`;
    target = target.slice(0, slash);
  }
  const t = inetResolve(target, xflag === 2);
  if (!t.ok) {
    ctx.err(t.error);
    return E_LOOKUP;
  }
  const isNet = xflag === 1 ? true : xflag === 2 ? false : t.isNet;
  let via: Ipv4 | undefined;
  let dev: string | undefined;
  while (args.length > 0) {
    const w = args.shift() as string;
    if (w === 'metric') {
      const m = args.shift();
      if (m === undefined || !/^[0-9]/.test(m)) return inetUsage(ctx, E_OPTERR);
      if (Number.parseInt(m, 10) !== 0) {
        ctx.err(`route: lvs-flow does not simulate route metrics (metric ${m})\n`);
        return 1;
      }
    } else if (w === 'netmask') {
      const m = args.shift();
      if (m === undefined || mask !== undefined) return inetUsage(ctx, E_OPTERR);
      const r = inetResolve(m);
      if (!r.ok) {
        ctx.err(r.error);
        return E_LOOKUP;
      }
      mask = r.addr;
      netmaskText = m;
    } else if (w === 'gw' || w === 'gateway') {
      const g = args.shift();
      if (g === undefined || via !== undefined) return inetUsage(ctx, E_OPTERR);
      const r = inetResolve(g, true);
      if (!r.ok) {
        ctx.err(r.error);
        return E_LOOKUP;
      }
      if (r.isNet) {
        ctx.err(`route: ${g}: cannot use a NETWORK as gateway!\n`);
        return inetUsage(ctx, E_OPTERR);
      }
      via = r.addr;
    } else if (w === 'dev' || w === 'device') {
      const d = args.shift();
      if (d === undefined || dev !== undefined) return inetUsage(ctx, E_OPTERR);
      dev = d;
    } else if (['mss', 'mtu', 'window', 'irtt', 'reject', 'mod', 'dyn', 'reinstate'].includes(w)) {
      ctx.err(`route: lvs-flow does not simulate "${w}" routes; use -host/-net, netmask, gw and dev\n`);
      return 1;
    } else if (dev === undefined) {
      dev = w;
      if (args.length > 0) return inetUsage(ctx, E_OPTERR);
    } else return inetUsage(ctx, E_OPTERR);
  }
  const dst = t.addr;
  if (mask !== undefined && mask !== 0) {
    const inverted = ~mask >>> 0;
    if (!isNet && inverted !== 0) {
      ctx.err(`route: netmask ${inverted.toString(16).padStart(8, '0')} doesn't make sense with host route\n`);
      return inetUsage(ctx, E_OPTERR);
    }
    if ((inverted & (inverted + 1)) >>> 0 !== 0) {
      ctx.err(`route: bogus netmask ${netmaskText}\n`);
      return inetUsage(ctx, E_OPTERR);
    }
    if ((dst & inverted) >>> 0 !== 0) {
      ctx.err("route: netmask doesn't match route address\n");
      return inetUsage(ctx, E_OPTERR);
    }
  }
  return toKernel(ctx, hostObj, add, { dst, isNet, mask: mask ?? 0, via, dev });
}

/** rtentry_to_fib_config: prefix length, the device (an alias names its device and gives the source). */
function toKernel(ctx: CommandContext, host: Host, add: boolean, r: { dst: Ipv4; isNet: boolean; mask: number; via: Ipv4 | undefined; dev: string | undefined }): Request | number {
  const ioctl = add ? 'SIOCADDRT' : 'SIOCDELRT';
  const fail = (text: string): number => {
    ctx.err(`${ioctl}: ${text}\n`);
    return E_SOCK;
  };
  let len = 32;
  if (r.isNet) {
    const inv = ~r.mask >>> 0;
    if ((r.dst & inv) >>> 0 !== 0 || (inv & (inv + 1)) >>> 0 !== 0) return fail('Invalid argument');
    len = 32 - Math.log2(inv + 1);
  }
  let devName = r.dev;
  let src: Ipv4 | undefined;
  if (devName !== undefined) {
    const colon = devName.indexOf(':');
    const dev = host.ifByName.get(colon < 0 ? devName : devName.slice(0, colon));
    if (!dev) return fail('No such device');
    if (colon >= 0) {
      const alias = dev.addrs.find((a) => a.label === devName);
      if (!alias) return fail('No such device');
      src = alias.addr;
    }
    devName = dev.name;
  }
  return { change: { dst: r.dst, len, via: r.via, devName, ...(add && src !== undefined ? { src } : {}) }, host: !r.isNet };
}

export function route(ctx: CommandContext): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const o = parseOptions(ctx, ctx.argv.slice(1));
  if (typeof o === 'number') return o;
  if (o.help) {
    ctx.out(ROUTE_USAGE);
    return 0;
  }
  if (o.unsupported) {
    ctx.err(`route: lvs-flow simulates the IPv4 routing table only, not ${o.unsupported}\n`);
    return 1;
  }
  const [action, ...rest] = o.words;
  if (action === undefined) {
    ctx.out(formatRouteTable(host, o.numeric, o.ext));
    return 0;
  }
  if (action === 'flush') {
    ctx.err("Flushing `inet' routing table not supported\n");
    return inetUsage(ctx, E_OPTERR);
  }
  if (action !== 'add' && action !== 'del' && action !== 'delete') {
    ctx.err(ROUTE_USAGE);
    return E_OPTERR;
  }
  if (rest.length === 0) return inetUsage(ctx, 0);
  const req = parseRoute(ctx, host, action === 'add', rest);
  if (typeof req === 'number') return req;
  const r = action === 'add' ? addRoute(ctx.live, host, req.change) : deleteRoute(ctx.live, host, req.change);
  if (r.ok) return 0;
  ctx.err(`${action === 'add' ? 'SIOCADDRT' : 'SIOCDELRT'}: ${errnoText(r.errno)}\n`);
  return E_SOCK;
}
