/**
 * iputils 20221126's ping on the simulated network: `ping [-c N] [-W S] [-i S] [-w S] [-q] [-n]
 * ADDR`. Options are read as getopt reads them (-c3, -qc 3); values and errors as ping.c checks
 * them; the run is the engine's (runPing), its lines those of ping-format.ts. Exit status 0 when
 * a reply came, 1 when none did, 2 for a usage or address error.
 *
 * Without -c or -w a real ping runs until Ctrl-C; this console cannot interrupt, so it says so.
 */
import { formatIpv4, parseIpv4, runPing, selectSource, startPing, type Ipv4 } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { formatEvent, formatStatistics } from './ping-format';
import { resolveHost } from './url';

/** ping.c's getopt string: letters followed by ':' take a value. */
const OPTSTRING = 'h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:';
const SIMULATED = new Set(['c', 'W', 'i', 'w', 'q', 'n', '4', 's', 'b', 'I', 'V', 't']);
const LONG_MAX = '9223372036854775807';
const INT_MAX = 2147483647;

/** The usage text ping prints after a bad option (captured from the lab VM). */
const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`;

interface PingArgs {
  count: number | undefined;
  lingerMs: number;
  intervalMs: number;
  deadlineMs: number | undefined;
  quiet: boolean;
  dataLen: number;
  broadcast: boolean;
  iface: string | undefined;
  ttl: number | undefined;
  target: string | undefined;
}

type Parsed = { ok: true; args: PingArgs } | { ok: false; status: number };

/** What `ping -V` prints (captured from the lab VM). */
const VERSION = 'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n';

/** strtol_or_err: a whole decimal number within [min, max], else ping's message and exit 1. */
function wholeNumber(ctx: CommandContext, text: string, min: number, max: string): number | undefined {
  if (!/^\s*[-+]?\d+$/.test(text)) {
    ctx.err(`ping: invalid argument: '${text}'\n`);
    return undefined;
  }
  const n = Number(text);
  if (n < min || n > Number(max)) {
    ctx.err(`ping: invalid argument: '${text}': out of range: ${min} <= value <= ${max}\n`);
    return undefined;
  }
  return n;
}

/** ping_strtod: a number of seconds; trailing garbage is warned about and the number before it used. */
function seconds(ctx: CommandContext, text: string): number {
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text);
  if (!m || m[0].length !== text.length) {
    ctx.err(`ping: option argument contains garbage: ${m ? text.slice(m[0].length) : text}\nping: this will become fatal error in the future\n`);
  }
  return m ? Number(m[0]) : 0;
}

function parseArgs(ctx: CommandContext): Parsed {
  const a: PingArgs = {
    count: undefined, lingerMs: 10_000, intervalMs: 1000, deadlineMs: undefined, quiet: false, dataLen: 56, broadcast: false,
    iface: undefined, ttl: undefined, target: undefined,
  };
  const operands: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let k = 1; k < word.length; k++) {
      const letter = word[k] as string;
      const at = OPTSTRING.indexOf(letter);
      if (at < 0 || letter === ':') {
        ctx.err(`ping: invalid option -- '${letter}'\n${USAGE}`);
        return { ok: false, status: 2 };
      }
      let value: string | undefined;
      if (OPTSTRING[at + 1] === ':') {
        value = k + 1 < word.length ? word.slice(k + 1) : argv[++i];
        if (value === undefined) {
          ctx.err(`ping: option requires an argument -- '${letter}'\n${USAGE}`);
          return { ok: false, status: 2 };
        }
        k = word.length;
      }
      if (!SIMULATED.has(letter)) {
        ctx.err(`lvs-flow: ping: option -${letter} is not simulated\n`);
        return { ok: false, status: 2 };
      }
      switch (letter) {
        case 'c': {
          const n = wholeNumber(ctx, value as string, 1, LONG_MAX);
          if (n === undefined) return { ok: false, status: 1 };
          a.count = n;
          break;
        }
        case 'w': {
          const n = wholeNumber(ctx, value as string, 0, String(INT_MAX));
          if (n === undefined) return { ok: false, status: 1 };
          a.deadlineMs = n === 0 ? undefined : n * 1000;
          break;
        }
        case 'W': {
          const s = seconds(ctx, value as string);
          if (s < 0 || s > INT_MAX / 1000) {
            ctx.err(`ping: bad linger time: ${value}\n`);
            return { ok: false, status: 2 };
          }
          a.lingerMs = Math.trunc(s * 1000);
          break;
        }
        case 'i': {
          const s = seconds(ctx, value as string);
          if (s > INT_MAX / 1000) {
            ctx.err(`ping: bad timing interval: ${value}\n`);
            return { ok: false, status: 2 };
          }
          a.intervalMs = Math.trunc(s * 1000);
          break;
        }
        case 'q':
          a.quiet = true;
          break;
        case 's': {
          const n = wholeNumber(ctx, value as string, 0, String(INT_MAX));
          if (n === undefined) return { ok: false, status: 1 };
          a.dataLen = n;
          break;
        }
        case 't': {
          const n = wholeNumber(ctx, value as string, 0, '255');
          if (n === undefined) return { ok: false, status: 1 };
          a.ttl = n;
          break;
        }
        case 'b':
          a.broadcast = true;
          break;
        case 'I':
          a.iface = value;
          break;
        case 'V':
          ctx.out(VERSION);
          return { ok: false, status: 0 };
        default:
          break;
      }
    }
  }
  a.target = operands[operands.length - 1];
  return { ok: true, args: a };
}

/** The host's broadcast addresses (ping refuses them without -b: connect() is EACCES). */
function isBroadcast(ctx: CommandContext, dst: Ipv4): boolean {
  if (dst === 0xffffffff) return true;
  return ctx.live.host(ctx.hostId)?.ifaces.some((i) => i.addrs.some((x) => x.brd === dst)) ?? false;
}

export function ping(ctx: CommandContext): number {
  const parsed = parseArgs(ctx);
  if (!parsed.ok) return parsed.status;
  const a = parsed.args;
  if (a.target === undefined) {
    ctx.err('ping: usage error: Destination address required\n');
    return 1;
  }
  const dst = resolveHost(a.target);
  if (dst === undefined) {
    ctx.err(`ping: ${a.target}: Name or service not known\n`);
    return 2;
  }
  if (isBroadcast(ctx, dst)) {
    if (!a.broadcast) {
      ctx.err('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n');
      return 2;
    }
    ctx.err('WARNING: pinging broadcast address\n');
  }
  if (a.ttl === 0) {
    // IP_TTL refuses 0 for a unicast socket.
    ctx.err('ping: cannot set unicast time-to-live: Invalid argument\n');
    return 2;
  }
  const bound = bindSource(ctx, a.iface, dst);
  if (!bound.ok) return bound.status;
  if (a.count === undefined && a.deadlineMs === undefined && !ctx.background) {
    ctx.err('lvs-flow: ping: without -c or -w ping runs until Ctrl-C, which this console cannot send; try ping -c 3 ' + a.target + '\n');
    return 2;
  }
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  // iputils sends at most one request per MININTERVAL (10 ms) when the interval is 0.
  const opts = {
    dst, count: a.count, intervalMs: Math.max(a.intervalMs, 10), lingerMs: a.lingerMs, deadlineMs: a.deadlineMs, dataLen: a.dataLen,
    ttl: a.ttl, src: bound.src,
  };
  if (a.dataLen + 28 > 65535) {
    ctx.out(`PING ${a.target} (${formatIpv4(dst)}) ${bound.from}${a.dataLen}(${a.dataLen + 28}) bytes of data.\n`);
    // Every simulated device has Ethernet's MTU (the engine models no other).
    return tooLong(ctx, a, 1500);
  }
  if (ctx.background) {
    // Its lines would come after the prompt; like the lab VM's transcript, the console shows none of them.
    const started = startPing(ctx.live, host, opts);
    if ('error' in started) ctx.err('ping: connect: Network is unreachable\n');
    return 'error' in started ? 2 : 0;
  }
  const run = runPing(ctx.live, host, opts);
  if (!run.ok) {
    ctx.err('ping: connect: Network is unreachable\n');
    return 2;
  }
  const named = a.target !== formatIpv4(dst);
  const from = (x: Ipv4): string => (named ? `${a.target} (${formatIpv4(x)})` : formatIpv4(x));
  ctx.out(`PING ${a.target} (${formatIpv4(dst)}) ${bound.from}${a.dataLen}(${a.dataLen + 28}) bytes of data.\n`);
  // Without room for the send time (16 bytes) replies carry no round trip.
  const timed = a.dataLen >= 16;
  let pipe = 0;
  for (const e of run.events) {
    // acknowledge(): how many requests were out when this one was answered.
    const diff = e.sent - e.seq;
    if (diff >= 0 && diff <= 0x7fff) pipe = Math.max(pipe, diff + 1);
    if (!a.quiet) ctx.out(timed || e.kind === 'error' ? formatEvent(e, from(e.from)) : `${e.bytes} bytes from ${from(e.from)}: icmp_seq=${e.seq} ttl=${e.ttl}${e.dup ? ' (DUP!)' : ''}\n`);
  }
  ctx.out(formatStatistics(a.target, { ...run, rttsUs: timed ? run.rttsUs : [], pipe }));
  return !run.received || (a.deadlineMs !== undefined && a.count !== undefined && run.received < a.count) ? 1 : 0;
}

/**
 * -I: an interface (SO_BINDTODEVICE) or one of the host's addresses (bind). The header then
 * names the source: "from SRC IFACE: " or "from SRC : ". A device other than the one the route
 * uses would need the engine to send by device; lvs-flow says so rather than guess.
 */
function bindSource(ctx: CommandContext, iface: string | undefined, dst: Ipv4):
  { ok: true; src: Ipv4 | undefined; from: string; dev: string | undefined } | { ok: false; status: number } {
  const host = ctx.live.host(ctx.hostId);
  const route = host?.routes.lookup(dst);
  const chosen = host && route ? selectSource(route, dst, host.ifaces) : undefined;
  if (iface === undefined || !host) return { ok: true, src: undefined, from: '', dev: route?.dev.name };
  const parsed = parseIpv4(iface);
  const addr = parsed.ok ? parsed.value : undefined;
  if (addr !== undefined) {
    if (!host.ifaces.some((i) => i.addrs.some((x) => x.addr === addr))) {
      ctx.err('ping: bind: Cannot assign requested address\n');
      return { ok: false, status: 2 };
    }
    return { ok: true, src: addr, from: `from ${formatIpv4(addr)} : `, dev: route?.dev.name };
  }
  const dev = host.ifaces.find((i) => i.name === iface);
  if (!dev) {
    ctx.err(`ping: SO_BINDTODEVICE ${iface}: No such device\n`);
    return { ok: false, status: 2 };
  }
  if (route && route.dev.name !== iface) {
    ctx.err(`lvs-flow: ping: -I ${iface}: sending by a device other than the route's (${route.dev.name}) is not simulated\n`);
    return { ok: false, status: 2 };
  }
  return { ok: true, src: undefined, from: `from ${chosen === undefined ? '0.0.0.0' : formatIpv4(chosen)} ${iface}: `, dev: iface };
}

/**
 * A request larger than an IP packet can be: sendmsg fails with EMSGSIZE and ping reports the
 * local error it reads back (counted as an error), once per request.
 */
function tooLong(ctx: CommandContext, a: PingArgs, mtu: number): number {
  const count = a.count ?? 1;
  for (let i = 0; i < count; i++) {
    if (i > 0) ctx.live.advance(a.intervalMs);
    ctx.err(`ping: local error: message too long, mtu=${mtu}\n`);
  }
  ctx.out(formatStatistics(a.target as string, { transmitted: count, received: 0, duplicates: 0, errors: count, spanMs: (count - 1) * a.intervalMs, rttsUs: [], pipe: 0 }));
  return 1;
}

export const PING_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['ping', ping]];
