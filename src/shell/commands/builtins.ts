/**
 * The small commands every lab line may use: echo, cat, sleep, hostname, clear, history,
 * help, true, false, `:`, test and `[`, with bash's and coreutils' behaviour and messages.
 * (`break` and `continue` act on the shell's loops: loop-control.ts.)
 */
import type { CommandContext, CommandFn } from '../command';
import { testBuiltin } from './test-expr';
import { MAX_LOOP_EVENTS, MAX_LOOP_ROUNDS } from '../loop-control';

/** bash's echo: -n (no newline) and -e (backslash escapes) as leading options; anything else is text. */
export function echo(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0] as string)) {
    const o = args.shift() as string;
    if (o.includes('n')) newline = false;
    if (o.includes('e')) escapes = true;
    if (o.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\(n|t|\\|a|b|r|e|0[0-7]{0,3})/g, (_, c: string) => (
    c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : c === 'a' ? '\x07' : c === 'b' ? '\b' : c === 'r' ? '\r' : c === 'e' ? '\x1b' : String.fromCharCode(parseInt(c.slice(1) || '0', 8))
  ));
  ctx.out(newline ? `${text}\n` : text);
  return 0;
}

/** coreutils cat: each file in turn (stdin for none or "-"); a missing one is an error that does not stop the rest. */
export function cat(ctx: CommandContext): number {
  const files = ctx.argv.slice(1).filter((a) => a !== '--');
  if (files.length === 0) {
    ctx.out(ctx.stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      ctx.out(ctx.stdin);
      continue;
    }
    const r = ctx.files.read(f);
    if (r.ok) ctx.out(r.text);
    else {
      ctx.err(`cat: ${f}: ${r.error}\n`);
      status = 1;
    }
  }
  return status;
}

/** coreutils sleep: NUMBER[smhd]…, summed; simulated time passes while it waits. */
export function sleep(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
    ms += Number(m[1]) * unit;
  }
  if (!ctx.background) ctx.live.advance(ms);
  return 0;
}

export function hostname(ctx: CommandContext): number {
  ctx.out(`${ctx.hostId}\n`);
  return 0;
}

/** What `clear` writes to an xterm: cursor home, erase the screen and the scrollback. */
export function clear(ctx: CommandContext): number {
  ctx.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
}

/** bash's history: numbered lines, the number right-aligned in five columns. */
export function history(ctx: CommandContext): number {
  ctx.history.forEach((line, i) => ctx.out(`${String(i + 1).padStart(5)}  ${line}\n`));
  return 0;
}

/** The shell forms a line may use, for `help` (parse.ts reads them). */
const FORMS = [
  'Shell forms:',
  '  lists: CMD | CMD, CMD; CMD, CMD && CMD, CMD || CMD, ! CMD, CMD &, { CMD; }, ( CMD )',
  '  redirections: > >> < <<< 2>&1 &>; words: $VAR ${VAR} ${VAR:-x} ${VAR%.*} ${VAR/a/b} ${#VAR}',
  '         $(CMD) $((EXPR)) {1..4} $1 $# "$@" ${PIPESTATUS[@]}',
  '  shell: NAME() { ...; }, local, return, read [-r], set -e/-x/-o pipefail, set --, shift, let, (( EXPR )),',
  '         case WORD in PATTERN) ...;; esac, export, unset, exit',
  '  loops: for NAME in WORDS; do ...; done, for ((...)),',
  '         while CMD; do ...; done, until CMD; do ...; done, break [N], continue [N]',
  `         (a line's loops stop after ${MAX_LOOP_ROUNDS} rounds, or ${MAX_LOOP_EVENTS} events of traffic)`,
  '  tests: if CMD; then ...; elif CMD; then ...; else ...; fi,',
  '         test EXPR, [ EXPR ], [[ EXPR ]]',
];

export function help(ctx: CommandContext): number {
  ctx.out('lvs-flow simulated shell. Commands on this host:\n');
  ctx.out(`  ${ctx.commandNames.join(' ')}\n`);
  ctx.out(`${FORMS.join('\n')}\n`);
  ctx.out("Each runs as on Debian 12; try 'ipvsadm -h', 'ip help', 'curl --help'.\n");
  return 0;
}

export const BUILTINS: ReadonlyArray<[string, CommandFn]> = [
  ['echo', echo], ['cat', cat], ['sleep', sleep], ['hostname', hostname], ['clear', clear],
  ['history', history], ['help', help], ['true', () => 0], ['false', () => 1], [':', () => 0],
  ['test', testBuiltin], ['[', testBuiltin],
];
