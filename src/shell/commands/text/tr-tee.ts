/**
 * coreutils tr (translate SET1 to SET2, -d delete, -s squeeze; ranges, backslash escapes and
 * [:class:] sets) and tee (stdin to each file and to stdout, -a to append).
 */
import type { CommandContext } from '../../command';
import { tryHelp } from './lines';

const CLASSES: Readonly<Record<string, string>> = {
  lower: 'abcdefghijklmnopqrstuvwxyz', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', digit: '0123456789',
  space: ' \t\n\r\f\v', blank: ' \t', alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** A SET as the characters it stands for, in order. */
function expandSet(set: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1] as string] !== undefined) {
      chars.push(...(CLASSES[cls[1] as string] as string));
      i += cls[0].length - 1;
      continue;
    }
    let c = set[i] as string;
    if (c === '\\' && i + 1 < set.length) {
      c = ESCAPES[set[i + 1] as string] ?? (set[i + 1] as string);
      i++;
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2] as string;
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

export function tr(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let del = false;
  let squeeze = false;
  while (args.length > 0 && /^-[ds]+$/.test(args[0] as string)) {
    const o = args.shift() as string;
    del ||= o.includes('d');
    squeeze ||= o.includes('s');
  }
  const [set1, set2] = args;
  const needed = del && squeeze ? 2 : del || squeeze ? 1 : 2;
  if (set1 === undefined || (needed === 2 && set2 === undefined)) {
    ctx.err(set1 === undefined ? `tr: missing operand\n${tryHelp('tr')}` : `tr: missing operand after '${set1}'\nTwo strings must be given when translating.\n${tryHelp('tr')}`);
    return 1;
  }
  const from = expandSet(set1);
  const to = set2 === undefined ? [] : expandSet(set2);
  let out = '';
  let last = '';
  const squeezeSet = new Set(squeeze ? (set2 !== undefined ? to : from) : []);
  for (const ch of ctx.stdin) {
    let c = ch;
    if (del) {
      if (from.includes(c)) continue;
    } else if (set2 !== undefined) {
      const k = from.lastIndexOf(c);
      if (k >= 0) c = to[Math.min(k, to.length - 1)] ?? c;
    }
    if (squeezeSet.has(c) && c === last) continue;
    out += c;
    last = c;
  }
  ctx.out(out);
  return 0;
}

export function tee(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const append = args[0] === '-a' || args[0] === '--append';
  if (append) args.shift();
  let status = 0;
  for (const f of args) {
    const w = ctx.files.write(f, ctx.stdin, append);
    if (!w.ok) {
      ctx.err(`tee: ${f}: ${w.error}\n`);
      status = 1;
    }
  }
  ctx.out(ctx.stdin);
  return status;
}
