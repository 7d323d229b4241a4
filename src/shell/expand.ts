/**
 * bash's expansions on a parsed word, in bash's order: braces (`{1..4}`, `{a,b}`), then
 * parameters (`$VAR`, `${VAR}`, `$?`), command substitution (`$(…)`, backquotes) and
 * arithmetic (`$((…))`), then word splitting of what unquoted expansions gave. No globbing:
 * a `*` stays as typed (the lab hosts' files are not a directory tree to match).
 */
import type { Word, WordPart } from './parse';

export interface ExpandEnv {
  /** Shell variables of this line (`?` is the last status). */
  readonly vars: Map<string, string>;
  /** Runs `src` as a command line in a subshell; returns what it printed on stdout. */
  substitute(src: string): string;
  /** Reports an expansion error (bash's message); the command does not run. */
  error(message: string): void;
}

/** Words that are not variables: `$$`, `$!`, `$#`… as a non-interactive `bash -c` gives them. */
const SPECIAL: Readonly<Record<string, string>> = { '#': '0', '-': 'hBc', '@': '', '*': '', '0': 'bash' };

function param(name: string, env: ExpandEnv): string {
  if (name in SPECIAL) return SPECIAL[name] as string;
  return env.vars.get(name) ?? '';
}

/**
 * `${NAME}`, `${#NAME}` (its length) and the defaults `${NAME:-word}` `${NAME-word}`
 * `${NAME:=word}` `${NAME:+word}` (the word taken as typed); anything else is bash's "bad substitution".
 */
function braced(name: string, env: ExpandEnv): string | undefined {
  if (/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$!@*-])$/.test(name)) return param(name, env);
  const length = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/.exec(name);
  if (length) return String(param(length[1] as string, env).length);
  const dflt = /^([A-Za-z_][A-Za-z0-9_]*)(:?)([-=+])(.*)$/s.exec(name);
  if (dflt) {
    const [, n, colon, op, word] = dflt as unknown as [string, string, string, string, string];
    const set = env.vars.has(n) && (colon === '' || env.vars.get(n) !== '');
    if (op === '+') return set ? word : '';
    if (set) return env.vars.get(n) ?? '';
    if (op === '=') env.vars.set(n, word);
    return word;
  }
  env.error(`bash: \${${name}}: bad substitution\n`);
  return undefined;
}

/**
 * `$((expr))` and `for ((…))` over integers: assignments (= += -=), ++ and --, || && ! ,
 * comparisons, + - * / % and parentheses; names read (and assigned) as shell variables.
 */
export function arithmetic(expr: string, env: ExpandEnv): string | undefined {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|&&|\|\||[-+*/%()<>=!]|\S/g) ?? [];
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
      bad = 'syntax error: operand expected';
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
    if (t === '-' || t === '+' || t === '!') {
      k++;
      const v = unary();
      return t === '-' ? -v : t === '!' ? Number(v === 0) : v;
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
  const product = (): number => {
    let v = unary();
    while (!bad && (tokens[k] === '*' || tokens[k] === '/' || tokens[k] === '%')) {
      const op = tokens[k++];
      const r = unary();
      if (op !== '*' && r === 0) {
        bad = `division by 0 (error token is "${tokens.slice(k - 1).join('')}")`;
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
  const rel = (): number => {
    let v = sum();
    while (!bad && ['<', '<=', '>', '>='].includes(tokens[k] ?? '')) {
      const op = tokens[k++];
      const r = sum();
      v = Number(op === '<' ? v < r : op === '<=' ? v <= r : op === '>' ? v > r : v >= r);
    }
    return v;
  };
  const eq = (): number => {
    let v = rel();
    while (!bad && (tokens[k] === '==' || tokens[k] === '!=')) v = Number(tokens[k++] === '==' ? v === rel() : v !== rel());
    return v;
  };
  const and = (): number => {
    let v = eq();
    while (!bad && tokens[k] === '&&') {
      k++;
      const r = eq();
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
    return or();
  };
  const v = tokens.length === 0 ? 0 : assign();
  if (!bad && k < tokens.length) bad = `syntax error in expression (error token is "${tokens.slice(k).join(' ')}")`;
  if (bad) {
    env.error(`bash: ${expr.trim()}: ${bad}\n`);
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
    case 'arith':
      return arithmetic(part.expr, env);
  }
}

/** A word expanded to the fields it gives (none for an unquoted empty expansion); undefined after an error. */
export function expandWords(words: readonly Word[], env: ExpandEnv): string[] | undefined {
  const fields: string[] = [];
  for (const word of words.flatMap(braceExpand)) {
    let current = '';
    let started = false;
    for (const part of word) {
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
