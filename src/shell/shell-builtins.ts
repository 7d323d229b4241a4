/**
 * The builtins that act on the shell itself rather than on the host: `read`, `set`, `shift`,
 * `local`, `return`, `exit`, `export`, `unset`, `let`, `type` and `command -v` (and `which`), as bash 5.2 runs them at a console
 * (messages captured in the bash-shell lab). `return` and `exit` unwind by throwing a
 * ShellSignal, which the function call or the (sub)shell that ends catches.
 */
import { arithmetic, type ExpandEnv } from './expand';
import { BASH_BUILTINS, COMMAND_PATHS } from './command-paths';
import type { FunctionDef } from './parse';

/** What the shell of one line holds besides the host: its variables, parameters, functions and options. */
export interface ShellScope {
  readonly vars: Map<string, string>;
  args: readonly string[];
  readonly funcs: Map<string, FunctionDef>;
  /** One frame per function call running: each local's value before the call (undefined: it was unset). */
  readonly locals: Array<Map<string, string | undefined>>;
  readonly options: { pipefail: boolean; errexit: boolean; xtrace: boolean };
  /** The console's own shell (not a subshell): `exit` there says so. */
  readonly console: boolean;
}

/** `exit`, `return`, or the SIGPIPE that kills a shell writing into a pipe with no reader. */
export class ShellSignal {
  constructor(readonly kind: 'exit' | 'return' | 'kill', readonly status: number) {}
}

/** A line of input and how far the commands reading it have got (a loop's `read`s share it). */
export interface Input {
  readonly text: string;
  pos: number;
}

export interface BuiltinIo {
  readonly input: Input;
  out(text: string): void;
  err(text: string): void;
  /** Arithmetic and expansions on the line's variables. */
  readonly env: ExpandEnv;
  /** Whether the host has a program of that name (for `type`). */
  readonly isProgram: (name: string) => boolean;
  /** `NAME=value` words typed before the builtin (`IFS=: read a b`). */
  readonly assigns: ReadonlyArray<readonly [string, string]>;
}

type Builtin = (scope: ShellScope, argv: readonly string[], io: BuiltinIo) => number;

const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

const notValid = (io: BuiltinIo, cmd: string, word: string): number => {
  io.err(`bash: ${cmd}: \`${word}': not a valid identifier\n`);
  return 1;
};

/** Splits a line read by `read` into the names' values, as bash does with IFS. */
export function splitForRead(line: string, count: number, ifs: string): string[] {
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWhite = (c: string): boolean => white.includes(c);
  const isDelim = (c: string): boolean => ifs.includes(c);
  let i = 0;
  const skipWhite = (): void => {
    while (i < line.length && isWhite(line[i] as string)) i++;
  };
  skipWhite();
  const values: string[] = [];
  while (values.length < count - 1 && i < line.length) {
    let field = '';
    while (i < line.length && !isDelim(line[i] as string)) field += line[i++];
    values.push(field);
    skipWhite();
    if (i < line.length && isDelim(line[i] as string) && !isWhite(line[i] as string)) {
      i++;
      skipWhite();
    }
  }
  // The last name takes the rest of the line, less the IFS blanks at its end.
  let rest = line.slice(i);
  while (rest !== '' && isWhite(rest[rest.length - 1] as string)) rest = rest.slice(0, -1);
  if (count > 0) values.push(rest);
  while (values.length < count) values.push('');
  return values;
}

const READ_USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

/**
 * `read [-r] [-s] [-p PROMPT] [-t N] [-n N] [-d DELIM] [NAME…]`: one line (up to DELIM, or N
 * characters) of input into the names, REPLY without any. The prompt shows only when input is
 * a terminal, and input here never waits, so -p and -t change nothing.
 */
const read: Builtin = (scope, argv, io) => {
  let raw = false;
  let delim = '\n';
  let count = Infinity;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (names.length > 0 || !a.startsWith('-') || a === '-') {
      if (!isName(a)) return notValid(io, 'read', a);
      names.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const o = a[j] as string;
      if (o === 'r') raw = true;
      else if (o === 's' || o === 'e') continue;
      else if ('pntd'.includes(o)) {
        const value = a.slice(j + 1) || argv[++i];
        if (value === undefined) {
          io.err(`bash: read: -${o}: option requires an argument\n${READ_USAGE}`);
          return 2;
        }
        if (o === 'd') delim = value.slice(0, 1) || '\0';
        if (o === 'n') count = Number(value);
        break;
      } else {
        io.err(`bash: read: -${o}: invalid option\n${READ_USAGE}`);
        return 2;
      }
    }
  }
  const { input } = io;
  let line = '';
  let ended = false;
  for (;;) {
    let end = input.text.indexOf(delim, input.pos);
    if (end >= 0 && end - input.pos > count) end = -1;
    const limit = Math.min(input.text.length, input.pos + (Number.isFinite(count) ? count : input.text.length));
    const chunk = end < 0 ? input.text.slice(input.pos, limit) : input.text.slice(input.pos, end);
    ended = end < 0 && chunk.length < count;
    input.pos = end < 0 ? limit : end + 1;
    // Without -r a backslash escapes the next character, and before the delimiter joins the next line.
    if (!raw && end >= 0 && /(^|[^\\])(\\\\)*\\$/.test(chunk)) {
      line += chunk.slice(0, -1);
      continue;
    }
    line += chunk;
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1').replace(/\\$/, '');
  const ifs = io.assigns.find(([n]) => n === 'IFS')?.[1] ?? scope.vars.get('IFS') ?? ' \t\n';
  if (names.length === 0) scope.vars.set('REPLY', line);
  else splitForRead(line, names.length, ifs).forEach((v, k) => scope.vars.set(names[k] as string, v));
  return ended ? 1 : 0;
};

/** The options `set -o NAME` and their letters that this shell runs. */
const OPTIONS: Readonly<Record<string, keyof ShellScope['options']>> = { pipefail: 'pipefail', errexit: 'errexit', xtrace: 'xtrace', e: 'errexit', x: 'xtrace' };

/** `set -e|-x|-o NAME|+o NAME`, `set -- ARGS` and `set ARGS`: the options and positional parameters this shell has. */
const set: Builtin = (scope, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.err('lvs-flow: set: listing the variables is not simulated\n');
    return 2;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      scope.args = args.slice(i + 1);
      return 0;
    }
    if (!/^[-+]./.test(a)) {
      scope.args = args.slice(i);
      return 0;
    }
    const on = a.startsWith('-');
    if (a === '-o' || a === '+o') {
      const name = args[++i];
      const option = name === undefined ? undefined : OPTIONS[name];
      if (name === undefined || option === undefined || name.length === 1) {
        io.err(name === undefined ? `lvs-flow: set: ${a} without a name is not simulated\n` : `bash: set: ${name}: invalid option name\n`);
        return 2;
      }
      scope.options[option] = on;
      continue;
    }
    for (const letter of a.slice(1)) {
      const option = OPTIONS[letter];
      if (option === undefined) {
        io.err(`lvs-flow: set: ${a[0]}${letter}: this option is not simulated (set -e, -x, -o pipefail, set -- ARGS)\n`);
        return 2;
      }
      scope.options[option] = on;
    }
  }
  return 0;
};

const shift: Builtin = (scope, argv, io) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    io.err(`bash: shift: ${argv[1]}: ${/^-?\d+$/.test(argv[1] ?? '') ? 'shift count out of range' : 'numeric argument required'}\n`);
    return 1;
  }
  if (n > scope.args.length) return 1;
  scope.args = scope.args.slice(n);
  return 0;
};

/** NAME[=VALUE] words of local, export: each name set (the value expanded already). */
function assignEach(cmd: string, argv: readonly string[], io: BuiltinIo, each: (name: string, value: string | undefined) => void): number {
  let status = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) status = notValid(io, cmd, a);
    else each(name, eq < 0 ? undefined : a.slice(eq + 1));
  }
  return status;
}

const local: Builtin = (scope, argv, io) => {
  const frame = scope.locals[scope.locals.length - 1];
  if (frame === undefined) {
    io.err('bash: local: can only be used in a function\n');
    return 1;
  }
  return assignEach('local', argv, io, (name, value) => {
    if (!frame.has(name)) frame.set(name, scope.vars.get(name));
    scope.vars.set(name, value ?? '');
  });
};

const exportBuiltin: Builtin = (scope, argv, io) =>
  assignEach('export', argv.filter((a) => a !== '-n'), io, (name, value) => {
    if (value !== undefined) scope.vars.set(name, value);
  });

const unset: Builtin = (scope, argv) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  const functionsOnly = argv.includes('-f');
  for (const n of names) {
    if (functionsOnly || (!scope.vars.has(n) && scope.funcs.has(n))) scope.funcs.delete(n);
    else scope.vars.delete(n);
  }
  return 0;
};

const STATUS = (scope: ShellScope, arg: string | undefined): number => (arg === undefined ? Number(scope.vars.get('?') ?? 0) : Number(arg) & 255);

/**
 * `return [N]` inside a function; `exit [N]` anywhere (the console's own shell says "exit" as it
 * leaves, before any complaint). A word that is not a number: bash's message, status 2.
 */
function leave(kind: 'return' | 'exit'): Builtin {
  return (scope, argv, io) => {
    const arg = argv[1];
    if (kind === 'exit' && scope.console) io.err('exit\n');
    if (kind === 'return' && scope.locals.length === 0) {
      io.err("bash: return: can only `return' from a function or sourced script\n");
      return 2;
    }
    if (arg !== undefined && !/^[-+]?\d+$/.test(arg)) {
      io.err(`bash: ${kind}: ${arg}: numeric argument required\n`);
      throw new ShellSignal(kind, 2);
    }
    throw new ShellSignal(kind, STATUS(scope, arg));
  };
}

/** `let EXPR…`: each an arithmetic expression; status 0 when the last is not 0. */
const let_: Builtin = (_scope, argv, io) => {
  if (argv.length < 2) {
    io.err('bash: let: expression expected\n');
    return 1;
  }
  let last = '0';
  for (const e of argv.slice(1)) {
    const v = arithmetic(e, io.env);
    if (v === undefined) return 1;
    last = v;
  }
  return last === '0' ? 1 : 0;
};

/** What NAME is for `type`: a function, a builtin, a program with its path (undefined when unknown here). */
function kindOf(scope: ShellScope, io: BuiltinIo, name: string): { kind: 'function' | 'builtin' | 'file'; path?: string } | 'unknown' | undefined {
  if (scope.funcs.has(name)) return { kind: 'function' };
  if (BASH_BUILTINS.has(name)) return { kind: 'builtin' };
  if (!io.isProgram(name)) return undefined;
  const path = COMMAND_PATHS[name];
  return path === undefined ? 'unknown' : { kind: 'file', path };
}

const notCaptured = (io: BuiltinIo, cmd: string, name: string): void => io.err(`lvs-flow: ${cmd}: where ${name} lives on a Debian host was not captured\n`);

/** `type [-t] NAME…`: function, shell builtin or program path, as bash says it. */
const type: Builtin = (scope, argv, io) => {
  const terse = argv[1] === '-t';
  let status = 0;
  for (const name of argv.slice(terse ? 2 : 1)) {
    const k = kindOf(scope, io, name);
    if (k === undefined) {
      if (!terse) io.err(`bash: type: ${name}: not found\n`);
      status = 1;
    } else if (k === 'unknown') {
      notCaptured(io, 'type', name);
      status = 1;
    } else if (terse) io.out(`${k.kind}\n`);
    else if (k.kind === 'function') {
      io.err(`lvs-flow: type: ${name} is a function (its body as bash prints it is not simulated)\n`);
      status = 1;
    } else io.out(k.kind === 'builtin' ? `${name} is a shell builtin\n` : `${name} is ${k.path as string}\n`);
  }
  return status;
};

/** `command -v NAME…`: the path of a program, the name of a builtin or function; status 1 if any is missing. */
const command: Builtin = (scope, argv, io) => {
  if (argv[1] !== '-v') {
    io.err('lvs-flow: command: only command -v NAME is simulated\n');
    return 2;
  }
  let status = 0;
  for (const name of argv.slice(2)) {
    const k = kindOf(scope, io, name);
    if (k === undefined) status = 1;
    else if (k === 'unknown') {
      notCaptured(io, 'command', name);
      status = 1;
    } else io.out(`${k.kind === 'file' ? (k.path as string) : name}\n`);
  }
  return status;
};

/** debianutils which: each program's path; status 1 if any is missing. */
const which: Builtin = (scope, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const path = io.isProgram(name) || BASH_BUILTINS.has(name) ? COMMAND_PATHS[name] : undefined;
    if (path !== undefined) io.out(`${path}\n`);
    else {
      if (io.isProgram(name)) notCaptured(io, 'which', name);
      status = 1;
    }
  }
  return status;
};

export const SHELL_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['read', read], ['set', set], ['shift', shift], ['local', local], ['export', exportBuiltin], ['unset', unset],
  ['return', leave('return')], ['exit', leave('exit')], ['let', let_], ['type', type], ['command', command], ['which', which],
]);

/** Commands bash runs in its own process: a write of theirs into a pipe with no reader kills that shell. */
export const IN_SHELL = BASH_BUILTINS;
