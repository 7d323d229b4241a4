/**
 * procps-ng 4.0.2 sysctl (src/sysctl.c): read keys (`sysctl KEY`, a folder lists its files),
 * write them (`KEY=VALUE`, or every argument with -w), load files (-p [FILE…], default
 * /etc/sysctl.conf: comments, blank lines, `key = value`, a `-` prefix that forgives a
 * failed write), list everything (-a: the net.ipv4 tree, the part of /proc/sys the simulation
 * has). Keys may use / instead of . as in the real tool. Messages and exit statuses are
 * sysctl's own: a missing key is "cannot stat /proc/sys/…", a refused value is the kernel's
 * EINVAL.
 */
import type { CommandContext } from '../../command';
import { listSysctl, lookupSysctl, readSysctl, writeSysctl } from '../../proc-sys';
import { SYSCTL_USAGE } from './usage';

const PROC = '/proc/sys/';

interface Flags {
  printName: boolean;
  printNewline: boolean;
  ignoreError: boolean;
  quiet: boolean;
  nameOnly: boolean;
  write: boolean;
  all: boolean;
  load: boolean;
  loadFile?: string;
  /** -r / --pattern: only keys this extended regular expression matches (regexec on the dotted name). */
  pattern?: RegExp;
}

/** slashdot(): swap the two separators when the first one found is `old`. */
function slashdot(s: string, old: string, replacement: string): string {
  const first = /[./]/.exec(s);
  if (!first || first[0] === replacement) return s;
  return s.replace(/[./]/g, (c) => (c === old ? replacement : old));
}

class Sysctl {
  constructor(private readonly ctx: CommandContext, private readonly f: Flags) {}

  private warn(text: string): void {
    this.ctx.err(`sysctl: ${text}\n`);
  }

  /** The part of /proc/sys the simulation does not have is said plainly, not as a missing file. */
  private outside(dotted: string): boolean {
    if (dotted === 'net' || dotted === 'net.ipv4' || dotted.startsWith('net.ipv4.')) return false;
    this.warn(`lvs-flow simulates net.ipv4 only, not ${dotted}`);
    return true;
  }

  read(name: string): number {
    if (this.f.pattern && !this.f.pattern.test(slashdot(name, '/', '.'))) return 0;
    const path = PROC + slashdot(name, '.', '/');
    const dotted = slashdot(name, '/', '.');
    if (this.outside(dotted)) return 1;
    const node = lookupSysctl(this.ctx.live, this.ctx.hostId, dotted);
    if (!node) {
      if (this.f.ignoreError) return 0;
      this.warn(`cannot stat ${path}: No such file or directory`);
      return 1;
    }
    if (node.kind === 'dir') {
      for (const key of listSysctl(this.ctx.live, this.ctx.hostId, dotted)) this.read(key);
      return 0;
    }
    if (this.f.nameOnly) {
      this.ctx.out(`${dotted}\n`);
      return 0;
    }
    const value = readSysctl(this.ctx.live, this.ctx.hostId, node);
    if (this.f.printName) this.ctx.out(`${dotted} = ${value}\n`);
    else this.ctx.out(this.f.printNewline ? `${value}\n` : value);
    return 0;
  }

  write(key: string, value: string): number {
    const rel = slashdot(key.startsWith('-') ? key.slice(1) : key, '.', '/');
    const dotted = slashdot(rel, '/', '.');
    if (this.outside(dotted)) return 1;
    const node = lookupSysctl(this.ctx.live, this.ctx.hostId, dotted);
    if (!node) {
      if (this.f.ignoreError) return 0;
      this.warn(`cannot stat ${PROC}${rel}: No such file or directory`);
      return 1;
    }
    if (node.kind === 'dir') {
      this.warn(`setting key "${dotted}": Invalid argument`);
      return 0;
    }
    const r = writeSysctl(this.ctx.live, this.ctx.hostId, node, `${value}\n`);
    if (!r.ok) {
      // The kernel's EINVAL comes back when the file is closed: a `-` prefix does not forgive it.
      if ('errno' in r) this.warn(`setting key "${dotted}": Invalid argument`);
      else this.warn(r.unsupported);
      return 1;
    }
    if (this.f.quiet) return 0;
    if (this.f.nameOnly) this.ctx.out(`${value}\n`);
    else if (this.f.printName) this.ctx.out(`${dotted} = ${value}\n`);
    else this.ctx.out(this.f.printNewline ? `${value}\n` : value);
    return 0;
  }
}

interface Setting {
  key: string;
  value: string | undefined;
  ignoreFailure: boolean;
}

/** parse_setting_line: undefined for a comment or a line too short; 'invalid' after its warning. */
function parseSettingLine(line: string): Setting | 'skip' | 'invalid' {
  const key0 = line.replace(/^\s+/, '');
  if (key0.length < 2 || key0.startsWith('#') || key0.startsWith(';')) return 'skip';
  const eq = key0.indexOf('=');
  if (eq < 0) {
    if (key0.startsWith('-')) return { key: key0.slice(1).replace(/\s+$/, ''), value: undefined, ignoreFailure: false };
    return 'invalid';
  }
  let key = key0.slice(0, eq).replace(/\s+$/, '');
  const ignoreFailure = key.startsWith('-');
  if (ignoreFailure) key = key.slice(1);
  return { key, value: key0.slice(eq + 1).trim(), ignoreFailure };
}

function parseFlags(ctx: CommandContext, args: string[]): { flags: Flags; words: string[] } | number {
  const f: Flags = { printName: true, printNewline: true, ignoreError: false, quiet: false, nameOnly: false, write: false, all: false, load: false };
  const words: string[] = [];
  const long: Readonly<Record<string, string>> = {
    '--all': 'a', '--binary': 'b', '--ignore': 'e', '--names': 'N', '--values': 'n', '--quiet': 'q', '--write': 'w', '--help': 'h', '--load': 'p',
    '--pattern': 'r',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    const opts: Array<[string, string | undefined]> = [];
    if (a.startsWith('--')) {
      const [name, value] = a.split('=', 2) as [string, string | undefined];
      const c = long[name];
      if (c === undefined) {
        ctx.err(`sysctl: unrecognized option '${a}'\n${SYSCTL_USAGE}`);
        return 0;
      }
      // --pattern requires its argument: the next word when not given with `=`.
      if (c === 'r' && value === undefined && i + 1 < args.length) opts.push([c, args[++i]]);
      else opts.push([c, value]);
    } else {
      for (let k = 1; k < a.length; k++) {
        const c = a[k] as string;
        if (c === 'p' || c === 'f') {
          opts.push(['p', a.slice(k + 1) || undefined]);
          break;
        }
        if (c === 'r') {
          const rest = a.slice(k + 1);
          opts.push(['r', rest !== '' ? rest : args[++i]]);
          break;
        }
        opts.push([c, undefined]);
      }
    }
    for (const [c, arg] of opts) {
      if (c === 'b') {
        f.printNewline = false;
        f.printName = false;
      } else if (c === 'n') f.printName = false;
      else if (c === 'e') f.ignoreError = true;
      else if (c === 'N') f.nameOnly = true;
      else if (c === 'w') f.write = true;
      else if (c === 'r') {
        const re = patternOf(ctx, arg);
        if (typeof re === 'number') return re;
        f.pattern = re;
      }
      else if (c === 'p') {
        f.load = true;
        if (arg !== undefined) f.loadFile = arg;
      } else if (c === 'q') f.quiet = true;
      else if (c === 'a' || c === 'A' || c === 'X') f.all = true;
      else if (c === 'o' || c === 'x') continue;
      else if (c === 'h' || c === 'd') {
        ctx.out(SYSCTL_USAGE);
        return 0;
      } else {
        // getopt's complaint, then usage on stdout: sysctl treats '?' like -h.
        ctx.err(`sysctl: invalid option -- '${c}'\n`);
        ctx.out(SYSCTL_USAGE);
        return 0;
      }
    }
  }
  return { flags: f, words };
}

/** -r's expression (an ERE, which JavaScript reads alike for the patterns keys need). */
function patternOf(ctx: CommandContext, text: string | undefined): RegExp | number {
  if (text === undefined) {
    ctx.err("sysctl: option requires an argument -- 'r'\n");
    ctx.out(SYSCTL_USAGE);
    return 0;
  }
  try {
    return new RegExp(text);
  } catch {
    ctx.err(`sysctl: lvs-flow cannot read the pattern "${text}" as a regular expression\n`);
    return 1;
  }
}

/** -p: every file's settings are collected first (with their warnings), then written in order. */
function load(ctx: CommandContext, s: Sysctl, files: readonly string[]): number {
  let rc = 0;
  const settings: Setting[] = [];
  for (const file of files) {
    let text: string;
    if (file === '-') text = ctx.stdin;
    else {
      const r = ctx.files.read(file);
      // Debian ships /etc/sysctl.conf with every line commented out.
      if (!r.ok && file === '/etc/sysctl.conf' && r.error === 'No such file or directory') text = '';
      else if (!r.ok) {
        ctx.err(`sysctl: cannot open "${file}": ${r.error}\n`);
        rc = 1;
        continue;
      } else text = r.text;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, i) => {
      if (line.length + 1 < 2) return;
      const p = parseSettingLine(line);
      if (p === 'invalid') ctx.err(`sysctl: ${file}(${i + 1}): invalid syntax, continuing...\n`);
      else if (p !== 'skip') settings.push(p);
    });
  }
  for (const st of settings) if (st.value !== undefined) rc |= s.write(st.key, st.value);
  return rc;
}

export function sysctl(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err(SYSCTL_USAGE);
    return 1;
  }
  const parsed = parseFlags(ctx, args);
  if (typeof parsed === 'number') return parsed;
  const { flags: f, words } = parsed;
  const s = new Sysctl(ctx, f);
  if (f.all) {
    for (const key of listSysctl(ctx.live, ctx.hostId, 'net.ipv4')) s.read(key);
    return 0;
  }
  if (f.load) {
    const files = f.loadFile !== undefined ? [f.loadFile, ...words] : words.length > 0 ? words : ['/etc/sysctl.conf'];
    return load(ctx, s, files);
  }
  if (words.length === 0) {
    ctx.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  if (f.nameOnly && f.quiet) {
    ctx.err("sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  let rc = 0;
  for (const w of words) {
    if (f.write || w.includes('=')) {
      const p = parseSettingLine(w);
      if (p === 'invalid') {
        ctx.err('sysctl: command line(0): invalid syntax, continuing...\n');
        rc |= 1;
      } else if (p === 'skip' || p.value === undefined) rc |= 1;
      else rc |= s.write(p.key, p.value);
    } else rc += s.read(w);
  }
  return rc;
}
