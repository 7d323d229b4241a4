/**
 * bash's expansions on a parsed word, in bash's order: braces (`{1..4}`, `{a,b}`), then
 * parameters (`$VAR`, `${VAR}`, `$?`), command substitution (`$(…)`, backquotes) and
 * arithmetic (`$((…))`), then word splitting of what unquoted expansions gave. No globbing:
 * a `*` stays as typed (the lab hosts' files are not a directory tree to match).
 */
import { fnmatch } from './fnmatch';
import type { Word, WordPart } from './parse';

export interface ExpandEnv {
  /** Shell variables of this line (`?` is the last status). */
  readonly vars: Map<string, string>;
  /** Runs `src` as a command line in a subshell; returns what it printed on stdout. */
  substitute(src: string): string;
  /** Reports an expansion error (bash's message); the command does not run. */
  error(message: string): void;
  /** The positional parameters (`set --`, a function's arguments). */
  readonly args?: readonly string[];
}

/** `${NAME:?…}` of an unset NAME: the shell abandons the whole line (status 1, captured in bash-shell). */
export class ExpansionAbort {
  constructor(readonly status: number) {}
}

/** Words that are not variables: `$-`, and `$0` as the console's bash gives it (captured: bash-shell). */
const SPECIAL: Readonly<Record<string, string>> = { '-': 'himBHc', '0': '/usr/bin/bash' };

/** The positional parameters `$1`…, `$#`, `$@`, `$*` (none unless `set --` or a function call gave some). */
function positional(name: string, env: ExpandEnv): string | undefined {
  const args = env.args ?? [];
  if (name === '#') return String(args.length);
  if (name === '@' || name === '*') return args.join(name === '*' ? (env.vars.get('IFS') ?? ' ').slice(0, 1) : ' ');
  if (/^[1-9][0-9]*$/.test(name)) return args[Number(name) - 1] ?? '';
  return undefined;
}

function param(name: string, env: ExpandEnv): string {
  if (name in SPECIAL) return SPECIAL[name] as string;
  const p = positional(name, env);
  if (p !== undefined) return p;
  // An array's name alone is its first element (PIPESTATUS is the one array the shell keeps).
  if (name === 'PIPESTATUS') return (env.vars.get(name) ?? '').split(' ')[0] ?? '';
  return env.vars.get(name) ?? '';
}

/**
 * `${NAME}`, `${#NAME}` (its length), `${NAME[…]}` (PIPESTATUS), the defaults `${NAME:-word}`
 * `${NAME-word}` `${NAME:=word}` `${NAME:+word}` `${NAME:?word}`, substrings `${NAME:OFFSET[:LENGTH]}`,
 * pattern removal `${NAME%…}` `${NAME%%…}` `${NAME#…}` `${NAME##…}`, replacement `${NAME/…/…}`
 * (`//` every match, `/#` at the start, `/%` at the end) and case `${NAME^^}` `${NAME,,}`…
 * Words inside are taken as typed but for `$NAME`s; anything else is bash's "bad substitution".
 */
function braced(name: string, env: ExpandEnv): string | undefined {
  if (/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$!@*-])$/.test(name)) return param(name, env);
  const length = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])$/.exec(name);
  if (length) {
    const n = length[1] as string;
    return n === '@' || n === '*' ? String((env.args ?? []).length) : String(param(n, env).length);
  }
  const indexed = /^([A-Za-z_][A-Za-z0-9_]*)\[([@*]|\d+)\]$/.exec(name);
  if (indexed) {
    const [, n, index] = indexed as unknown as [string, string, string];
    const items = n === 'PIPESTATUS' ? (env.vars.get(n) ?? '').split(' ') : env.vars.has(n) ? [env.vars.get(n) as string] : [];
    return index === '@' || index === '*' ? items.join(' ') : (items[Number(index)] ?? '');
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(.*)$/s.exec(name);
  const op = m ? operation(m[1] as string, m[2] as string, env) : undefined;
  if (op !== undefined) return op === null ? undefined : op;
  env.error(`bash: \${${name}}: bad substitution\n`);
  return undefined;
}

/** `$NAME` and `${NAME}` inside an operation's word (a pattern, a default, a replacement). */
function innerWord(word: string, env: ExpandEnv): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+)\}|\$([A-Za-z_][A-Za-z0-9_]*|[0-9#?]+)/g, (_, a: string | undefined, b: string | undefined) => param((a ?? b) as string, env));
}

/** The longest or shortest match of `pattern` at the start (or end) of `value`: its length, -1 if none. */
function affix(value: string, pattern: string, end: boolean, longest: boolean): number {
  const lengths = [...Array(value.length + 1).keys()];
  if (longest) lengths.reverse();
  for (const n of lengths) if (fnmatch(pattern, end ? value.slice(value.length - n) : value.slice(0, n))) return n;
  return -1;
}

/** What follows a name inside `${…}`: the value, null after an error, undefined when bash would not accept it. */
function operation(n: string, rest: string, env: ExpandEnv): string | null | undefined {
  const isSet = n === '@' || n === '*' ? (env.args ?? []).length > 0 : /^[0-9]+$/.test(n) ? Number(n) <= (env.args ?? []).length : env.vars.has(n);
  const value = param(n, env);
  const dflt = /^(:?)([-=+?])(.*)$/s.exec(rest);
  if (dflt) {
    const [, colon, op, typed] = dflt as unknown as [string, string, string, string];
    const word = innerWord(typed, env);
    const set = isSet && (colon === '' || value !== '');
    if (op === '+') return set ? word : '';
    if (set) return value;
    if (op === '?') {
      env.error(`bash: ${n}: ${typed === '' ? (colon ? 'parameter null or not set' : 'parameter not set') : word}\n`);
      throw new ExpansionAbort(1);
    }
    if (op === '=') env.vars.set(n, word);
    return word;
  }
  const sub = /^:\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?$/.exec(rest);
  if (sub) {
    let from = Number(sub[1]);
    if (from < 0) from = Math.max(0, value.length + from);
    if (from > value.length) return '';
    if (sub[2] === undefined) return value.slice(from);
    const len = Number(sub[2]);
    return len < 0 ? value.slice(from, Math.max(from, value.length + len)) : value.slice(from, from + len);
  }
  const strip = /^(%%|%|##|#)(.*)$/s.exec(rest);
  if (strip) {
    const [, op, typed] = strip as unknown as [string, string, string];
    const cut = affix(value, innerWord(typed, env), op.startsWith('%'), op.length === 2);
    if (cut < 0) return value;
    return op.startsWith('%') ? value.slice(0, value.length - cut) : value.slice(cut);
  }
  const repl = /^\/([/#%]?)((?:\\.|[^/])*)(?:\/(.*))?$/s.exec(rest);
  if (repl) {
    const [, mode, typed, to] = repl as unknown as [string, string, string, string | undefined];
    return replace(value, innerWord(typed, env), innerWord(to ?? '', env), mode);
  }
  const kase = /^(\^\^|\^|,,|,)$/.exec(rest);
  if (kase) {
    const k = kase[1] as string;
    const change = (c: string): string => (k.startsWith('^') ? c.toUpperCase() : c.toLowerCase());
    return k.length === 2 ? change(value) : change(value.slice(0, 1)) + value.slice(1);
  }
  return undefined;
}

/** `${NAME/PATTERN/TO}`: the longest match at the first place one starts (every place for `//`). */
function replace(value: string, pattern: string, to: string, mode: string): string {
  if (pattern === '') return value;
  if (mode === '#') {
    const n = affix(value, pattern, false, true);
    return n < 0 ? value : to + value.slice(n);
  }
  if (mode === '%') {
    const n = affix(value, pattern, true, true);
    return n < 0 ? value : value.slice(0, value.length - n) + to;
  }
  let out = '';
  let i = 0;
  let replaced = false;
  while (i <= value.length) {
    const n = replaced && mode !== '/' ? -1 : affix(value.slice(i), pattern, false, true);
    if (n > 0) {
      out += to;
      i += n;
      replaced = true;
      continue;
    }
    if (i < value.length) out += value[i];
    i++;
  }
  return out;
}

/**
 * `$((expr))`, `((expr))` (`command`) and `for ((…))` over integers: `,`, `?:`, `**`, `<<` `>>`, `&` `^` `|` `~`,
 * assignments (= += -=), ++ and --, || && ! ,
 * comparisons, + - * / % and parentheses; names read (and assigned) as shell variables.
 */
export function arithmetic(typed: string, env: ExpandEnv, command = false): string | undefined {
  // Parameters inside are expanded first (`$(( $1 + $2 ))`); bare names are read as variables below.
  const expr = innerWord(typed, env);
  const matches = [...expr.matchAll(/\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\*\*|<<|>>|\+=|-=|\*=|\/=|==|!=|<=|>=|&&|\|\||[-+*/%()<>=!?:,&|^~]|\S/g)];
  const tokens = matches.map((m) => m[0]);
  /** The expression from token i on, as typed (bash's "error token"). */
  const from = (i: number): string => expr.slice(matches[i]?.index ?? expr.length);
  let k = 0;
  let bad = '';
  const read = (name: string): number => {
    const v = env.vars.get(name) ?? '';
    return /^\s*-?\d+\s*$/.test(v) ? Number(v) : 0;
  };
  const isName = (t: string | undefined): t is string => t !== undefined && /^[A-Za-z_]/.test(t);
  const primary = (): number => {
    const t = tokens[k++];
    if (t === undefined) {
      // bash names the last token it read (captured: `$((1+))`).
      bad = `syntax error: operand expected (error token is "${from(k - 2)}")`;
      return 0;
    }
    if (t === '(') {
      const v = assign();
      if (tokens[k++] !== ')') bad = 'syntax error: missing )';
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    if (isName(t)) {
      const op = tokens[k];
      if (op === '++' || op === '--') {
        k++;
        const v = read(t);
        env.vars.set(t, String(op === '++' ? v + 1 : v - 1));
        return v;
      }
      return read(t);
    }
    bad = `syntax error: operand expected (error token is "${tokens.slice(k - 1).join(' ')}")`;
    return 0;
  };
  const unary = (): number => {
    const t = tokens[k];
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      k++;
      const v = unary();
      return t === '-' ? -v : t === '!' ? Number(v === 0) : t === '~' ? ~v : v;
    }
    if ((t === '++' || t === '--') && isName(tokens[k + 1])) {
      const name = tokens[k + 1] as string;
      k += 2;
      const v = read(name) + (t === '++' ? 1 : -1);
      env.vars.set(name, String(v));
      return v;
    }
    return primary();
  };
  const power = (): number => {
    const v = unary();
    if (bad || tokens[k] !== '**') return v;
    k++;
    const r = power();
    if (r < 0) bad = `exponent less than 0 (error token is "${from(k - 1)}")`;
    return bad ? 0 : Math.trunc(v ** r);
  };
  const product = (): number => {
    let v = power();
    while (!bad && (tokens[k] === '*' || tokens[k] === '/' || tokens[k] === '%')) {
      const op = tokens[k++];
      const r = power();
      if (op !== '*' && r === 0) {
        bad = `division by 0 (error token is "${from(k - 1)}")`;
        return 0;
      }
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (!bad && (tokens[k] === '+' || tokens[k] === '-')) v = tokens[k++] === '+' ? v + product() : v - product();
    return v;
  };
  const shift = (): number => {
    let v = sum();
    while (!bad && (tokens[k] === '<<' || tokens[k] === '>>')) v = tokens[k++] === '<<' ? v << sum() : v >> sum();
    return v;
  };
  const rel = (): number => {
    let v = shift();
    while (!bad && ['<', '<=', '>', '>='].includes(tokens[k] ?? '')) {
      const op = tokens[k++];
      const r = shift();
      v = Number(op === '<' ? v < r : op === '<=' ? v <= r : op === '>' ? v > r : v >= r);
    }
    return v;
  };
  const eq = (): number => {
    let v = rel();
    while (!bad && (tokens[k] === '==' || tokens[k] === '!=')) v = Number(tokens[k++] === '==' ? v === rel() : v !== rel());
    return v;
  };
  /** The bitwise operators, & above ^ above |. */
  const bits = (level: number): number => {
    const op = ['|', '^', '&'][level] as string;
    const next = (): number => (level === 2 ? eq() : bits(level + 1));
    let v = next();
    while (!bad && tokens[k] === op) {
      k++;
      const r = next();
      v = op === '|' ? v | r : op === '^' ? v ^ r : v & r;
    }
    return v;
  };
  const and = (): number => {
    let v = bits(0);
    while (!bad && tokens[k] === '&&') {
      k++;
      const r = bits(0);
      v = Number(v !== 0 && r !== 0);
    }
    return v;
  };
  const or = (): number => {
    let v = and();
    while (!bad && tokens[k] === '||') {
      k++;
      const r = and();
      v = Number(v !== 0 || r !== 0);
    }
    return v;
  };
  const assign = (): number => {
    const op = tokens[k + 1];
    if (isName(tokens[k]) && (op === '=' || op === '+=' || op === '-=' || op === '*=' || op === '/=')) {
      const name = tokens[k] as string;
      k += 2;
      const r = assign();
      const old = read(name);
      const v = op === '=' ? r : op === '+=' ? old + r : op === '-=' ? old - r : op === '*=' ? old * r : r === 0 ? 0 : Math.trunc(old / r);
      env.vars.set(name, String(v));
      return v;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = or();
    if (bad || tokens[k] !== '?') return c;
    k++;
    const a = comma();
    if (tokens[k++] !== ':') bad = `syntax error in expression (error token is "${from(k - 1)}")`;
    const b = ternary();
    return c !== 0 ? a : b;
  };
  const comma = (): number => {
    let v = assign();
    while (!bad && tokens[k] === ',') {
      k++;
      v = assign();
    }
    return v;
  };
  const v = tokens.length === 0 ? 0 : comma();
  if (!bad && k < tokens.length) bad = `syntax error in expression (error token is "${tokens.slice(k).join(' ')}")`;
  if (bad) {
    // `(( … ))` names itself and shows the expression with its trailing blanks (captured: bash-shell).
    env.error(command ? `bash: ((: ${expr.trimStart()}: ${bad}\n` : `bash: ${expr.trim()}: ${bad}\n`);
    return undefined;
  }
  return String(v);
}

/** A brace expression in an unquoted literal: its start, end and the words it stands for. */
function braceIn(text: string): { at: number; end: number; items: string[] } | undefined {
  for (const m of text.matchAll(/\{([^{}\s]*)\}/g)) {
    const inner = m[1] as string;
    const range = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner) ?? /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(inner);
    let items: string[] | undefined;
    if (range) {
      const letters = !/\d/.test(range[1] as string);
      const a = letters ? (range[1] as string).charCodeAt(0) : Number(range[1]);
      const b = letters ? (range[2] as string).charCodeAt(0) : Number(range[2]);
      const step = Math.max(1, Math.abs(Number(range[3] ?? 1))) * (a <= b ? 1 : -1);
      items = [];
      for (let v = a; a <= b ? v <= b : v >= b; v += step) items.push(letters ? String.fromCharCode(v) : String(v));
      if (items.length > 100_000) items = undefined;
    } else if (inner.includes(',')) items = inner.split(',');
    if (items) return { at: m.index, end: m.index + m[0].length, items };
  }
  return undefined;
}

/** Brace expansion: one word becomes several when an unquoted part holds `{a..b}` or `{x,y}`. */
export function braceExpand(word: Word): Word[] {
  for (let p = 0; p < word.length; p++) {
    const part = word[p] as WordPart;
    if (part.k !== 'lit' || part.quoted) continue;
    const b = braceIn(part.text);
    if (!b) continue;
    return b.items.flatMap((item) => braceExpand([
      ...word.slice(0, p),
      { k: 'lit', text: part.text.slice(0, b.at) + item, quoted: false },
      ...(b.end < part.text.length ? [{ k: 'lit' as const, text: part.text.slice(b.end), quoted: false }] : []),
      ...word.slice(p + 1),
    ]));
  }
  return [word];
}

/** What one part stands for; undefined after an expansion error. */
function partValue(part: WordPart, env: ExpandEnv): string | undefined {
  switch (part.k) {
    case 'lit':
      return part.text;
    case 'var':
      return braced(part.name, env);
    case 'cmd':
      return env.substitute(part.src).replace(/\n+$/, '');
    case 'arith': {
      // An interactive bash abandons the whole line at an arithmetic error (captured: bash-shell-more).
      const v = arithmetic(part.expr, env);
      if (v === undefined) throw new ExpansionAbort(1);
      return v;
    }
  }
}

/** A word expanded to the fields it gives (none for an unquoted empty expansion); undefined after an error. */
export function expandWords(words: readonly Word[], env: ExpandEnv): string[] | undefined {
  const fields: string[] = [];
  for (const typed of words.flatMap(braceExpand)) {
    let current = '';
    let started = false;
    // "$@" gives one field per parameter: none at all when there are none, quotes around it or not.
    const quotedAll = typed.some((p) => p.k === 'var' && p.name === '@' && p.quoted);
    const word = quotedAll && (env.args ?? []).length === 0 ? typed.filter((p) => p.k !== 'lit' || p.text !== '') : typed;
    for (const part of word) {
      if (part.k === 'var' && part.name === '@' && part.quoted) {
        (env.args ?? []).forEach((arg, i) => {
          if (i > 0) {
            fields.push(current);
            current = '';
          }
          current += arg;
          started = true;
        });
        continue;
      }
      const v = partValue(part, env);
      if (v === undefined) return undefined;
      if (part.quoted || part.k === 'lit') {
        current += v;
        started = started || part.quoted || v !== '';
        continue;
      }
      // An unquoted expansion is split at blanks: its first piece joins the text before it.
      const pieces = v.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0 && started) {
          fields.push(current);
          current = '';
          started = false;
        }
        current += piece;
        started = started || piece !== '';
      });
    }
    if (started) fields.push(current);
  }
  return fields;
}

/** A word expanded to one string, without splitting (an assignment's value, a redirection's file). */
export function expandWord(word: Word, env: ExpandEnv): string | undefined {
  let out = '';
  for (const part of word) {
    const v = partValue(part, env);
    if (v === undefined) return undefined;
    out += v;
  }
  return out;
}
