/**
 * The `ip` command (iproute2 6.1, ip.c main): global options, then the object, both matched
 * by prefix in iproute2's own order. address, link, route, rule and neighbour run on the engine;
 * the other objects iproute2 knows are reported as not simulated.
 */
import type { CommandContext } from '../../command';
import { doAddress } from './addr';
import { fail255, invarg, IpExit } from './exit';
import type { Family } from './inet';
import { doLink } from './link';
import { abbreviates } from './matches';
import { doNeigh } from './neigh';
import { notSimulated } from './not-simulated';
import { doRoute } from './route';
import { doRule } from './rule';
import { ipRun, type IpRun } from './run';
import { mainUsage } from './usage';

type ObjectFn = (run: IpRun, words: readonly string[]) => number;

/** ip.c cmds[], in order; null = an object lvs-flow does not simulate. */
const OBJECTS: ReadonlyArray<[string, ObjectFn | null]> = [
  ['address', doAddress], ['addrlabel', null], ['maddress', null], ['route', doRoute], ['rule', doRule],
  ['neighbor', doNeigh], ['neighbour', doNeigh], ['ntable', null], ['ntbl', null], ['link', doLink],
  ['l2tp', null], ['fou', null], ['ila', null], ['macsec', null], ['tunnel', null], ['tunl', null],
  ['tuntap', null], ['tap', null], ['token', null], ['tcpmetrics', null], ['tcp_metrics', null], ['monitor', null],
  ['xfrm', null], ['mroute', null], ['mrule', null], ['netns', null], ['netconf', null], ['vrf', null], ['sr', null],
  ['nexthop', null], ['mptcp', null], ['ioam', null], ['help', (run) => mainUsage(run)], ['stats', null],
];

/** read_family. */
const FAMILIES: Record<string, Family | 'other'> = { inet: 'inet', inet6: 'inet6', link: 'packet', ipx: 'other', dnet: 'other', mpls: 'other', bridge: 'other' };

type Effect = ((run: IpRun) => void) | string;

/**
 * ip.c's options in its order (so `-b` is -batch, `-h` -human, `-r` -resolve): the name, whether
 * it must be typed in full, whether a value follows, and its effect or what is not simulated.
 */
const OPTIONS: ReadonlyArray<{ name: string; exact?: true; value?: true; effect: (run: IpRun, value: string) => Effect }> = [
  { name: '-loops', value: true, effect: () => () => undefined },
  { name: '-family', value: true, effect: familyOption },
  { name: '-4', exact: true, effect: () => (r) => { r.family = 'inet'; } },
  { name: '-6', exact: true, effect: () => (r) => { r.family = 'inet6'; } },
  { name: '-0', exact: true, effect: () => (r) => { r.family = 'packet'; } },
  { name: '-M', exact: true, effect: () => 'the MPLS family' },
  { name: '-B', exact: true, effect: () => 'the bridge family' },
  { name: '-human', effect: () => () => undefined },
  { name: '-human-readable', effect: () => () => undefined },
  { name: '-iec', effect: () => () => undefined },
  { name: '-stats', effect: () => (r) => { r.stats++; } },
  { name: '-statistics', effect: () => (r) => { r.stats++; } },
  { name: '-details', effect: () => 'detailed output (-d)' },
  { name: '-resolve', effect: () => 'name resolution (-r)' },
  { name: '-oneline', effect: () => (r) => { r.oneline = true; } },
  { name: '-timestamp', effect: () => 'timestamps (-t)' },
  { name: '-tshort', effect: () => 'timestamps (-ts)' },
  { name: '-Version', effect: () => 'version' },
  { name: '-force', effect: () => () => undefined },
  { name: '-batch', value: true, effect: () => 'batch mode (-batch)' },
  { name: '-brief', effect: () => (r) => { r.brief = true; } },
  { name: '-json', effect: () => 'JSON output (-j)' },
  { name: '-pretty', effect: () => 'JSON output (-p)' },
  { name: '-rcvbuf', value: true, effect: rcvbufOption },
  { name: '-color', effect: () => 'colour output (-c)' },
  { name: '-help', effect: (run) => mainUsage(run) },
  { name: '-netns', value: true, effect: () => 'network namespaces (-netns)' },
  { name: '-Numeric', effect: () => () => undefined },
  { name: '-all', effect: () => 'batch mode (-a)' },
  { name: '-echo', exact: true, effect: () => 'echoed requests (-echo)' },
];

function familyOption(run: IpRun, value: string): Effect {
  if (value === 'help') mainUsage(run);
  const f = FAMILIES[value];
  if (f === undefined) invarg(run, 'invalid protocol family', value);
  return f === 'other' ? `the ${value} family` : (r) => { r.family = f; };
}

function rcvbufOption(run: IpRun, value: string): Effect {
  if (!/^\d+$/.test(value)) fail255(run, `Invalid rcvbuf size '${value}'\n`);
  return () => undefined;
}

/** matches_color: `-color` with an optional `=always|auto|never`. */
function optionNamed(opt: string): (typeof OPTIONS)[number] | undefined {
  const bare = opt.replace(/=.*$/, '');
  return OPTIONS.find((o) => (o.exact ? opt === o.name : o.name === '-color' ? abbreviates(bare, o.name) && bare.length > 1 : abbreviates(opt, o.name)));
}

/** The global options; returns the words left, or a status when an option ends `ip` early. */
function parseOptions(run: IpRun, argv: readonly string[]): { words: string[] } | { status: number } {
  const words = [...argv];
  let unsupported: string | undefined;
  while (words.length > 0) {
    let opt = words[0] as string;
    if (opt === '--') {
      words.shift();
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt[1] === '-') opt = opt.slice(1);
    const o = optionNamed(opt);
    if (!o) fail255(run, `Option "${opt}" is unknown, try "ip -help".\n`);
    if (o.name === '-Version') {
      run.out('ip utility, iproute2-6.1.0, libbpf 1\n');
      return { status: 0 };
    }
    let value = '';
    if (o.value) {
      if (words.length < 2) {
        if (o.name === '-netns') fail255(run, 'Command line is not complete. Try option "help"\n');
        mainUsage(run);
      }
      value = words[1] as string;
      words.shift();
    }
    const effect = o.name === '-color' && /=never$/.test(opt) ? () => undefined : o.effect(run, value);
    if (typeof effect === 'string') unsupported ??= effect;
    else effect(run);
    words.shift();
  }
  if (unsupported !== undefined && words.length > 0) return { status: notSimulated(run, unsupported) };
  return { words };
}

function runIp(run: IpRun, argv: readonly string[]): number {
  const parsed = parseOptions(run, argv);
  if ('status' in parsed) return parsed.status;
  const [object, ...rest] = parsed.words;
  if (object === undefined) return mainUsage(run);
  for (const [name, fn] of OBJECTS) {
    if (!abbreviates(object, name)) continue;
    return fn ? fn(run, rest) : notSimulated(run, `"ip ${name}"`);
  }
  run.err(`Object "${object}" is unknown, try "ip help".\n`);
  return 1;
}

export function ip(ctx: CommandContext): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) {
    ctx.err('Cannot open netlink socket: No such process\n');
    return 1;
  }
  try {
    return runIp(ipRun(ctx, host), ctx.argv.slice(1));
  } catch (e) {
    if (e instanceof IpExit) return e.status;
    throw e;
  }
}
