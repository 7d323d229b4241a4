/**
 * coreutils wc: lines, words and bytes (-l -w -c, default all three), right-aligned to a width
 * coreutils computes from the inputs: 1 for a single count of a single input, else the digits of
 * the regular files' total size, at least 7 when stdin is a pipe (its size is unknown).
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';
import { tryHelp } from './lines';

export function wc(ctx: CommandContext): number {
  let lines = false;
  let words = false;
  let bytes = false;
  let chars = false;
  const operands: string[] = [];
  for (const w of ctx.argv.slice(1)) {
    const long = { '--lines': 'l', '--words': 'w', '--bytes': 'c', '--chars': 'm' }[w];
    const letters = long ?? (/^-[lwcm]+$/.test(w) ? w.slice(1) : undefined);
    if (letters !== undefined) {
      lines ||= letters.includes('l');
      words ||= letters.includes('w');
      bytes ||= letters.includes('c');
      chars ||= letters.includes('m');
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      ctx.err(`wc: invalid option -- '${w.slice(1, 2)}'\n${tryHelp('wc')}`);
      return 1;
    }
    operands.push(w);
  }
  if (!lines && !words && !bytes && !chars) lines = words = bytes = true;
  const { inputs, failed } = readInputs(ctx, 'wc', operands);
  const counts = inputs.map((i) => ({
    name: i.name,
    l: (i.text.match(/\n/g) ?? []).length,
    w: i.text.split(/[ \t\n\r\f\v]+/).filter((x) => x !== '').length,
    c: new TextEncoder().encode(i.text).length,
    m: [...i.text].length,
  }));
  const shown = [lines, words, chars, bytes].filter(Boolean).length;
  // stdin read through a pipe (no operands, or "-") has no size: width at least 7.
  const fromPipe = operands.length === 0 || operands.includes('-');
  const regularTotal = counts.filter((c) => c.name !== '-').reduce((s, c) => s + c.c, 0);
  let width = shown === 1 && inputs.length === 1 ? 1 : Math.max(String(regularTotal).length, fromPipe && ctx.stdinIsFile !== true ? 7 : 1);
  if (inputs.length === 0) width = 1;
  const row = (c: { l: number; w: number; c: number; m: number }, name: string): string => {
    const cols: number[] = [];
    if (lines) cols.push(c.l);
    if (words) cols.push(c.w);
    if (chars) cols.push(c.m);
    if (bytes) cols.push(c.c);
    return `${cols.map((n) => String(n).padStart(width)).join(' ')}${name === '-' && operands.length === 0 ? '' : ` ${name}`}\n`;
  };
  for (const c of counts) ctx.out(row(c, c.name));
  if (counts.length > 1) {
    const total = counts.reduce((s, c) => ({ l: s.l + c.l, w: s.w + c.w, c: s.c + c.c, m: s.m + c.m }), { l: 0, w: 0, c: 0, m: 0 });
    ctx.out(row(total, 'total'));
  }
  return failed ? 1 : 0;
}
