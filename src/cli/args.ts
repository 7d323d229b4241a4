/** The CLI's options (docs/cli.md), parsed strictly: anything unknown is an error. */
import { CliError } from './cli-error';

export interface CommonOptions {
  requests?: number;
  seed?: number;
  rules?: string;
  format: 'table' | 'json' | 'csv' | 'md';
  out?: string;
  step?: number;
  lang?: 'en' | 'zh';
  all: boolean;
  /** --course: only the hops the slides draw (request and response, routers left out). */
  course: boolean;
  /** console --script FILE: the `HOST# command` lines to run (else stdin). */
  script?: string;
}

const NEEDS_VALUE = new Set(['--requests', '--seed', '--rules', '--format', '-o', '--out', '--step', '--lang', '--script']);

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliError(`${flag}: expected a whole number from ${min} to ${max}, found "${text}"`);
  }
  return Number(text);
}

/** Splits argv into positional words and options; `--` ends option parsing (the rest is returned). */
export function parseArgs(argv: readonly string[]): { positional: string[]; opts: CommonOptions; rest: string[] } {
  const positional: string[] = [];
  const opts: CommonOptions = { format: 'table', all: false, course: false };
  let rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--all' || flag === '--course') {
      opts[flag === '--all' ? 'all' : 'course'] = true;
      continue;
    }
    if (!NEEDS_VALUE.has(flag)) throw new CliError(`unknown option ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`${flag}: expected a value`);
    switch (flag) {
      case '--requests':
        opts.requests = wholeNumber(flag, value, 0, 1_000_000);
        break;
      case '--seed':
        opts.seed = wholeNumber(flag, value, 0, 4_294_967_295);
        break;
      case '--step':
        opts.step = wholeNumber(flag, value, 0, 100_000_000);
        break;
      case '--rules':
        opts.rules = value;
        break;
      case '--script':
        opts.script = value;
        break;
      case '-o':
      case '--out':
        opts.out = value;
        break;
      case '--format':
        if (value !== 'table' && value !== 'json' && value !== 'csv' && value !== 'md') throw new CliError(`--format: expected table, json, csv or md, found "${value}"`);
        opts.format = value;
        break;
      case '--lang':
        if (value !== 'en' && value !== 'zh') throw new CliError(`--lang: expected en or zh, found "${value}"`);
        opts.lang = value;
        break;
    }
  }
  return { positional, opts, rest };
}
