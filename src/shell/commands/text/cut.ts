/**
 * coreutils cut: `-c LIST` (and `-b`, the same for ASCII text), `-f LIST` with `-d DELIM`
 * (a tab by default) and `-s`; LIST as `N`, `N-M`, `N-`, `-M`, comma-separated.
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';
import { splitLines, tryHelp } from './lines';

type Range = [number, number];

function parseList(text: string): Range[] | undefined {
  const ranges: Range[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (a < 1 || b < a) return undefined;
    ranges.push([a, b]);
  }
  return ranges;
}

const selected = (ranges: Range[], i: number): boolean => ranges.some(([a, b]) => i >= a && i <= b);

export function cut(ctx: CommandContext): number {
  let mode: 'c' | 'f' | undefined;
  let list: string | undefined;
  let delim = '\t';
  let onlyDelimited = false;
  const operands: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    const m = /^-([bcfd])(.*)$/.exec(w);
    if (m) {
      const value = m[2] !== '' ? m[2] : argv[++i];
      if (value === undefined) {
        ctx.err(`cut: option requires an argument -- '${m[1]}'\n${tryHelp('cut')}`);
        return 1;
      }
      if (m[1] === 'd') {
        if ([...value].length !== 1) {
          ctx.err(`cut: the delimiter must be a single character\n${tryHelp('cut')}`);
          return 1;
        }
        delim = value;
      } else {
        if (mode !== undefined) {
          ctx.err(`cut: only one type of list may be specified\n${tryHelp('cut')}`);
          return 1;
        }
        mode = m[1] === 'f' ? 'f' : 'c';
        list = value;
      }
      continue;
    }
    if (w === '-s' || w === '--only-delimited') {
      onlyDelimited = true;
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      ctx.err(`cut: invalid option -- '${w.slice(1, 2)}'\n${tryHelp('cut')}`);
      return 1;
    }
    operands.push(w);
  }
  if (mode === undefined || list === undefined) {
    ctx.err(`cut: you must specify a list of bytes, characters, or fields\n${tryHelp('cut')}`);
    return 1;
  }
  const ranges = parseList(list);
  if (!ranges) {
    ctx.err(`cut: invalid field range\n${tryHelp('cut')}`);
    return 1;
  }
  const { inputs, failed } = readInputs(ctx, 'cut', operands);
  let out = '';
  for (const input of inputs) {
    for (const line of splitLines(input.text)) {
      if (mode === 'c') {
        out += `${[...line].filter((_, i) => selected(ranges, i + 1)).join('')}\n`;
        continue;
      }
      if (!line.includes(delim)) {
        if (!onlyDelimited) out += `${line}\n`;
        continue;
      }
      out += `${line.split(delim).filter((_, i) => selected(ranges, i + 1)).join(delim)}\n`;
    }
  }
  ctx.out(out);
  return failed ? 1 : 0;
}
