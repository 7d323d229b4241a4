/**
 * GNU grep 3.8 for the forms labs use in a pipe or on a file: -c -v -i -n -w -x -E -F -q -s -l
 * -h -H -o -e PATTERN, -A/-B/-C N context (groups apart separated by "--") (grouped letters as getopt reads them, and their long names). Exit status 0
 * when a line was selected, 1 when none was, 2 on an error.
 */
import type { CommandContext } from '../../command';
import { grepRegex, type GrepSyntax } from './grep-regex';
import { readInputs } from './inputs';
import { splitLines } from './lines';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

interface GrepOptions {
  count: boolean;
  invert: boolean;
  ignoreCase: boolean;
  lineNumbers: boolean;
  word: boolean;
  line: boolean;
  quiet: boolean;
  noMessages: boolean;
  filesWithMatches: boolean;
  names: boolean | undefined;
  onlyMatching: boolean;
  after: number;
  before: number;
  syntax: GrepSyntax;
  patterns: string[];
}

const LONG: Readonly<Record<string, string>> = {
  count: 'c', 'invert-match': 'v', 'ignore-case': 'i', 'line-number': 'n', 'word-regexp': 'w', 'line-regexp': 'x',
  'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', quiet: 'q', silent: 'q', 'no-messages': 's',
  'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', regexp: 'e', 'only-matching': 'o',
  'after-context': 'A', 'before-context': 'B', context: 'C',
};

function parse(ctx: CommandContext): { o: GrepOptions; operands: string[] } | number {
  const o: GrepOptions = {
    count: false, invert: false, ignoreCase: false, lineNumbers: false, word: false, line: false, quiet: false,
    noMessages: false, filesWithMatches: false, names: undefined, onlyMatching: false, after: 0, before: 0, syntax: 'basic', patterns: [],
  };
  const operands: string[] = [];
  const argv = ctx.argv.slice(1);
  const set = (letter: string, value: string | undefined): boolean => {
    switch (letter) {
      case 'c': o.count = true; break;
      case 'v': o.invert = true; break;
      case 'i': case 'y': o.ignoreCase = true; break;
      case 'n': o.lineNumbers = true; break;
      case 'w': o.word = true; break;
      case 'x': o.line = true; break;
      case 'E': o.syntax = 'extended'; break;
      case 'F': o.syntax = 'fixed'; break;
      case 'G': o.syntax = 'basic'; break;
      case 'q': o.quiet = true; break;
      case 's': o.noMessages = true; break;
      case 'l': o.filesWithMatches = true; break;
      case 'h': o.names = false; break;
      case 'H': o.names = true; break;
      case 'e': o.patterns.push(value as string); break;
      case 'o': o.onlyMatching = true; break;
      case 'A': o.after = Number(value); break;
      case 'B': o.before = Number(value); break;
      case 'C': o.after = o.before = Number(value); break;
      default: return false;
    }
    return true;
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const [name, inline] = w.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (name === 'color' || name === 'colour') continue;
      const hits = Object.keys(LONG).filter((l) => l.startsWith(name));
      const exact = LONG[name] !== undefined ? name : hits.length === 1 ? hits[0] : undefined;
      if (exact === undefined) {
        ctx.err(`grep: ${hits.length > 1 ? `option '${w}' is ambiguous` : `unrecognized option '${w}'`}\n${USAGE}`);
        return 2;
      }
      const letter = LONG[exact] as string;
      const takes = 'eABC'.includes(letter);
      const value = takes ? inline ?? argv[++i] : undefined;
      if (takes && value === undefined) {
        ctx.err(`grep: option '--${exact}' requires an argument\n${USAGE}`);
        return 2;
      }
      if (letter !== 'e' && !/^\d+$/.test(value ?? '0')) {
        ctx.err(`grep: ${value}: invalid context length argument\n`);
        return 2;
      }
      set(letter, value);
      continue;
    }
    if (!w.startsWith('-') || w === '-') {
      operands.push(w);
      continue;
    }
    for (let k = 1; k < w.length; k++) {
      const letter = w[k] as string;
      if ('eABC'.includes(letter)) {
        const value = k + 1 < w.length ? w.slice(k + 1) : argv[++i];
        if (value === undefined) {
          ctx.err(`grep: option requires an argument -- '${letter}'\n${USAGE}`);
          return 2;
        }
        if (letter !== 'e' && !/^\d+$/.test(value)) {
          ctx.err(`grep: ${value}: invalid context length argument\n`);
          return 2;
        }
        set(letter, value);
        break;
      }
      if ('mdDf'.includes(letter)) {
        ctx.err(`lvs-flow: grep: option -${letter} is not simulated\n`);
        return 2;
      }
      if (!set(letter, undefined)) {
        ctx.err(`grep: invalid option -- '${letter}'\n${USAGE}`);
        return 2;
      }
    }
  }
  if (o.patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      ctx.err(USAGE);
      return 2;
    }
    // A pattern operand holds one pattern a line.
    o.patterns.push(...p.split('\n'));
  }
  return { o, operands };
}

export function grep(ctx: CommandContext): number {
  const parsed = parse(ctx);
  if (typeof parsed === 'number') return parsed;
  const { o, operands } = parsed;
  const sources: string[] = [];
  for (const p of o.patterns) {
    const r = grepRegex(p, o.syntax);
    if ('error' in r) {
      ctx.err(`grep: ${r.error}\n`);
      return 2;
    }
    sources.push(o.line ? `^(?:${r.source})$` : o.word ? `(?<![A-Za-z0-9_])(?:${r.source})(?![A-Za-z0-9_])` : r.source);
  }
  const re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), o.ignoreCase ? 'i' : '');
  const { inputs, failed } = readInputs({ ...ctx, err: (t) => (o.noMessages ? undefined : ctx.err(t)) }, 'grep', operands);
  const names = o.names ?? operands.length > 1;
  let selected = false;
  for (const input of inputs) {
    const label = input.name === '-' ? '(standard input)' : input.name;
    let count = 0;
    const lines = splitLines(input.text);
    const prefix = (i: number, sep: string): string => `${names ? `${label}${sep}` : ''}${o.lineNumbers ? `${i + 1}${sep}` : ''}`;
    let lastShown = -1;
    let afterLeft = 0;
    const show = (i: number, sep: string, text: string): void => {
      if ((o.before > 0 || o.after > 0) && lastShown >= 0 && i > lastShown + 1) ctx.out('--\n');
      ctx.out(`${prefix(i, sep)}${text}\n`);
      lastShown = i;
    };
    lines.forEach((line, i) => {
      const hit = re.test(line) !== o.invert;
      if (!hit) {
        if (afterLeft > 0 && !o.quiet && !o.count && !o.filesWithMatches) show(i, '-', line);
        afterLeft = Math.max(0, afterLeft - 1);
        return;
      }
      count++;
      if (o.quiet || o.count || o.filesWithMatches) return;
      for (let b = Math.max(lastShown + 1, i - o.before); b < i; b++) show(b, '-', lines[b] as string);
      afterLeft = o.after;
      if (o.onlyMatching && !o.invert) {
        const all = new RegExp(re.source, re.flags + 'g');
        for (const m of line.matchAll(all)) if (m[0] !== '') show(i, ':', m[0]);
        lastShown = i;
        return;
      }
      show(i, ':', line);
    });
    if (count > 0) selected = true;
    if (o.quiet && selected) return 0;
    if (o.quiet) continue;
    if (o.filesWithMatches) {
      if (count > 0) ctx.out(`${label}\n`);
    } else if (o.count) ctx.out(`${names ? `${label}:` : ''}${count}\n`);
  }
  if (failed) return 2;
  return selected ? 0 : 1;
}
