/**
 * tcpdump 4.99.3 on a host's console: it opens the interface, prints its header on stderr, then
 * one line per frame that passes the filter, as simulated time brings them, until -c N frames
 * or Ctrl+C (`shell.interrupt(host)`), and then its counts on stderr.
 *
 * This console cannot block on a command. So `tcpdump … &` and a foreground `tcpdump` alike
 * return at once and keep capturing as a job: what it prints later goes to the host's terminal
 * (`shell.terminals.listen`). A foreground `tcpdump -c N` first lets the world run while frames
 * are on the wire, as a real one would wait for them, and returns once it has its N frames.
 */
import { attachCapture, formatMac, type Host } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { captureLine } from './capture-line';
import { matches } from './filter-match';
import { parseFilter } from './filter-parse';
import { printOptions } from './format-options';
import { parseTcpdumpArgs } from './options';
import { VERSION_TEXT } from './usage';

const SNAPLEN = 262144;
/** How long a foreground `tcpdump -c N` lets the world run while frames are in flight (an hour). */
const FOREGROUND_LIMIT_MS = 3_600_000;

/** pcap_lookupdev: the first interface that is up and not loopback, as tcpdump picks without -i. */
function defaultIface(host: Host): string {
  return (host.ifaces.find((i) => i.up && i.name !== 'lo') ?? host.ifaces.find((i) => i.name !== 'lo'))?.name ?? 'lo';
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function tcpdump(ctx: CommandContext): number {
  const parsed = parseTcpdumpArgs(ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.err(parsed.stderr);
    return parsed.status;
  }
  const o = parsed.options;
  if (o.version) {
    ctx.out(VERSION_TEXT);
    return 0;
  }
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const ifname = o.iface ?? defaultIface(host);
  const any = ifname === 'any';
  const iface = host.ifByName.get(ifname);
  if (!any && !iface) {
    ctx.err(`tcpdump: ${ifname}: No such device exists\n(No such device exists)\n`);
    return 1;
  }
  if (ifname === 'lo' || ifname === 'tunl0' || (any && o.link)) {
    ctx.err(`lvs-flow: tcpdump: capturing ${any ? 'with -e on any' : `on ${ifname}`} is not simulated (Ethernet interfaces are, and -i any without -e)\n`);
    return 2;
  }
  const filter = parseFilter(o.filter);
  if (!filter.ok) {
    ctx.err(filter.message.startsWith('lvs-flow:') ? `${filter.message}\n` : `tcpdump: ${filter.message}\n`);
    return filter.message.startsWith('lvs-flow:') ? 2 : 1;
  }
  ctx.err(any ? 'tcpdump: data link type LINUX_SLL2\n' : '');
  ctx.err(o.verbose ? 'tcpdump: ' : 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
  ctx.err(`listening on ${ifname}, link-type ${any ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)'}, snapshot length ${SNAPLEN} bytes\n`);

  // While this command runs its output is the line's; once it has returned, the terminal's.
  let returned = false;
  const print = (stream: 'out' | 'err', text: string): void => {
    if (returned) ctx.terminal(text);
    else if (stream === 'out') ctx.out(text);
    else ctx.err(text);
  };
  const po = printOptions({ link: o.link, quiet: o.quiet, verbose: o.verbose, portNames: !o.numeric });
  const macs = new Map(host.ifaces.map((i) => [i.name, formatMac(i.mac).split(':').map((h) => parseInt(h, 16))]));
  let captured = 0;
  let running = true;
  const finish = (interrupted: boolean): void => {
    if (!running) return;
    running = false;
    capture.detach();
    // The kernel's count of packets that passed the filter; here every one was also printed.
    print('err', `${interrupted ? '\n' : ''}${plural(captured, 'packet')} captured\n${plural(captured, 'packet')} received by filter\n0 packets dropped by kernel\n`);
  };
  const capture = attachCapture(ctx.live, ctx.hostId, ifname, (f) => {
    if (!running || !matches(filter.filter, f.bytes)) return;
    captured++;
    print('out', captureLine(f, po, any, macs.get(f.ifname)));
    if (o.count !== undefined && captured >= o.count) finish(false);
  });
  ctx.startJob({
    hostId: ctx.hostId,
    get running() {
      return running;
    },
    interrupt: () => finish(true),
  });
  if (!ctx.background && o.count !== undefined) {
    const w = ctx.live.world;
    ctx.live.runUntil(ctx.live.now + FOREGROUND_LIMIT_MS, () => !running || (w.inflight === 0 && w.activeClients === 0));
  }
  returned = true;
  return 0;
}

export const TCPDUMP_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['tcpdump', tcpdump]];
