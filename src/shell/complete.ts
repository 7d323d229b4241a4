/**
 * Tab completion as bash with Debian's bash-completion does it for the commands labs type:
 * the word under the cursor is matched against command names, a command's objects, verbs and
 * options, the host's interfaces (aliases included), its sysctl keys, or /proc/sys paths.
 * One match completes the word (and adds a space, or `/` after a folder); several extend it to
 * their longest common prefix and are returned so a second Tab can list them. Pure: what may
 * be completed comes in as `CompletionSources`.
 */
import { SCHEDULER_NAMES } from '../engine';

export interface CompletionSources {
  readonly commands: readonly string[];
  /** Devices and alias labels (eth0, eth0:0, lo:0), as ifconfig and `ip … dev` take them. */
  readonly interfaces: readonly string[];
  /** Dotted sysctl names (net.ipv4.conf.all.arp_ignore): keys for sysctl, paths under /proc/sys. */
  readonly sysctlKeys: readonly string[];
}

export interface Completion {
  /** The line with the word completed, or extended to what every match shares. */
  readonly line: string;
  /** Where the cursor goes in `line`. */
  readonly cursor: number;
  /** Every match, sorted, when there is more than one (a second Tab lists them); else []. */
  readonly candidates: readonly string[];
}

/** What may follow a command's words: a fixed list, interfaces, sysctl keys or paths. */
type Kind = readonly string[] | 'iface' | 'sysctl' | 'path';

const IP_OBJECTS = ['address', 'link', 'route', 'neighbour', 'help'];
const IP_VERBS: Readonly<Record<string, readonly string[]>> = {
  address: ['add', 'change', 'del', 'flush', 'help', 'replace', 'show'],
  link: ['help', 'set', 'show'],
  route: ['add', 'append', 'change', 'del', 'flush', 'get', 'help', 'list', 'replace', 'show'],
  neighbour: ['add', 'change', 'del', 'flush', 'help', 'replace', 'show'],
};
const IP_ARGS = ['dev', 'label', 'via', 'src', 'scope', 'broadcast', 'up', 'down', 'lladdr', 'nud', 'proto', 'metric', 'table'];
const IPVSADM_OPTIONS = [
  '-A', '-E', '-D', '-C', '-R', '-S', '-a', '-e', '-d', '-L', '-Z', '-t', '-u', '-f', '-s', '-r', '-g', '-i', '-m', '-w', '-p', '-n', '-c',
  '--add-service', '--edit-service', '--delete-service', '--clear', '--restore', '--save', '--add-server', '--edit-server',
  '--delete-server', '--list', '--zero', '--tcp-service', '--udp-service', '--fwmark-service', '--scheduler', '--real-server',
  '--gatewaying', '--ipip', '--masquerading', '--weight', '--persistent', '--numeric', '--connection', '--stats', '--rate',
  '--timeout', '--exact', '--sort', '--help',
];

/** Options each command takes, and what follows the options that take a value. */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  ifconfig: ['-a', '-s', '-v', 'up', 'down', 'netmask', 'broadcast', 'arp', '-arp', 'mtu'],
  route: ['-n', '-e', '-ee', '-v', 'add', 'del', '-net', '-host', 'netmask', 'gw', 'dev', 'default', 'metric'],
  arp: ['-a', '-n', '-e', '-d', '-s', '-i', '-v', '-H'],
  sysctl: ['-a', '-n', '-N', '-q', '-w', '-p', '-e', '--all', '--values', '--names', '--write', '--load'],
  ipvsadm: IPVSADM_OPTIONS,
  'ipvsadm-save': ['-n'],
  curl: ['-s', '-S', '-v', '-I', '-i', '-o', '-m', '--max-time', '--connect-timeout', '--silent', '--show-error', '--verbose', '--head', '--include', '--output', '--interface'],
  wget: ['-q', '-O', '-T', '-t', '--timeout', '--tries', '--quiet', '--output-document'],
  ping: ['-c', '-i', '-I', '-W', '-w', '-s', '-t', '-q', '-n'],
  modprobe: ['ipip', '-r'],
  service: ['apache2', 'nginx'],
  systemctl: ['start', 'stop', 'restart', 'reload', 'status'],
  apache2ctl: ['start', 'stop', 'restart', 'graceful'],
  '/etc/init.d/apache2': ['start', 'stop', 'restart', 'reload'],
  '/etc/init.d/nginx': ['start', 'stop', 'restart', 'reload'],
  python3: ['-m', 'http.server'],
};
const AFTER: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  ip: { dev: 'iface', label: 'iface' },
  route: { dev: 'iface' },
  arp: { '-i': 'iface' },
  ping: { '-I': 'iface' },
  curl: { '--interface': 'iface' },
  ipvsadm: { '-s': SCHEDULER_NAMES, '--scheduler': SCHEDULER_NAMES },
  service: { apache2: ['start', 'stop', 'restart', 'reload', 'status'], nginx: ['start', 'stop', 'restart', 'reload', 'status'] },
  systemctl: { start: ['apache2', 'nginx'], stop: ['apache2', 'nginx'], restart: ['apache2', 'nginx'], reload: ['apache2', 'nginx'], status: ['apache2', 'nginx'] },
};

/** bash starts a new command after these. */
const COMMAND_SEPARATORS = new Set([';', '&&', '||', '|', '&']);
/** Reserved words a command may follow (`while curl …`, `do ipvsadm …`, `if ! ping …`). */
const COMMAND_PREFIXES = new Set(['if', 'then', 'elif', 'else', 'while', 'until', 'do', '!']);

/** The words before the cursor (quotes are rare in labs: plain blank-separated words). */
function wordsBefore(text: string): { words: string[]; current: string } {
  // `a;b` is two commands: the separators are words of their own.
  const words = text.replace(/(&&|\|\||[;|&])/g, ' $1 ').split(/[ \t]+/);
  const current = words.pop() ?? '';
  return { words: words.filter((w) => w !== ''), current };
}

/** What may stand where the cursor is, given the command's words so far. */
function kindAt(words: readonly string[]): Kind | 'commands' {
  let start = 0;
  words.forEach((w, i) => { if (COMMAND_SEPARATORS.has(w) || (i === start && COMMAND_PREFIXES.has(w))) start = i + 1; });
  const cmd = words.slice(start);
  const prev = cmd[cmd.length - 1];
  if (prev === '>' || prev === '>>' || prev === '<') return 'path';
  const name = cmd[0];
  if (name === undefined) return 'commands';
  const after = prev !== undefined ? AFTER[name]?.[prev] : undefined;
  if (after !== undefined) return after;
  if (name === 'ip') return ipKind(cmd.slice(1).filter((w) => !w.startsWith('-')));
  if (name === 'sysctl') return 'sysctl';
  if (name === 'ifconfig' && cmd.length === 1) return 'iface';
  return OPTIONS[name] ?? 'path';
}

function ipKind(args: readonly string[]): Kind {
  if (args.length === 0) return IP_OBJECTS;
  const object = IP_OBJECTS.find((o) => o.startsWith(args[0] as string));
  if (args.length === 1) return object !== undefined ? (IP_VERBS[object] ?? []) : [];
  return IP_ARGS;
}

function candidatesFor(kind: Kind | 'commands', current: string, src: CompletionSources): string[] {
  if (kind === 'commands') return src.commands.filter((c) => c.startsWith(current));
  if (kind === 'iface') return src.interfaces.filter((i) => i.startsWith(current));
  if (kind === 'sysctl') return sysctlCandidates(src.sysctlKeys, current);
  if (kind === 'path') return pathCandidates(src.sysctlKeys, current);
  return kind.filter((w) => w.startsWith(current));
}

/** Whole keys, as bash-completion's _sysctl offers `sysctl -a -N`. */
function sysctlCandidates(keys: readonly string[], current: string): string[] {
  return keys.filter((k) => k.startsWith(current));
}

/** Paths under /proc/sys, one level at a time as bash's filename completion goes: folders end in `/`. */
function pathCandidates(keys: readonly string[], current: string): string[] {
  const out = new Set<string>();
  const roots = ['/proc/', '/proc/sys/'];
  for (const r of roots) if (r.startsWith(current) && r.length > current.length) out.add(r);
  if (current.startsWith('/proc/sys/')) {
    for (const k of keys) {
      const path = `/proc/sys/${k.replaceAll('.', '/')}`;
      if (!path.startsWith(current)) continue;
      const next = path.indexOf('/', current.length);
      out.add(next < 0 ? path : path.slice(0, next + 1));
    }
  }
  return [...out];
}

function commonPrefix(words: readonly string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Completes the word before `cursor` in `line`.
 * @example complete('ifconfig lo', 11, src) // { line: 'ifconfig lo ', cursor: 12, candidates: [] } on a host with lo only
 */
export function complete(line: string, cursor: number, src: CompletionSources): Completion {
  const before = line.slice(0, cursor);
  const after = line.slice(cursor);
  const { words, current } = wordsBefore(before);
  const found = [...new Set(candidatesFor(kindAt(words), current, src))].sort();
  const stem = before.slice(0, before.length - current.length);
  if (found.length === 0) return { line, cursor, candidates: [] };
  if (found.length === 1) {
    const word = found[0] as string;
    const tail = word.endsWith('/') || after.startsWith(' ') ? '' : ' ';
    const done = `${stem}${word}${tail}`;
    return { line: done + after, cursor: done.length, candidates: [] };
  }
  const extended = `${stem}${commonPrefix(found)}`;
  return { line: extended + after, cursor: extended.length, candidates: found };
}
