/**
 * One ipvsadm command line read as ipvsadm.c's parse_options() and process_options() read
 * it, up to the moment the tool would call the kernel: the same defaults (weight 1, -g,
 * scheduler wlc, persistence 360 s), the same checks in the same order, the same messages.
 * What the kernel then refuses is in kernel-errors.ts; what the simulator cannot model is
 * refused last, so that every error the real tool gives wins.
 */
import { applyOption } from './command-options';
import {
  DEF_SCHED, failed, MAX_TIMEOUT_S, newEntry, TRY_HELP, type CommandEntry, type CommandError, type CommandInfo,
} from './entry';
import { IPPROTO, stringToNumber } from './inet';
import { genericOptCheck, tunnelOptCheck, type Command, type OptionName } from './opt-check';
import { poptReader, type OptId } from './popt';

const FIRST: Partial<Record<OptId, Command>> = {
  'add-service': 'add-service', 'edit-service': 'edit-service',
  'delete-service': 'delete-service', clear: 'flush', list: 'list', zero: 'zero',
  'add-server': 'add-server', 'edit-server': 'edit-server', 'delete-server': 'delete-server',
  set: 'set', restore: 'restore', save: 'save',
  'start-daemon': 'start-daemon', 'stop-daemon': 'stop-daemon',
};

/** parse_sched_flags()'s names: the bit each sets, and the scheduler it belongs to. */
const SCHED_FLAGS = new Map<string, { bit: number; only?: string }>([
  ['flag-1', { bit: 1 }], ['flag-2', { bit: 2 }], ['flag-3', { bit: 4 }],
  ['sh-fallback', { bit: 1, only: 'sh' }], ['sh-port', { bit: 2, only: 'sh' }],
  ['mh-fallback', { bit: 1, only: 'mh' }], ['mh-port', { bit: 2, only: 'mh' }],
]);

/** parse_sched_flags(): -b names (strtok on ",") to bits, checked against the scheduler. */
function parseSchedFlags(sched: string, arg: string): number | CommandError {
  let bits = 0;
  for (const flag of arg.split(',').filter((f) => f !== '')) {
    const f = SCHED_FLAGS.get(flag);
    if (!f) return failed(`invalid scheduler flag \`${flag}'`);
    bits |= f.bit;
    if (f.only && f.only !== (sched || DEF_SCHED)) return failed(`incompatible scheduler flag \`${flag}'`);
  }
  return bits;
}

/** Forward-method and tunnel checks of process_options() for -a/-e. */
function checkServer(ce: CommandEntry): CommandError | null {
  const { svc, dest, options } = ce;
  const tunnel = dest.method === 'ipip';
  // "The destination port must be equal to the service port if the IP_VS_CONN_F_TUNNEL or
  // IP_VS_CONN_F_DROUTE is set. Don't worry about this if fwmark is used." No message.
  if (!svc.fwmark && (tunnel || dest.method === 'gate')) dest.port = svc.port;
  if (svc.af !== 4 && !tunnel) return failed('Different address family is allowed only for tunneling servers');
  const tunOpts: OptionName[] = ['tun-type', 'tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'];
  if (tunOpts.some((t) => options.has(t)) && !tunnel) return failed('Tunnel options conflict with forward method');
  const t = tunnelOptCheck(dest.tunType, options);
  return t === null ? null : failed(t);
}

/**
 * Reads one command line (without the program name). `readingStdin` is true for the lines
 * of ipvsadm -R, where a nested -R is refused as the tool refuses it.
 */
export function parseCommand(argv: readonly string[], readingStdin = false): CommandEntry | CommandError | CommandInfo {
  const popt = poptReader(argv);
  const first = popt.next();
  if (first.kind !== 'opt') return failed(TRY_HELP, 255);
  // usage_exit() and version_exit(): the first option only; later they are invalid options.
  if (first.id === 'help' || first.id === 'version') return { ok: true, info: first.id };
  const cmd = FIRST[first.id];
  if (!cmd) return failed(TRY_HELP, 255);
  if (first.id === 'start-daemon' || first.id === 'stop-daemon') {
    if (first.arg !== 'master' && first.arg !== 'backup') {
      return failed(first.id === 'start-daemon' ? 'illegal start-daemon parameter specified' : 'illegal start_daemon specified');
    }
  }
  const ce = newEntry(cmd);
  for (let ev = popt.next(); ev.kind !== 'end'; ev = popt.next()) {
    if (ev.kind === 'error') return { ...failed(ev.message, 255), skipsLine: true };
    const e = applyOption(ce, ev.id, ev.arg, ev.raw);
    if (e) return e;
  }
  let used = 0;
  if (cmd === 'set') {
    const [tcp, tcpFin, udp] = popt.leftovers;
    if (tcp === undefined || tcpFin === undefined || udp === undefined) return failed('--set option requires 3 timeout values');
    const t = [tcp, tcpFin, udp].map((v) => stringToNumber(v, 0, MAX_TIMEOUT_S) ?? v);
    const bad = t.find((v) => typeof v === 'string');
    if (bad !== undefined) return failed(`invalid timeout value \`${bad}' specified`);
    ce.timeouts = { tcpS: t[0] as number, tcpFinS: t[1] as number, udpS: t[2] as number };
    used = 3;
  }
  const extra = popt.leftovers[used];
  if (extra !== undefined) return failed(`unexpected argument ${extra}`);
  if (ce.schedFlagsArg) {
    const bits = parseSchedFlags(ce.svc.sched, ce.schedFlagsArg);
    if (typeof bits !== 'number') return bits;
    ce.svc.schedFlags = bits;
  }
  const generic = genericOptCheck(cmd, ce.options);
  if (generic) return failed(generic);
  const { svc, options } = ce;
  if (cmd === 'add-service' || cmd === 'edit-service') {
    if (!svc.fwmark && !svc.port && !svc.persistent) return failed('Zero port specified for non-persistent service');
    if (svc.onePacket && !svc.fwmark && svc.proto !== IPPROTO.udp) {
      return failed('One-Packet Scheduling is only for UDP virtual services');
    }
    if (svc.sched === '') svc.sched = DEF_SCHED;
  }
  if (cmd === 'add-server' || cmd === 'edit-server') {
    const e = checkServer(ce);
    if (e) return e;
  }
  if (cmd === 'list') {
    const what = options.has('connection') || options.has('timeout') || options.has('daemon');
    const how = options.has('stats') || options.has('rate') || options.has('thresholds');
    if ((what && how) || ((options.has('timeout') || options.has('daemon')) && options.has('persistent-conn'))) {
      return failed('options conflicts in the list command');
    }
  }
  if (cmd === 'restore' && readingStdin) return failed(TRY_HELP, 255);
  return ce.unsupported === null ? ce : failed(ce.unsupported);
}
