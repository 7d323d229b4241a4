/**
 * awk as lab lines use it (Debian's mawk): `awk [-F SEP] 'PROGRAM' [FILE…]` where the program is
 * rules `[PATTERN] [{ ACTIONS }]`, `BEGIN {…}` and `END {…}`; patterns are `/re/`, comparisons
 * and `&&`/`||`/`!`; actions are `print [EXPR, …]`, `printf FMT, …` and assignments (`s += $2`,
 * `n++`); expressions take fields (`$1`, `$NF`), NR, NF, variables, numbers, strings,
 * concatenation, + - * / %. Anything beyond says it is not simulated, naming awk.
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';
import { printf } from './printf';

type Expr =
  | { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 're'; v: RegExp }
  | { k: 'field'; e: Expr } | { k: 'var'; name: string }
  | { k: 'bin'; op: string; l: Expr; r: Expr } | { k: 'not'; e: Expr } | { k: 'neg'; e: Expr }
  | { k: 'concat'; parts: Expr[] } | { k: 'assign'; name: string; op: string; e: Expr | undefined };
type Stmt = { k: 'print'; args: Expr[] } | { k: 'printf'; args: Expr[] } | { k: 'expr'; e: Expr };
interface Rule { when: 'BEGIN' | 'END' | 'line'; pattern: Expr | undefined; actions: Stmt[] | undefined }

/** What mawk prints when given no program (captured: awk-sed lab); it then exits 0. */
const USAGE = `${[
  'Usage: mawk [Options] [Program] [file ...]',
  '',
  'Program:',
  '    The -f option value is the name of a file containing program text.',
  '    If no -f option is given, a "--" ends option processing; the following',
  '    parameters are the program text.',
  '',
  'Options:',
  '    -f program-file  Program  text is read from file instead of from the',
  '                     command-line.  Multiple -f options are accepted.',
  '    -F value         sets the field separator, FS, to value.',
  '    -v var=value     assigns value to program variable var.',
  '    --               unambiguous end of options.',
  '',
  '    Implementation-specific options are prefixed with "-W".  They can be',
  '    abbreviated:',
  '',
  '    -W version       show version information and exit.',
  '    -W dump          show assembler-like listing of program and exit.',
  '    -W help          show this message and exit.',
  '    -W interactive   set unbuffered output, line-buffered input.',
  '    -W exec file     use file as program as well as last option.',
  '    -W random=number set initial random seed.',
  '    -W sprintf=number adjust size of sprintf buffer.',
  '    -W posix_space   do not consider "\\n" a space.',
  '    -W usage         show this message and exit.',
].join('\n')}\n`;

const KEYWORDS = new Set([
  'if', 'else', 'while', 'for', 'do', 'in', 'next', 'nextfile', 'exit', 'getline', 'function', 'return', 'delete', 'break', 'continue',
  'length', 'substr', 'split', 'sub', 'gsub', 'index', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'system', 'close',
]);

class Unsupported {
  constructor(readonly why: string) {}
}

function lex(src: string): string[] {
  const out: string[] = [];
  const re = /\s+|"(?:\\.|[^"\\])*"|\/(?:\\.|[^/\\\n])+\/|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|&&|\|\||!~|[{}();,$+\-*/%<>!=~]/y;
  let i = 0;
  let prev = '';
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new Unsupported(`'${src.slice(i, i + 10)}'`);
    i = re.lastIndex;
    let t = m[0];
    if (/^\s+$/.test(t)) {
      if (t.includes('\n')) out.push(';');
      continue;
    }
    // A slash after an operand divides; elsewhere it starts a regular expression.
    if (t.startsWith('/') && t.length > 1 && /^[\w)$\]]/.test(prev.slice(-1)) && !/^(print|printf)$/.test(prev)) {
      t = '/';
      i = m.index + 1;
    }
    out.push(t);
    prev = t;
  }
  return out;
}

function parse(src: string): Rule[] {
  const t = lex(src);
  let k = 0;
  const peek = (): string | undefined => t[k];
  const take = (want?: string): string => {
    const v = t[k++];
    if (v === undefined || (want !== undefined && v !== want)) throw new Unsupported(want ?? 'end of program');
    return v;
  };
  const primary = (): Expr => {
    const v = take();
    if (v === '$') return { k: 'field', e: primary() };
    if (v === '(') {
      const e = expr();
      take(')');
      return e;
    }
    if (v === '!') return { k: 'not', e: primary() };
    if (v === '-') return { k: 'neg', e: primary() };
    if (/^\d/.test(v)) return { k: 'num', v: Number(v) };
    if (v.startsWith('"')) return { k: 'str', v: JSON.parse(v.replace(/\\([^"\\nt])/g, '$1')) as string };
    if (v.startsWith('/') && v.length > 1) return { k: 're', v: new RegExp(v.slice(1, -1)) };
    if (/^[A-Za-z_]/.test(v) && !['print', 'printf', 'BEGIN', 'END'].includes(v)) {
      // awk's statements, getline and functions are not here: say so rather than read them as variables.
      if (KEYWORDS.has(v) || peek() === '(') throw new Unsupported(`'${v}'`);
      const op = peek();
      if (op === '++' || op === '--' || op === '=' || op === '+=' || op === '-=' || op === '*=' || op === '/=') {
        k++;
        return { k: 'assign', name: v, op, e: op === '++' || op === '--' ? undefined : expr() };
      }
      return { k: 'var', name: v };
    }
    throw new Unsupported(`'${v}'`);
  };
  const binary = (ops: string[], next: () => Expr) => (): Expr => {
    let l = next();
    while (ops.includes(peek() ?? '')) {
      const op = take();
      l = { k: 'bin', op, l, r: next() };
    }
    return l;
  };
  const mul = binary(['*', '/', '%'], primary);
  const add = binary(['+', '-'], mul);
  const starts = (v: string | undefined): boolean => v !== undefined && (v === '$' || v === '(' || v === '!' || /^[\w"]/.test(v) || (v.startsWith('/') && v.length > 1));
  const concat = (): Expr => {
    const parts = [add()];
    while (starts(peek()) && !['in', 'getline'].includes(peek() ?? '')) parts.push(add());
    return parts.length === 1 ? (parts[0] as Expr) : { k: 'concat', parts };
  };
  const cmp = binary(['<', '<=', '>', '>=', '==', '!=', '~', '!~'], concat);
  const and = binary(['&&'], cmp);
  const expr = binary(['||'], and);
  const list = (): Expr[] => {
    const args: Expr[] = [];
    if (peek() === ';' || peek() === '}' || peek() === undefined) return args;
    args.push(expr());
    while (peek() === ',') {
      k++;
      args.push(expr());
    }
    return args;
  };
  const block = (): Stmt[] => {
    take('{');
    const stmts: Stmt[] = [];
    while (peek() !== '}') {
      if (peek() === ';') {
        k++;
        continue;
      }
      const v = peek();
      if (v === 'print' || v === 'printf') {
        k++;
        stmts.push({ k: v, args: list() });
      } else stmts.push({ k: 'expr', e: expr() });
    }
    take('}');
    return stmts;
  };
  const rules: Rule[] = [];
  while (k < t.length) {
    if (peek() === ';') {
      k++;
      continue;
    }
    if (peek() === 'BEGIN' || peek() === 'END') {
      const when = take() as 'BEGIN' | 'END';
      rules.push({ when, pattern: undefined, actions: block() });
      continue;
    }
    const pattern = peek() === '{' ? undefined : expr();
    rules.push({ when: 'line', pattern, actions: peek() === '{' ? block() : undefined });
  }
  return rules;
}

/** A value as awk prints it: integers plainly, other numbers as %.6g. */
function show(v: string | number): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

const num = (v: string | number): number => (typeof v === 'number' ? v : Number.parseFloat(v) || 0);
const looksNumeric = (v: string | number): boolean => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);

export function awk(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let sep: string | undefined;
  while (args[0]?.startsWith('-F')) {
    const a = args.shift() as string;
    sep = a.length > 2 ? a.slice(2) : args.shift();
  }
  const src = args.shift();
  if (src === undefined && sep === undefined) {
    ctx.out(USAGE);
    return 0;
  }
  if (src === undefined || args.some((a) => /^-./.test(a) || a.includes('='))) {
    ctx.err('lvs-flow: awk: only awk [-F SEP] \'PROGRAM\' [FILE...] is simulated\n');
    return 2;
  }
  let rules: Rule[];
  try {
    rules = parse(src);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    ctx.err(`lvs-flow: awk: this program is not simulated (near ${e.why}); lab lines use print, printf, fields, NR, NF, /re/ and END\n`);
    return 2;
  }
  const vars = new Map<string, string | number>();
  let fields: string[] = [''];
  let nr = 0;
  const split = (line: string): string[] => {
    if (sep === undefined || sep === ' ') return line.split(/[ \t\n]+/).filter((f) => f !== '');
    return line.split(sep.length === 1 ? sep : new RegExp(sep));
  };
  const ev = (e: Expr): string | number => {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return Number(e.v.test(fields[0] ?? ''));
      case 'field': return fields[num(ev(e.e))] ?? '';
      case 'var': return e.name === 'NR' ? nr : e.name === 'NF' ? fields.length - 1 : (vars.get(e.name) ?? '');
      case 'not': return Number(!truthy(ev(e.e)));
      case 'neg': return -num(ev(e.e));
      case 'concat': return e.parts.map((p) => show(ev(p))).join('');
      case 'assign': {
        const old = num(vars.get(e.name) ?? 0);
        const r = e.e ? ev(e.e) : 1;
        const v = e.op === '=' ? r : e.op === '++' || e.op === '+=' ? old + num(r) : e.op === '--' || e.op === '-=' ? old - num(r) : e.op === '*=' ? old * num(r) : old / num(r);
        vars.set(e.name, v);
        return e.op === '++' || e.op === '--' ? old : v;
      }
      case 'bin': {
        if (e.op === '&&') return Number(truthy(ev(e.l)) && truthy(ev(e.r)));
        if (e.op === '||') return Number(truthy(ev(e.l)) || truthy(ev(e.r)));
        const l = ev(e.l);
        if (e.op === '~' || e.op === '!~') {
          const re = e.r.k === 're' ? e.r.v : new RegExp(show(ev(e.r)));
          return Number(re.test(show(l)) === (e.op === '~'));
        }
        const r = ev(e.r);
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
          const numeric = looksNumeric(l) && looksNumeric(r);
          const c = numeric ? num(l) - num(r) : show(l) < show(r) ? -1 : show(l) > show(r) ? 1 : 0;
          return Number(e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : e.op === '>=' ? c >= 0 : e.op === '==' ? c === 0 : c !== 0);
        }
        const [a, b] = [num(l), num(r)];
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a % b;
      }
    }
  };
  const truthy = (v: string | number): boolean => (typeof v === 'number' ? v !== 0 : v !== '');
  const run = (stmts: readonly Stmt[]): void => {
    for (const s of stmts) {
      if (s.k === 'expr') ev(s.e);
      else if (s.k === 'print') ctx.out(`${s.args.length === 0 ? (fields[0] ?? '') : s.args.map((a) => show(ev(a))).join(' ')}\n`);
      else {
        printf({ ...ctx, argv: ['printf', '--', ...s.args.map((a) => show(ev(a)))] });
      }
    }
  };
  for (const r of rules) if (r.when === 'BEGIN') run(r.actions ?? []);
  const lineRules = rules.filter((r) => r.when === 'line');
  const endRules = rules.filter((r) => r.when === 'END');
  if (lineRules.length > 0 || endRules.length > 0) {
    // mawk stops at the first file it cannot open (captured).
    const missing = args.find((f) => f !== '-' && !ctx.files.read(f).ok);
    if (missing !== undefined) {
      const r = ctx.files.read(missing);
      ctx.err(`awk: cannot open ${missing} (${r.ok ? '' : r.error})\n`);
      return 2;
    }
    const { inputs } = readInputs(ctx, 'awk', args);
    for (const input of inputs) {
      const lines = input.text.split('\n');
      if (lines.at(-1) === '') lines.pop();
      for (const line of lines) {
        nr++;
        fields = [line, ...split(line)];
        for (const r of lineRules) if (r.pattern === undefined || truthy(ev(r.pattern))) run(r.actions ?? [{ k: 'print', args: [] }]);
      }
    }
  }
  for (const r of endRules) run(r.actions ?? []);
  return 0;
}
