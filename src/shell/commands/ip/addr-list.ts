/**
 * `ip address show|flush` and `ip link show` (ipaddress.c ipaddr_list_flush_or_save): the
 * filters iproute2 accepts, each device in index order with its addresses, and flushing as a
 * series of deletes (deleting a primary takes its secondaries with it, as the kernel does).
 */
import { formatLinkStats } from './link-stats';
import { deleteAddress, formatIpv4, prefixMask, type IfAddr, type Iface } from '../../../engine';
import { formatLink } from './device';
import { Args, duparg2, invarg } from './exit';
import { getPrefix, type InetPrefix } from './inet';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import { deviceNamed, ifindexOf, type IpRun } from './run';
import { scopeName, scopeNumber } from './scope';
import { addrUsage } from './usage';
import { fnmatch } from '../../fnmatch';
import { isLoopbackHome, LOOPBACK_HOME } from './loopback';

interface Filter {
  dev?: Iface;
  pfx?: InetPrefix;
  scope?: number;
  up: boolean;
  /** secondary: true = only secondaries, false = only primaries. */
  secondary?: boolean;
  label?: string;
}

/** get_filter: an address flag word (with `-` to invert); only primary/secondary are meaningful for IPv4. */
const FILTER_FLAGS = new Set(['secondary', 'temporary', 'nodad', 'optimistic', 'dadfailed', 'home', 'deprecated', 'tentative', 'permanent', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'stable-privacy', 'dynamic', 'primary']);

function flagFilter(f: Filter, word: string): string | 'ok' | undefined {
  const inv = word.startsWith('-');
  const w = inv ? word.slice(1) : word;
  if (!FILTER_FLAGS.has(w)) return undefined;
  if (w === 'secondary' || w === 'temporary') f.secondary = !inv;
  else if (w === 'primary') f.secondary = inv;
  // IPv4 addresses are permanent and have none of the other flags.
  else if ((w === 'permanent') === inv) return 'none';
  return 'ok';
}

type Parsed = { ok: true; filter: Filter; matchesNothing: boolean } | { ok: false; status: number };

function parseFilter(run: IpRun, words: readonly string[], link: boolean): Parsed {
  const a = new Args(words, run);
  const f: Filter = { up: false };
  let devName: string | undefined;
  let matchesNothing = false;
  for (; !a.done; a.advance()) {
    const w = a.cur;
    if (w === 'to') {
      const v = a.next();
      f.pfx = getPrefix(run, v, run.family);
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeNumber(v);
      if (s === undefined && v !== 'all') invarg(run, 'invalid "scope"\n', v);
      if (s !== undefined) f.scope = s;
    } else if (w === 'up') {
      f.up = true;
    } else if (flagFilter(f, w) !== undefined) {
      if (flagFilter(f, w) === 'none') matchesNothing = true;
    } else if (w === 'label') {
      f.label = a.next();
    } else if (w === 'group') {
      const v = a.next();
      if (v !== 'default' && v !== '0') return { ok: false, status: notSimulated(run, 'device groups') };
    } else if (w === 'master' || w === 'vrf') {
      const v = a.next();
      if (!deviceNamed(run.host, v)) invarg(run, w === 'master' ? 'Device does not exist\n' : 'Not a valid VRF name\n', v);
      return { ok: false, status: notSimulated(run, w === 'master' ? 'master devices' : 'VRFs') };
    } else if (w === 'nomaster') {
      // No device has a master here: every device passes.
    } else if (w === 'type') {
      a.next();
      return { ok: false, status: notSimulated(run, 'filtering by link type') };
    } else {
      let name = w;
      if (name === 'dev') name = a.next();
      else if (abbreviates(name, 'help')) addrUsage(run, link);
      if (devName !== undefined) duparg2(run, 'dev', name);
      devName = name;
    }
  }
  if (devName !== undefined) {
    const dev = deviceNamed(run.host, devName);
    if (!dev) {
      run.err(`Device "${devName}" does not exist.\n`);
      return { ok: false, status: 1 };
    }
    f.dev = dev;
  }
  return { ok: true, filter: f, matchesNothing };
}

function addressPasses(f: Filter, dev: Iface, x: IfAddr): boolean {
  if (f.scope !== undefined && x.scope !== f.scope) return false;
  if (f.secondary !== undefined && x.secondary !== f.secondary) return false;
  if (f.label !== undefined && !fnmatch(f.label, x.label)) return false;
  if (f.pfx && f.pfx.family === 'inet' && f.pfx.bitlen > 0 && (((x.addr ^ f.pfx.addr) & prefixMask(f.pfx.bitlen)) >>> 0) !== 0) return false;
  return dev.up || !f.up;
}

/** iproute2's -o: the lines of one record joined by a backslash (its `_SL_`). */
function onOneLine(text: string): string {
  return text.replace(/\n(?!$)/g, '\\');
}

function formatAddress(run: IpRun, x: IfAddr): string {
  if (run.brief) return `${formatIpv4(x.addr)}/${x.len} `;
  return `    inet ${formatIpv4(x.addr)}/${x.len} ${x.brd !== undefined ? `brd ${formatIpv4(x.brd)} ` : ''}scope ${scopeName(x.scope)} ${x.secondary ? 'secondary ' : ''}${x.label}\n       valid_lft forever preferred_lft forever\n`;
}

/** `ip address [show]` and `ip link [show]`. */
export function listAddresses(run: IpRun, words: readonly string[], link: boolean): number {
  const parsed = parseFilter(run, words, link);
  if (!parsed.ok) return parsed.status;
  const { filter: f, matchesNothing } = parsed;
  const withAddrs = run.family !== 'packet';
  // Every address here is IPv4: under -6 no device has one to show.
  const ipv4 = run.family !== 'inet6';
  let out = '';
  for (const dev of run.host.ifaces) {
    if (f.dev && dev !== f.dev) continue;
    const addrs = withAddrs && ipv4 && !matchesNothing ? dev.addrs.filter((x) => addressPasses({ ...f, up: false }, dev, x)) : [];
    // ipaddr_filter: a device with addresses, none of them selected, is left out; one with none at all only when no family was asked for.
    if (withAddrs && addrs.length === 0 && (dev.addrs.length > 0 || run.family !== 'unspec')) continue;
    if (f.up && !dev.up) continue;
    // -o: one line per device (`ip link`) or per address (`ip addr`, which then prints no link lines).
    const oneline = run.oneline && !run.brief;
    if (f.label === undefined && !(oneline && withAddrs)) out += oneline ? onOneLine(formatLink(run, dev, { link })) : formatLink(run, dev, { link });
    if (withAddrs) {
      out += addrs.map((x) => (oneline ? `${ifindexOf(dev)}: ${dev.name}${onOneLine(formatAddress(run, x))}` : formatAddress(run, x))).join('');
      if (run.brief) out += '\n';
    }
    // -s: the device's counters after its link line, or for `ip addr` after its addresses.
    if (run.stats > 0 && !run.brief && !oneline && f.label === undefined) out += formatLinkStats(dev, run.stats);
  }
  run.out(out);
  return 0;
}

/** `ip address flush`: rounds of deletes until nothing matches (at most 10, as max_flush_loops). */
export function flushAddresses(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) {
    run.err('Flush requires arguments.\n');
    return 1;
  }
  if (run.family === 'packet') {
    run.err('Cannot flush link addresses.\n');
    return 1;
  }
  const parsed = parseFilter(run, words, false);
  if (!parsed.ok) return parsed.status;
  const { filter: f, matchesNothing } = parsed;
  for (let round = 0; round < 10; round++) {
    const doomed: Array<[Iface, IfAddr]> = [];
    if (!matchesNothing) {
      for (const dev of run.host.ifaces) {
        if (f.dev && dev !== f.dev) continue;
        for (const x of dev.addrs) if (addressPasses(f, dev, x)) doomed.push([dev, x]);
      }
    }
    if (doomed.some(([dev, x]) => isLoopbackHome(dev, x))) return notSimulated(run, LOOPBACK_HOME);
    if (doomed.length === 0) {
      if (run.stats > 0) run.out(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
    for (const [dev, x] of doomed) if (dev.addrs.includes(x)) deleteAddress(run.live, run.host, dev, x.addr, x.len);
    if (run.stats > 0) run.out(`\n*** Round ${round + 1}, deleting ${doomed.length} addresses ***\n`);
    // Flushing only primaries stops after one round (secondaries are not promoted here anyway).
    if (f.secondary === false) {
      if (run.stats > 0) run.out(`*** Flush is complete after ${round + 1} round${round > 0 ? 's' : ''} ***\n`);
      return 0;
    }
  }
  run.err('*** Flush remains incomplete after 10 rounds. ***\n');
  return 1;
}
