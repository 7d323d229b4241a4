/**
 * The option reader ipvsadm uses: popt (src/popt.c poptGetNextOpt) over ipvsadm.c's
 * options_table. Short options cluster (`-Ln`), take an attached argument (`-w3`, `-w=3`) or
 * the next word; long options take `--weight 3` or `--weight=3` and must be spelled in full;
 * `-p` takes its optional timeout only when the next word does not start with `-`. Words that
 * are not options are kept aside (popt's leftovers) and ipvsadm refuses them at the end.
 */

/** ipvsadm's long option names, which double as ids; `list` serves both -L and -l. */
export type OptId =
  | 'add-service' | 'edit-service' | 'delete-service' | 'clear' | 'list' | 'zero'
  | 'add-server' | 'edit-server' | 'delete-server' | 'set' | 'help' | 'version'
  | 'restore' | 'save' | 'start-daemon' | 'stop-daemon' | 'tcp-service' | 'udp-service'
  | 'sctp-service' | 'fwmark-service' | 'scheduler' | 'persistent' | 'netmask' | 'real-server'
  | 'masquerading' | 'ipip' | 'gatewaying' | 'weight' | 'u-threshold' | 'l-threshold'
  | 'numeric' | 'connection' | 'mcast-interface' | 'syncid' | 'timeout' | 'daemon' | 'stats'
  | 'rate' | 'thresholds' | 'persistent-conn' | 'nosort' | 'sort' | 'exact' | 'ipv6' | 'ops'
  | 'pe' | 'sched-flags' | 'mcast-group' | 'mcast-port' | 'mcast-ttl' | 'sync-maxlen'
  | 'tun-info' | 'tun-type' | 'tun-port' | 'tun-nocsum' | 'tun-csum' | 'tun-remcsum';

type ArgKind = 'none' | 'string' | 'optional';

interface OptDef {
  readonly id: OptId;
  readonly short: string;
  readonly arg: ArgKind;
}

const o = (id: OptId, short: string, arg: ArgKind): OptDef => ({ id, short, arg });

/** In options_table order: popt returns the first match. */
const OPTIONS: readonly OptDef[] = [
  o('add-service', 'A', 'none'), o('edit-service', 'E', 'none'), o('delete-service', 'D', 'none'),
  o('clear', 'C', 'none'), o('list', 'L', 'none'), o('list', 'l', 'none'), o('zero', 'Z', 'none'),
  o('add-server', 'a', 'none'), o('edit-server', 'e', 'none'), o('delete-server', 'd', 'none'),
  o('set', '', 'none'), o('help', 'h', 'none'), o('version', 'v', 'none'), o('restore', 'R', 'none'),
  o('save', 'S', 'none'), o('start-daemon', '', 'string'), o('stop-daemon', '', 'string'),
  o('tcp-service', 't', 'string'), o('udp-service', 'u', 'string'), o('sctp-service', '', 'string'),
  o('fwmark-service', 'f', 'string'), o('scheduler', 's', 'string'), o('persistent', 'p', 'optional'),
  o('netmask', 'M', 'string'), o('real-server', 'r', 'string'), o('masquerading', 'm', 'none'),
  o('ipip', 'i', 'none'), o('gatewaying', 'g', 'none'), o('weight', 'w', 'string'),
  o('u-threshold', 'x', 'string'), o('l-threshold', 'y', 'string'), o('numeric', 'n', 'none'),
  o('connection', 'c', 'none'), o('mcast-interface', '', 'string'), o('syncid', '', 'string'),
  o('timeout', '', 'none'), o('daemon', '', 'none'), o('stats', '', 'none'), o('rate', '', 'none'),
  o('thresholds', '', 'none'), o('persistent-conn', '', 'none'), o('nosort', '', 'none'),
  o('sort', '', 'none'), o('exact', 'X', 'none'), o('ipv6', '6', 'none'), o('ops', 'o', 'none'),
  o('pe', '', 'string'), o('sched-flags', 'b', 'string'), o('mcast-group', '', 'string'),
  o('mcast-port', '', 'string'), o('mcast-ttl', '', 'string'), o('sync-maxlen', '', 'string'),
  o('tun-info', '', 'none'), o('tun-type', '', 'string'), o('tun-port', '', 'string'),
  o('tun-nocsum', '', 'none'), o('tun-csum', '', 'none'), o('tun-remcsum', '', 'none'),
];

export type PoptEvent =
  | { readonly kind: 'opt'; readonly id: OptId; readonly arg: string | null; readonly raw: string }
  | { readonly kind: 'end' }
  /** popt's own refusal, worded as ipvsadm prints it: `-w: missing argument`. */
  | { readonly kind: 'error'; readonly message: string };

export interface PoptReader {
  next(): PoptEvent;
  /** Non-option words met so far (poptGetArg order). */
  readonly leftovers: readonly string[];
}

/** Reads argv (without the program name) one option at a time, as poptGetNextOpt does. */
export function poptReader(argv: readonly string[]): PoptReader {
  let next = 0;
  let cluster: string | null = null; // popt's nextCharArg: the rest of a `-abc` word
  let restLeftover = false;
  const leftovers: string[] = [];

  // poptBadOption(): the word that held the option being read.
  const fail = (why: string): PoptEvent => ({ kind: 'error', message: `${argv[next - 1] ?? ''}: ${why}` });

  function read(): PoptEvent {
    for (;;) {
      if (cluster === null && next === argv.length) return { kind: 'end' };
      let def: OptDef | undefined;
      let longArg: string | null = null;
      if (cluster === null) {
        const word = argv[next++] ?? '';
        if (restLeftover || !word.startsWith('-') || word === '-') {
          leftovers.push(word);
          continue;
        }
        if (word === '--') {
          restLeftover = true;
          continue;
        }
        if (word.startsWith('--')) {
          const eq = word.indexOf('=');
          const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
          if (eq >= 0) longArg = word.slice(eq + 1);
          // Exact names only: popt has no unique-prefix matching.
          def = OPTIONS.find((d) => d.id === name);
          if (!def) return fail('unknown option');
        } else {
          // ipvsadm marks no option POPT_ARGFLAG_ONEDASH, so `-x…` is always short options.
          cluster = word.slice(1);
        }
      }
      if (!def) {
        const ch = (cluster ?? '').charAt(0);
        const rest = (cluster ?? '').slice(1);
        cluster = rest === '' ? null : rest;
        def = OPTIONS.find((d) => d.short !== '' && d.short === ch);
        if (!def) return fail('unknown option');
      }
      if (def.arg === 'none') {
        if (longArg !== null || (cluster !== null && cluster.startsWith('='))) {
          return fail('option does not take an argument');
        }
        return { kind: 'opt', id: def.id, arg: null, raw: argv[next - 1] ?? '' };
      }
      let arg: string | null;
      if (longArg !== null) {
        arg = longArg;
      } else if (cluster !== null) {
        arg = cluster.startsWith('=') ? cluster.slice(1) : cluster;
        cluster = null;
      } else if (next === argv.length) {
        if (def.arg !== 'optional') return fail('missing argument');
        arg = null;
      } else if (def.arg === 'optional' && (argv[next] ?? '').startsWith('-')) {
        arg = null;
      } else {
        arg = argv[next++] ?? '';
      }
      // raw is what poptBadOption() would name: the last word read, argument included.
      return { kind: 'opt', id: def.id, arg, raw: argv[next - 1] ?? '' };
    }
  }

  return { next: read, leftovers };
}
