/**
 * `ip neigh show|flush` (ipneigh.c do_show_or_flush): the host's ARP cache with the state each
 * entry has at the current simulated time (a REACHABLE entry past its time shows STALE), and
 * flushing every entry that is not permanent. Static entries (`add`, `del`, …) are not simulated.
 */
import { flushNeighbours, formatIpv4, formatMac, neighStateAt, prefixMask, type Neigh, type NudState } from '../../../engine';
import { Args, duparg, fail255, invarg, noDevice } from './exit';
import { getPrefix, getUnsigned, type InetPrefix } from './inet';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import { deviceNamed, type IpRun } from './run';
import { neighUsage } from './usage';

/** NUD_* bits (include/uapi/linux/neighbour.h). */
const NUD: Record<NudState, number> = { INCOMPLETE: 0x01, REACHABLE: 0x02, STALE: 0x04, DELAY: 0x08, PROBE: 0x10, FAILED: 0x20, PERMANENT: 0x80 };
const NUD_NOARP = 0x40;

/** nud_state_a2n: some names by prefix, the rest exactly, or a single-bit number. */
function nudState(word: string): number | undefined {
  if (abbreviates(word, 'permanent')) return NUD.PERMANENT;
  if (abbreviates(word, 'reachable')) return NUD.REACHABLE;
  const exact: Record<string, number> = { noarp: NUD_NOARP, none: 0, stale: NUD.STALE, incomplete: NUD.INCOMPLETE, delay: NUD.DELAY, probe: NUD.PROBE };
  if (word in exact) return exact[word];
  if (abbreviates(word, 'failed')) return NUD.FAILED;
  const n = getUnsigned(word);
  if (n === undefined || n >= 0x100 || (n & (n - 1)) !== 0) return undefined;
  return n;
}

interface Filter {
  dev?: ReturnType<typeof deviceNamed>;
  state: number;
  pfx?: InetPrefix;
  proxy: boolean;
}

function parse(run: IpRun, words: readonly string[], flush: boolean): { ok: true; f: Filter } | { ok: false; status: number } {
  const f: Filter = { state: flush ? ~(NUD.PERMANENT | NUD_NOARP) : 0xff & ~NUD_NOARP, proxy: false };
  const a = new Args(words, run);
  let devName: string | undefined;
  let stateGiven = false;
  for (; !a.done; a.advance()) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      if (devName !== undefined) duparg(run, 'dev', v);
      devName = v;
    } else if (w === 'master' || w === 'vrf') {
      const v = a.next();
      if (!deviceNamed(run.host, v)) invarg(run, w === 'master' ? 'Device does not exist\n' : 'Not a valid VRF name\n', v);
      return { ok: false, status: notSimulated(run, w === 'master' ? 'master devices' : 'VRFs') };
    } else if (w === 'nomaster' || w === 'unused') {
      // Every entry qualifies: no device has a master, no entry is held by a socket.
    } else if (w === 'nud') {
      const v = a.next();
      if (!stateGiven) {
        stateGiven = true;
        f.state = 0;
      }
      let s = nudState(v);
      if (s === undefined) {
        if (v !== 'all') invarg(run, 'nud state is bad', v);
        s = flush ? ~NUD_NOARP : ~0;
      }
      f.state |= s === 0 ? 0x100 : s;
    } else if (w === 'proxy') {
      f.proxy = true;
    } else if (abbreviates(w, 'protocol')) {
      a.next();
      return { ok: false, status: notSimulated(run, 'neighbour protocols') };
    } else {
      let word = w;
      if (word === 'to') word = a.next();
      if (abbreviates(word, 'help')) neighUsage(run);
      f.pfx = getPrefix(run, word, run.family);
    }
  }
  if (devName !== undefined) {
    const dev = deviceNamed(run.host, devName);
    if (!dev) return { ok: false, status: noDevice(run, devName) };
    f.dev = dev;
  }
  return { ok: true, f };
}

function selected(run: IpRun, f: Filter, n: Neigh): boolean {
  if (f.proxy) return false;
  if (f.dev && n.ifIndex !== f.dev.index) return false;
  if ((f.state & NUD[neighStateAt(n, run.live.now)]) === 0) return false;
  const p = f.pfx;
  if (p && p.family === 'inet' && p.bitlen > 0 && (((n.ip ^ p.addr) & prefixMask(p.bitlen)) >>> 0) !== 0) return false;
  return true;
}

function formatNeigh(run: IpRun, f: Filter, n: Neigh): string {
  const dev = run.host.ifaces[n.ifIndex];
  const devName = dev?.name ?? `if${n.ifIndex + 1}`;
  if (run.brief) {
    return `${formatIpv4(n.ip).padEnd(39)} ${f.dev ? '' : `${devName.padEnd(16)} `}${n.mac !== null ? formatMac(n.mac) : ''}\n`;
  }
  const lladdr = n.mac !== null ? `lladdr ${formatMac(n.mac)} ` : '';
  return `${formatIpv4(n.ip)} ${f.dev ? '' : `dev ${devName} `}${lladdr}${neighStateAt(n, run.live.now)} \n`;
}

function show(run: IpRun, words: readonly string[]): number {
  const p = parse(run, words, false);
  if (!p.ok) return p.status;
  if (run.stats > 0) return notSimulated(run, 'neighbour statistics (-s)');
  if (run.family !== 'unspec' && run.family !== 'inet') return 0;
  run.out(run.host.neigh.all().filter((n) => selected(run, p.f, n)).map((n) => formatNeigh(run, p.f, n)).join(''));
  return 0;
}

function flush(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) {
    run.err('Flush requires arguments.\n');
    return 1;
  }
  const p = parse(run, words, true);
  if (!p.ok) return p.status;
  const removed = run.family === 'unspec' || run.family === 'inet' ? flushNeighbours(run.host, p.f.dev, (n) => selected(run, p.f, n)) : 0;
  if (run.stats > 0) run.out(removed === 0 ? 'Nothing to flush.\n' : `\n*** Round 1, deleting ${removed} entries ***\n*** Flush is complete after 1 round ***\n`);
  return 0;
}

export function doNeigh(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) return show(run, []);
  const [sub, ...rest] = words as [string, ...string[]];
  if (abbreviates(sub, 'add') || abbreviates(sub, 'change') || sub === 'chg' || abbreviates(sub, 'replace') || abbreviates(sub, 'delete')) {
    return notSimulated(run, 'static neighbour entries');
  }
  if (abbreviates(sub, 'get')) return notSimulated(run, '"ip neigh get"');
  if (abbreviates(sub, 'show') || abbreviates(sub, 'lst') || abbreviates(sub, 'list')) return show(run, rest);
  if (abbreviates(sub, 'flush')) return flush(run, rest);
  if (abbreviates(sub, 'help')) neighUsage(run);
  return fail255(run, `Command "${sub}" is unknown, try "ip neigh help".\n`);
}
