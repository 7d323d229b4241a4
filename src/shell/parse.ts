/**
 * A command line read the way bash reads the forms labs use: words with single and double
 * quotes and backslashes, `$VAR`, `${VAR}`, `$?`, `$(…)` and backquotes (kept as parts of the
 * word, expanded when the command runs: see expand.ts), redirections (`>`, `>>`, `2>`, `2>&1`,
 * `&>`, `<`, `<<<`), pipes, `;`, `&&`, `||`, a trailing `&`, `#` comments, `!` before a
 * pipeline, and the compound commands `for NAME [in WORDS]; do LIST; done`, `for ((…))`,
 * `while|until LIST; do LIST; done`, `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`,
 * `case WORD in PATTERN) LIST;; esac`, `{ LIST; }`, `( LIST )`, `(( EXPRESSION ))`, function
 * definitions `NAME() COMPOUND` and `function NAME COMPOUND`, and `[[ EXPRESSION ]]` (cond-parse.ts).
 * A here-document (`<<WORD`) has no body on one line: bash warns, and it reads empty.
 */
import { parseCondition, type CondExpr } from './cond-parse';

/** One piece of a word: literal text (quoted or not), a parameter, or a command substitution. */
export type WordPart =
  | { readonly k: 'lit'; readonly text: string; readonly quoted: boolean }
  | { readonly k: 'var'; readonly name: string; readonly quoted: boolean }
  | { readonly k: 'cmd'; readonly src: string; readonly quoted: boolean }
  | { readonly k: 'arith'; readonly expr: string; readonly quoted: boolean };

export type Word = readonly WordPart[];

export interface Redirect {
  /** 1 = stdout, 2 = stderr, 0 = stdin. */
  readonly fd: 0 | 1 | 2;
  /**
   * '>' truncates, '>>' appends, '<' reads a file, '<<<' reads the word itself, '<<' a here-document
   * (on one line its body is empty), '>&' duplicates onto fd `target`.
   */
  readonly op: '>' | '>>' | '<' | '<<<' | '<<' | '>&';
  /** The target as typed, quotes removed and nothing expanded. */
  readonly target: string;
  /** The target's parts, for expansion when the command runs. */
  readonly word?: Word;
}

export interface SimpleCommand {
  readonly kind?: 'simple';
  /** The words as typed, quotes removed and nothing expanded. */
  readonly argv: readonly string[];
  /** The same words in parts, for expansion when the command runs. */
  readonly words?: readonly Word[];
  readonly redirects: readonly Redirect[];
}

/** `for NAME in WORDS; do BODY; done [redirections]`, or `for ((INIT; COND; STEP))`. */
export interface ForCommand {
  readonly kind: 'for';
  readonly name: string;
  /** The three expressions of the arithmetic form (name is then ''). */
  readonly arith?: { readonly init: string; readonly cond: string; readonly step: string };
  /** undefined when `in` is left out (bash then loops over the positional parameters: none here). */
  readonly items: readonly Word[] | undefined;
  readonly body: CommandList;
  readonly redirects: readonly Redirect[];
}

/** `while LIST; do BODY; done` (or `until`, which loops while LIST fails). */
export interface WhileCommand {
  readonly kind: 'while';
  readonly until: boolean;
  readonly cond: CommandList;
  readonly body: CommandList;
  readonly redirects: readonly Redirect[];
}

/** `if LIST; then LIST; elif LIST; then LIST; else LIST; fi`: the branches in order. */
export interface IfCommand {
  readonly kind: 'if';
  readonly branches: ReadonlyArray<{ readonly cond: CommandList; readonly body: CommandList }>;
  readonly orElse: CommandList | undefined;
  readonly redirects: readonly Redirect[];
}

/** `[[ EXPRESSION ]]`: words are expanded without splitting when it runs. */
export interface CondCommand {
  readonly kind: 'cond';
  readonly expr: CondExpr;
  readonly redirects: readonly Redirect[];
}

/** `{ LIST; }` runs in this shell; `( LIST )` in a subshell (its variables and `exit` stay inside). */
export interface GroupCommand {
  readonly kind: 'group' | 'subshell';
  readonly body: CommandList;
  readonly redirects: readonly Redirect[];
}

/** `(( EXPRESSION ))`: status 0 when the expression is not 0. */
export interface ArithCommand {
  readonly kind: 'arith';
  readonly expr: string;
  readonly redirects: readonly Redirect[];
}

/** One `PATTERN|PATTERN) LIST ;;` of a case; `;&` falls into the next body, `;;&` tests the next patterns. */
export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: CommandList;
  readonly end: ';;' | ';&' | ';;&';
}

/** `case WORD in ITEMS esac`. */
export interface CaseCommand {
  readonly kind: 'case';
  readonly word: Word;
  readonly items: readonly CaseItem[];
  readonly redirects: readonly Redirect[];
}

/** `NAME() COMPOUND` or `function NAME [()] COMPOUND`: defines NAME for the rest of the line. */
export interface FunctionDef {
  readonly kind: 'function';
  readonly name: string;
  readonly body: Command;
  /** Always none: redirections after the body belong to the body (they apply at each call). */
  readonly redirects: readonly Redirect[];
}

export type Command = SimpleCommand | ForCommand | WhileCommand | IfCommand | CondCommand | GroupCommand | ArithCommand | CaseCommand | FunctionDef;

export const isSimple = (cmd: Command): cmd is SimpleCommand => cmd.kind === undefined || cmd.kind === 'simple';

/** Commands joined by `|`. */
export interface Pipeline {
  readonly commands: readonly Command[];
  /** Run in the background (`cmd &`). */
  readonly background: boolean;
  /** `! pipeline`: the status is inverted. */
  readonly negate?: boolean;
}

/** Pipelines joined by `;`, `&&` and `||`; `joins[i]` says how pipeline i+1 follows pipeline i. */
export interface CommandList {
  readonly pipelines: readonly Pipeline[];
  readonly joins: ReadonlyArray<';' | '&&' | '||'>;
}

/** A failure is bash's message and the line's exit status (2 for a syntax error). */
export type ParseResult = { ok: true; list: CommandList; warnings?: readonly string[] } | { ok: false; error: string; status?: number };

export type Token =
  | { t: 'word'; v: string; parts: WordPart[] }
  | { t: 'arith'; v: string }
  | { t: 'op'; v: string }
  | { t: 'redir'; fd: 0 | 1 | 2; op: Redirect['op']; both: boolean };

const OPS = ['&&', '||', ';;&', ';;', ';&', ';', '|', '&', '(', ')'];

/** Operators that end a pipeline and join it to the next. */
const SEPARATORS = [';', '&', '&&', '||'];
const BLANK = ' \t\n\r';

/**
 * bash's wording at an interactive console (the bash-conditions labs, captured with `bash -i`):
 * no "-c: line 1:" and no copy of the line, which only a non-interactive `bash -c` prints.
 */
function syntaxError(near: string): string {
  return `bash: syntax error near unexpected token \`${near}'`;
}

const EOF_ERROR = 'bash: syntax error: unexpected end of file';

/** An opening quote or bracket never closed. */
const unclosed = (c: string): string => `bash: unexpected EOF while looking for matching \`${c}'`;

/** Index of the `))` closing a `((` whose inside starts at `i` (inner parentheses balanced); -1 if none. */
function arithEnd(line: string, i: number): number {
  let depth = 0;
  for (; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')') {
      if (depth === 0) return line[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** Index just past the `)` closing a `$(` or `(` opened before `i`; -1 if none. */
function closeParen(line: string, i: number): number {
  let depth = 1;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return -1;
}

/**
 * A `$` expansion starting at line[i] (which is `$`): the part and the index after it, or
 * undefined when the `$` is a literal dollar sign; an error for an unclosed one.
 */
function dollar(line: string, i: number, quoted: boolean): { part: WordPart; raw: string; next: number } | { error: string; status?: number } | undefined {
  const rest = line.slice(i + 1);
  // An unclosed `$(` ends the line with status 1 (captured), not a syntax error's 2.
  if (rest.startsWith('((')) {
    const end = arithEnd(line, i + 3);
    if (end < 0) return { error: unclosed(')'), status: 1 };
    return { part: { k: 'arith', expr: line.slice(i + 3, end), quoted }, raw: line.slice(i, end + 2), next: end + 2 };
  }
  if (rest.startsWith('(')) {
    const end = closeParen(line, i + 2);
    if (end < 0) return { error: unclosed(')'), status: 1 };
    return { part: { k: 'cmd', src: line.slice(i + 2, end - 1), quoted }, raw: line.slice(i, end), next: end };
  }
  if (rest.startsWith('{')) {
    const end = line.indexOf('}', i + 2);
    if (end < 0) return { error: unclosed('}') };
    return { part: { k: 'var', name: line.slice(i + 2, end), quoted }, raw: line.slice(i, end + 1), next: end + 1 };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9!@*-])/.exec(rest);
  if (!m) return undefined;
  return { part: { k: 'var', name: m[1] as string, quoted }, raw: `$${m[1]}`, next: i + 1 + (m[1] as string).length };
}

/** A backquoted command substitution starting at line[i] (a backquote). */
function backquote(line: string, i: number, quoted: boolean): { part: WordPart; raw: string; next: number } | { error: string } {
  let j = i + 1;
  let src = '';
  while (j < line.length && line[j] !== '`') {
    if (line[j] === '\\' && j + 1 < line.length && '$`\\'.includes(line[j + 1] as string)) j++;
    src += line[j];
    j++;
  }
  if (j >= line.length) return { error: unclosed('`') };
  return { part: { k: 'cmd', src, quoted }, raw: line.slice(i, j + 1), next: j + 1 };
}

function tokenize(line: string): { ok: true; tokens: Token[] } | { ok: false; error: string; status?: number } {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] as string;
    if (BLANK.includes(c)) {
      i++;
      continue;
    }
    if (c === '#') break; // a comment runs to the end of the line
    // Redirections, with an optional file descriptor in front.
    const redir = /^(\d)?(&>>|&>|>>|>&|>|<<<|<<-|<<|<)/.exec(line.slice(i));
    if (redir) {
      const fdText = redir[1];
      const op = redir[2] as string;
      i += redir[0].length;
      if (op === '&>' || op === '&>>') {
        // &> FILE sends both streams to FILE
        tokens.push({ t: 'redir', fd: 1, op: op === '&>' ? '>' : '>>', both: true });
        continue;
      }
      const fd = (fdText !== undefined ? Number(fdText) : op.startsWith('<') ? 0 : 1) as 0 | 1 | 2;
      if (fd > 2) return { ok: false, error: `bash: ${fd}: Bad file descriptor` };
      tokens.push({ t: 'redir', fd, op: (op === '<<-' ? '<<' : op) as Redirect['op'], both: false });
      continue;
    }
    // `((…))` (a command, or for's header) read whole; the parser says where it may stand.
    if (line.startsWith('((', i)) {
      const end = arithEnd(line, i + 2);
      if (end < 0) return { ok: false, error: unclosed(')') };
      tokens.push({ t: 'arith', v: line.slice(i + 2, end) });
      i = end + 2;
      continue;
    }
    const op = OPS.find((o) => line.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    // A word: quoted and unquoted parts glued together until a blank or an operator.
    let word = '';
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean): void => {
      const last = parts[parts.length - 1];
      if (last?.k === 'lit' && last.quoted === quoted) parts[parts.length - 1] = { k: 'lit', text: last.text + text, quoted };
      else parts.push({ k: 'lit', text, quoted });
    };
    /** A $… or `…` expansion at i taken into the word: where it ends, or null when none starts there. */
    const expansion = (quoted: boolean): number | { error: string; status?: number } | null => {
      const x = line[i] === '$' ? dollar(line, i, quoted) : line[i] === '`' ? backquote(line, i, quoted) : null;
      if (!x || 'error' in x) return x ?? null;
      word += x.raw;
      parts.push(x.part);
      return x.next;
    };
    while (i < n) {
      const ch = line[i] as string;
      if (BLANK.includes(ch) || ';|&<>()'.includes(ch)) break;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return { ok: false, error: unclosed("'") };
        word += line.slice(i + 1, end);
        lit(line.slice(i + 1, end), true);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        let closed = false;
        lit('', true); // "" is a word of its own even when empty
        while (i < n) {
          const d = line[i] as string;
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          // Inside double quotes a backslash escapes only $ ` " \ and newline.
          if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(line[i + 1] as string)) {
            word += line[i + 1];
            lit(line[i + 1] as string, true);
            i += 2;
            continue;
          }
          const x = expansion(true);
          if (typeof x === 'number') {
            i = x;
            continue;
          }
          if (x) return { ok: false, ...x };
          word += d;
          lit(d, true);
          i++;
        }
        if (!closed) return { ok: false, error: unclosed('"') };
        continue;
      }
      if (ch === '\\') {
        if (i + 1 < n) {
          word += line[i + 1];
          lit(line[i + 1] as string, true);
        }
        i += 2;
        continue;
      }
      const x = expansion(false);
      if (typeof x === 'number') {
        i = x;
        continue;
      }
      if (x) return { ok: false, ...x };
      word += ch;
      lit(ch, false);
      i++;
    }
    tokens.push({ t: 'word', v: word, parts });
  }
  return { ok: true, tokens };
}

/** A word that is a reserved word only where a command starts, and only unquoted. */
export function isReserved(tok: Token | undefined, w: string): boolean {
  return tok?.t === 'word' && tok.v === w && tok.parts.length === 1 && tok.parts[0]?.k === 'lit' && !tok.parts[0].quoted;
}

function isOp(tok: Token | undefined, v: string): boolean {
  return tok?.t === 'op' && tok.v === v;
}

/** Reserved words that cannot start a command. */
const RESERVED = ['do', 'done', 'then', 'fi', 'else', 'elif', 'esac', '}'];

/** The words and operators a case item's list ends at. */
const CASE_ENDS = [';;', ';&', ';;&', 'esac'];

class Parser {
  private k = 0;
  /** What bash warns about as it reads the line (a here-document without its body). */
  readonly warnings: string[] = [];
  constructor(private readonly tokens: Token[], private readonly line: string) {}

  private fail(near: Token | undefined): never {
    throw new SyntaxFailure(near === undefined ? EOF_ERROR : syntaxError(near.t === 'redir' ? '>' : near.t === 'arith' ? '((' : near.v));
  }

  /**
   * A list up to the end, or (inside a compound command) up to one of `ends`: reserved words,
   * or operators such as `)` and `;;`. Only a case item's list may be empty.
   */
  list(ends?: readonly string[], mayBeEmpty = false): CommandList {
    const pipelines: Pipeline[] = [];
    const joins: Array<';' | '&&' | '||'> = [];
    const atEnd = (tok: Token | undefined): boolean =>
      ends !== undefined && ends.some((w) => isReserved(tok, w) || (tok?.t === 'op' && tok.v === w));
    for (;;) {
      const tok = this.tokens[this.k];
      if (tok === undefined || atEnd(tok)) {
        if (ends !== undefined && pipelines.length === 0 && !mayBeEmpty) this.fail(tok);
        break;
      }
      const p = this.pipeline();
      const sep = this.tokens[this.k];
      if (sep?.t === 'op' && SEPARATORS.includes(sep.v)) {
        this.k++;
        pipelines.push({ ...p, background: sep.v === '&' });
        const following = this.tokens[this.k];
        if (following === undefined || atEnd(following)) {
          if (sep.v === '&&' || sep.v === '||') this.fail(following);
          break;
        }
        joins.push(sep.v === '&' ? ';' : (sep.v as ';' | '&&' | '||'));
        continue;
      }
      pipelines.push(p);
      if (sep === undefined || atEnd(sep)) break;
      this.fail(sep);
    }
    return { pipelines, joins };
  }

  private pipeline(): Pipeline {
    const negate = isReserved(this.tokens[this.k], '!');
    if (negate) this.k++;
    const commands: Command[] = [this.command()];
    while (this.tokens[this.k]?.t === 'op' && (this.tokens[this.k] as { v: string }).v === '|') {
      this.k++;
      if (this.tokens[this.k] === undefined) this.fail(undefined);
      commands.push(this.command());
    }
    return { commands, background: false, ...(negate ? { negate } : {}) };
  }

  private command(): Command {
    const first = this.tokens[this.k];
    if (isReserved(first, 'for')) return this.forCommand();
    if (isReserved(first, 'while') || isReserved(first, 'until')) return this.whileCommand();
    if (isReserved(first, 'if')) return this.ifCommand();
    if (isReserved(first, '[[')) return this.condCommand();
    if (isReserved(first, 'case')) return this.caseCommand();
    if (isReserved(first, '{') || isOp(first, '(')) return this.groupCommand();
    if (first?.t === 'arith') {
      this.k++;
      return { kind: 'arith', expr: first.v, redirects: this.compoundTail() };
    }
    if (isReserved(first, 'function')) return this.functionDef(true);
    if (first?.t === 'word' && isOp(this.tokens[this.k + 1], '(')) return this.functionDef(false);
    if (RESERVED.some((r) => isReserved(first, r))) this.fail(first);
    const argv: string[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const tok = this.tokens[this.k];
      if (tok === undefined || tok.t === 'op') break;
      this.k++;
      if (tok.t === 'word') {
        argv.push(tok.v);
        words.push(tok.parts);
        continue;
      }
      if (tok.t === 'arith') this.fail(tok);
      this.redirect(tok, redirects);
    }
    if (argv.length === 0 && redirects.length === 0) this.fail(this.tokens[this.k]);
    return { argv, words, redirects };
  }

  private redirect(tok: Extract<Token, { t: 'redir' }>, redirects: Redirect[]): void {
    const next = this.tokens[this.k];
    if (next?.t !== 'word') {
      throw new SyntaxFailure(next === undefined ? syntaxError('newline') : syntaxError(next.t === 'op' ? next.v : '>'));
    }
    this.k++;
    if (tok.op === '<<') {
      // A line ends the document before any body: bash warns and reads nothing (captured: bash-shell-more).
      this.warnings.push(`bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${next.v}')`);
      redirects.push({ fd: tok.fd, op: '<<', target: next.v });
    } else if (tok.op === '>&') {
      if (next.v !== '1' && next.v !== '2') throw new SyntaxFailure(`bash: ${next.v}: ambiguous redirect`);
      redirects.push({ fd: tok.fd, op: '>&', target: next.v });
    } else {
      redirects.push({ fd: tok.fd, op: tok.op, target: next.v, word: next.parts });
      if (tok.both) redirects.push({ fd: 2, op: '>&', target: '1' });
    }
  }

  private forCommand(): ForCommand {
    this.k++;
    const head = this.tokens[this.k];
    if (head?.t === 'arith') {
      const parts = head.v.split(';');
      if (parts.length !== 3) throw new SyntaxFailure('bash: syntax error: arithmetic expression required');
      this.k++;
      const [init, cond, step] = parts as [string, string, string];
      return { ...this.loopRest(), kind: 'for', name: '', items: undefined, arith: { init, cond, step } };
    }
    const nameTok = this.tokens[this.k];
    if (nameTok?.t !== 'word') this.fail(nameTok);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.v)) throw new SyntaxFailure(`bash: \`${nameTok.v}': not a valid identifier`);
    this.k++;
    let items: Word[] | undefined;
    if (isReserved(this.tokens[this.k], 'in')) {
      this.k++;
      items = [];
      for (let tok = this.tokens[this.k]; tok?.t === 'word'; tok = this.tokens[++this.k]) items.push(tok.parts);
    }
    return { ...this.loopRest(), kind: 'for', name: nameTok.v, items };
  }

  private whileCommand(): WhileCommand {
    const until = isReserved(this.tokens[this.k], 'until');
    this.k++;
    const cond = this.list(['do']);
    return { ...this.doDone(), kind: 'while', until, cond };
  }

  private ifCommand(): IfCommand {
    const branches: Array<{ cond: CommandList; body: CommandList }> = [];
    let orElse: CommandList | undefined;
    for (;;) {
      this.k++; // `if` or `elif`
      const cond = this.list(['then']);
      if (!isReserved(this.tokens[this.k], 'then')) this.fail(undefined);
      this.k++;
      branches.push({ cond, body: this.list(['elif', 'else', 'fi']) });
      const next = this.tokens[this.k];
      if (isReserved(next, 'elif')) continue;
      if (isReserved(next, 'else')) {
        this.k++;
        orElse = this.list(['fi']);
      }
      if (!isReserved(this.tokens[this.k], 'fi')) this.fail(undefined);
      this.k++;
      return { kind: 'if', branches, orElse, redirects: this.compoundTail() };
    }
  }

  /** `{ LIST; }` or `( LIST )`. */
  private groupCommand(): GroupCommand {
    const subshell = isOp(this.tokens[this.k], '(');
    this.k++;
    const close = subshell ? ')' : '}';
    const body = this.list([close]);
    const end = this.tokens[this.k];
    if (subshell ? !isOp(end, ')') : !isReserved(end, '}')) this.fail(end);
    this.k++;
    return { kind: subshell ? 'subshell' : 'group', body, redirects: this.compoundTail() };
  }

  /** `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac`. */
  private caseCommand(): CaseCommand {
    this.k++;
    const word = this.tokens[this.k];
    if (word?.t !== 'word') this.fail(word);
    this.k++;
    if (!isReserved(this.tokens[this.k], 'in')) this.fail(this.tokens[this.k]);
    this.k++;
    const items: CaseItem[] = [];
    while (!isReserved(this.tokens[this.k], 'esac')) {
      if (isOp(this.tokens[this.k], '(')) this.k++;
      const patterns: Word[] = [];
      for (;;) {
        const tok = this.tokens[this.k];
        if (tok?.t !== 'word') this.fail(tok);
        patterns.push(tok.parts);
        this.k++;
        if (!isOp(this.tokens[this.k], '|')) break;
        this.k++;
      }
      if (!isOp(this.tokens[this.k], ')')) this.fail(this.tokens[this.k]);
      this.k++;
      const body = this.list(CASE_ENDS, true);
      const end = this.tokens[this.k];
      if (end?.t === 'op' && CASE_ENDS.includes(end.v)) this.k++;
      else if (!isReserved(end, 'esac')) this.fail(end);
      items.push({ patterns, body, end: end?.t === 'op' ? (end.v as CaseItem['end']) : ';;' });
    }
    this.k++;
    return { kind: 'case', word: word.parts, items, redirects: this.compoundTail() };
  }

  /** `NAME () COMPOUND [redirections]` or `function NAME [()] COMPOUND`. */
  private functionDef(keyword: boolean): FunctionDef {
    if (keyword) this.k++;
    const name = this.tokens[this.k];
    if (name?.t !== 'word') this.fail(name);
    this.k++;
    if (isOp(this.tokens[this.k], '(')) {
      this.k++;
      if (!isOp(this.tokens[this.k], ')')) this.fail(this.tokens[this.k]);
      this.k++;
    } else if (!keyword) this.fail(this.tokens[this.k]);
    const first = this.tokens[this.k];
    const compound = ['{', 'for', 'while', 'until', 'if', 'case', '[['].some((w) => isReserved(first, w)) || isOp(first, '(') || first?.t === 'arith';
    if (!compound) this.fail(first);
    return { kind: 'function', name: name.v, body: this.command(), redirects: [] };
  }

  /** `[[ … ]]`: the tokens up to `]]` read as a conditional expression. */
  private condCommand(): CondCommand {
    this.k++;
    const start = this.k;
    while (this.tokens[this.k] !== undefined && !isReserved(this.tokens[this.k], ']]')) this.k++;
    if (this.tokens[this.k] === undefined) this.fail(undefined);
    const parsed = parseCondition(this.tokens.slice(start, this.k));
    // An interactive bash ends the line there with status 0 (captured), unlike other syntax errors.
    if (!parsed.ok) throw new SyntaxFailure(parsed.message, 0);
    this.k++;
    return { kind: 'cond', expr: parsed.expr, redirects: this.compoundTail() };
  }

  /** `; do BODY; done [redirections]` after a loop's head. */
  private loopRest(): { body: CommandList; redirects: Redirect[] } {
    const sep = this.tokens[this.k];
    if (sep?.t === 'op' && sep.v === ';') this.k++;
    else if (!isReserved(sep, 'do')) this.fail(sep);
    if (!isReserved(this.tokens[this.k], 'do')) this.fail(this.tokens[this.k]);
    return this.doDone();
  }

  /** `do BODY; done [redirections]`. */
  private doDone(): { body: CommandList; redirects: Redirect[] } {
    this.k++;
    const body = this.list(['done']);
    if (!isReserved(this.tokens[this.k], 'done')) this.fail(undefined);
    this.k++;
    return { body, redirects: this.compoundTail() };
  }

  /** Redirections after a compound command's last word, which an operator or the end must follow. */
  private compoundTail(): Redirect[] {
    const redirects: Redirect[] = [];
    for (let tok = this.tokens[this.k]; tok?.t === 'redir'; tok = this.tokens[this.k]) {
      this.k++;
      this.redirect(tok, redirects);
    }
    const after = this.tokens[this.k];
    if (after !== undefined && after.t !== 'op') this.fail(after);
    return redirects;
  }
}

class SyntaxFailure {
  constructor(readonly message: string, readonly status = 2) {}
}

/** Parses one command line; an empty line or a comment gives an empty list. */
export function parseLine(line: string): ParseResult {
  const tk = tokenize(line);
  if (!tk.ok) return tk;
  try {
    const parser = new Parser(tk.tokens, line);
    const list = parser.list();
    return { ok: true, list, ...(parser.warnings.length > 0 ? { warnings: parser.warnings } : {}) };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.message, ...(e.status === 2 ? {} : { status: e.status }) };
    throw e;
  }
}
