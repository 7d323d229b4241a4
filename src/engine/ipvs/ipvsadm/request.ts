/**
 * What one ipvsadm command line asks for, once parse_options() and process_options() have
 * read it: a view of the table (-L, -l, -S), a change to it (-A -E -D -a -e -d -C), -Z,
 * --set, -R, or the help and version texts. Both the command line and each line of
 * `ipvsadm -R` go through here, as both go through process_options() in ipvsadm.c.
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { DestConfig, SchedulerName, ServiceConfig, ServiceProto } from '../types';
import { parseCommand } from './command';
import type { CommandEntry, CommandError } from './entry';
import type { ListOptions } from './format-list';
import { IPPROTO } from './inet';
import { checkDestAddress, checkScheduler, checkThresholds } from './kernel-errors';
import type { RuleCommand, ServiceKey } from './parse-rules';
import { schedFlagNames } from './sched-flags';

export type IpvsadmView = 'list' | 'conns' | 'stats' | 'rate' | 'save' | 'timeout' | 'daemon';

/** A view: which layout, -n, every -L layout flag, and -t/-u/-f to list one service. */
export interface ViewRequest {
  readonly kind: 'view';
  /** stats and rate are -L layouts too; `list` covers --thresholds, --persistent-conn, --tun-info. */
  readonly view: IpvsadmView;
  /** -n was given (the output is numeric either way). */
  readonly numeric: boolean;
  readonly list: ListOptions;
  /** -L -t/-u/-f: this one service only (no version header; "No such service" if absent). */
  readonly service?: ServiceKey;
}

export type IpvsadmRequest =
  | ViewRequest
  | { readonly kind: 'rule'; readonly rule: RuleCommand; readonly warning?: string }
  | { readonly kind: 'zero'; readonly service?: ServiceKey }
  /** --set tcp tcpfin udp in seconds; 0 keeps the kernel's value. */
  | { readonly kind: 'set-timeouts'; readonly tcpS: number; readonly tcpFinS: number; readonly udpS: number }
  | { readonly kind: 'restore' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export interface RequestOptions {
  /** A line of `ipvsadm -R` (a nested -R is refused as the tool refuses it). */
  readonly readingStdin?: boolean;
  /**
   * Judge the kernel's table-free refusals now (unknown scheduler, -y above -x, a multicast
   * real server), for a rules file read without a table. A live table judges them itself, in
   * the kernel's order (a missing service first).
   */
  readonly tableFreeChecks?: boolean;
  /** The 1-based line the rule carries (rules files); 0 for a command line. */
  readonly line?: number;
}

const PROTO_NAME: Readonly<Record<number, ServiceProto>> = {
  [IPPROTO.tcp]: 'tcp', [IPPROTO.udp]: 'udp', [IPPROTO.sctp]: 'sctp',
};

function serviceKey(ce: CommandEntry): ServiceKey {
  const { svc } = ce;
  return { proto: PROTO_NAME[svc.proto] ?? 'tcp', vip: svc.addr, port: svc.port, fwmark: svc.fwmark };
}

function serviceConfig(ce: CommandEntry): ServiceConfig {
  const { svc } = ce;
  const base: ServiceConfig = {
    ...serviceKey(ce),
    scheduler: svc.sched as SchedulerName,
    schedFlags: schedFlagNames(svc.sched, svc.schedFlags),
  };
  const withP = svc.persistent ? { ...base, persistenceS: svc.timeoutS } : base;
  return ce.options.has('netmask') ? { ...withP, persistenceMask: svc.netmask } : withP;
}

function destConfig(ce: CommandEntry): DestConfig {
  const { addr, port, method, weight, uThreshold, lThreshold } = ce.dest;
  return { addr, port, method, weight, uThreshold, lThreshold };
}

const failed = (error: string): CommandError => ({ ok: false, error, exitCode: 2 });

/** -A -E -D -a -e -d -C as a rule for the table; a string is a refusal. */
function ruleOf(ce: CommandEntry, line: number, checks: boolean): { rule: RuleCommand; warning?: string } | string | null {
  // The scenario (and the packets) know TCP and UDP only.
  if (ce.svc.proto === IPPROTO.sctp && !ce.svc.fwmark && ce.cmd !== 'flush') return 'lvs-flow simulates TCP and UDP services only (--sctp-service)';
  switch (ce.cmd) {
    case 'flush':
      return { rule: { op: 'clear', line } };
    case 'add-service':
    case 'edit-service': {
      if (ce.svc.sched === 'none') return 'lvs-flow does not simulate services without a scheduler (-s none)';
      const bad = checks ? checkScheduler(ce.svc.sched) : null;
      if (bad) return bad;
      return { rule: { op: ce.cmd, line, config: serviceConfig(ce) } };
    }
    case 'delete-service':
      return { rule: { op: 'delete-service', line, service: serviceKey(ce) } };
    case 'delete-server':
      return { rule: { op: 'delete-dest', line, service: serviceKey(ce), addr: ce.dest.addr, port: ce.dest.port } };
    case 'add-server':
    case 'edit-server': {
      const { dest } = ce;
      const bad = checks
        ? checkThresholds(dest.uThreshold, dest.lThreshold) ?? (ce.cmd === 'add-server' ? checkDestAddress(dest.addr) : null)
        : null;
      if (bad) return bad;
      const op = ce.cmd === 'add-server' ? 'add-dest' : 'edit-dest';
      const rule = { op, line, service: serviceKey(ce), config: destConfig(ce) } as const;
      if (dest.givenPort === null || dest.givenPort === dest.port) return { rule };
      const flag = dest.method === 'gate' ? '-g' : '-i';
      const warning =
        `-r ${formatIpv4(dest.addr)}:${dest.givenPort} ${flag}: ipvsadm silently uses the service port, ` +
        `${formatIpv4(dest.addr)}:${dest.port} (direct routing and tunneling cannot change the port)`;
      return { rule: { ...rule, requestedPort: dest.givenPort }, warning };
    }
    default:
      return null;
  }
}

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
 * Reads one ipvsadm command line (without the program name). An empty list is plain
 * `ipvsadm`, which lists the table (main() calls list_all() when argc is 1).
 * @example readIpvsadm(['-A', '-t', '10.10.10.100:80', '-s', 'rr']) // { kind: 'rule', rule: { op: 'add-service', … } }
 */
export function readIpvsadm(argv: readonly string[], opts: RequestOptions = {}): IpvsadmRequest | CommandError {
  const ce = parseCommand(argv.length === 0 ? ['-L'] : argv, opts.readingStdin ?? false);
  if ('info' in ce) return { kind: ce.info };
  if ('ok' in ce) return ce;
  const service = ce.options.has('service-address') ? serviceKey(ce) : undefined;
  switch (ce.cmd) {
    case 'list':
    case 'save': {
      const view = { kind: 'view', view: viewOf(ce), numeric: ce.options.has('numeric'), list: listOptions(ce) } as const;
      return ce.cmd === 'list' && service ? { ...view, service } : view;
    }
    case 'zero':
      return service ? { kind: 'zero', service } : { kind: 'zero' };
    case 'set': {
      const t = ce.timeouts ?? { tcpS: 0, tcpFinS: 0, udpS: 0 };
      return { kind: 'set-timeouts', ...t };
    }
    case 'restore':
      return { kind: 'restore' };
    case 'start-daemon':
    case 'stop-daemon':
      return failed(`lvs-flow does not simulate the connection sync daemon (--${ce.cmd})`);
    default: {
      const r = ruleOf(ce, opts.line ?? 0, opts.tableFreeChecks ?? false);
      if (typeof r === 'string') return failed(r);
      if (r === null) return failed(`lvs-flow does not simulate ipvsadm ${ce.cmd}`);
      return r.warning === undefined ? { kind: 'rule', rule: r.rule } : { kind: 'rule', rule: r.rule, warning: r.warning };
    }
  }
}
