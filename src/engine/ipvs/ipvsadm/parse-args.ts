/**
 * An `ipvsadm` command line as the CLI's `ipvsadm <scenario> -- <options>` passes it: which
 * view it asks for, or exactly what the real tool prints when it refuses the line. Only the
 * views that read the table are simulated (-L/-l and -S); commands that change it belong in
 * a rules file. Names are never resolved: -L without -n prints numbers too.
 */
import { parseCommand } from './command';
import type { CommandEntry } from './entry';
import type { ListOptions } from './format-list';
import { IPPROTO } from './inet';
import type { ServiceKey } from './parse-rules';

export type IpvsadmView = 'list' | 'conns' | 'stats' | 'rate' | 'save' | 'timeout' | 'daemon';

export type IpvsadmArgs =
  | {
      readonly ok: true;
      /** stats and rate are -L layouts too; `list` covers --thresholds, --persistent-conn, --tun-info. */
      readonly view: IpvsadmView;
      /** -n was given (the output is numeric either way). */
      readonly numeric: boolean;
      /** Every -L layout flag, for formatList. */
      readonly list: ListOptions;
      /** -L -t/-u/-f: list this one service only (no version header; "No such service" if absent). */
      readonly service?: ServiceKey;
    }
  /** error: the tool's stderr line; exitCode: its status (2 for fail(), 255 for usage). */
  | { readonly ok: false; readonly error: string; readonly exitCode: number };

function listOptions(ce: CommandEntry): ListOptions {
  const has = (n: Parameters<typeof ce.options.has>[0]): boolean => ce.options.has(n);
  return {
    stats: has('stats'), rate: has('rate'), thresholds: has('thresholds'),
    persistentConn: has('persistent-conn'), tunInfo: has('tun-info'), exact: has('exact'),
    nosort: has('nosort'),
  };
}

function viewOf(ce: CommandEntry): IpvsadmView {
  const has = (n: Parameters<typeof ce.options.has>[0]): boolean => ce.options.has(n);
  if (ce.cmd === 'save') return 'save';
  if (has('connection')) return 'conns';
  if (has('timeout')) return 'timeout';
  if (has('daemon')) return 'daemon';
  // print_title() and print_service_entry() test FMT_STATS before FMT_RATE
  return has('stats') ? 'stats' : has('rate') ? 'rate' : 'list';
}

/**
 * Reads ipvsadm's arguments (without the program name). An empty list is plain `ipvsadm`,
 * which lists the table.
 * @example parseIpvsadmArgs(['-L', '-n', '-c']) // { ok: true, view: 'conns', numeric: true, … }
 */
export function parseIpvsadmArgs(argv: readonly string[]): IpvsadmArgs {
  const ce = parseCommand(argv.length === 0 ? ['-L'] : argv);
  if ('ok' in ce) return ce;
  if (ce.cmd !== 'list' && ce.cmd !== 'save') {
    return { ok: false, error: `lvs-flow shows the table only (-L, -l or -S); put ${ce.cmd} commands in a --rules file`, exitCode: 2 };
  }
  const base = { ok: true, view: viewOf(ce), numeric: ce.options.has('numeric'), list: listOptions(ce) } as const;
  if (ce.cmd !== 'list' || !ce.options.has('service-address')) return base;
  const { svc } = ce;
  const proto = svc.proto === IPPROTO.udp ? 'udp' : svc.proto === IPPROTO.sctp ? 'sctp' : 'tcp';
  return { ...base, service: { proto, vip: svc.addr, port: svc.port, fwmark: svc.fwmark } };
}
