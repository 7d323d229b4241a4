/**
 * coreutils sort (-r, -n, -u; byte order, as in the C locale the lab console runs in) and uniq
 * (adjacent duplicates; -c counts them as "%7d ", -d only repeated lines, -u only single ones).
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';
import { joinLines, splitLines, tryHelp } from './lines';

function flags(ctx: CommandContext, tool: string, allowed: string): { set: Set<string>; operands: string[] } | number {
  const set = new Set<string>();
  const operands: string[] = [];
  for (const w of ctx.argv.slice(1)) {
    if (w.startsWith('-') && w !== '-') {
      for (const letter of w.slice(1)) {
        if (!allowed.includes(letter)) {
          ctx.err(`${tool}: invalid option -- '${letter}'\n${tryHelp(tool)}`);
          return tool === 'sort' ? 2 : 1;
        }
        set.add(letter);
      }
      continue;
    }
    operands.push(w);
  }
  return { set, operands };
}

/** A leading number as sort -n reads it (blanks, sign, digits, a decimal point); no number is 0. */
function leadingNumber(line: string): number {
  const m = /^\s*(-?\d*\.?\d+|-?\d+\.?)/.exec(line);
  return m ? Number(m[1]) : 0;
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sort(ctx: CommandContext): number {
  const f = flags(ctx, 'sort', 'rnu');
  if (typeof f === 'number') return f;
  const { inputs, failed } = readInputs(ctx, 'sort', f.operands);
  if (failed) return 2;
  const numeric = f.set.has('n');
  const lines = inputs.flatMap((i) => splitLines(i.text));
  const cmp = (a: string, b: string): number => (numeric ? leadingNumber(a) - leadingNumber(b) : 0) || (numeric && f.set.has('u') ? 0 : byBytes(a, b));
  lines.sort((a, b) => (f.set.has('r') ? cmp(b, a) : cmp(a, b)));
  ctx.out(joinLines(f.set.has('u') ? lines.filter((l, i) => i === 0 || cmp(lines[i - 1] as string, l) !== 0) : lines));
  return 0;
}

export function uniq(ctx: CommandContext): number {
  const f = flags(ctx, 'uniq', 'cdui');
  if (typeof f === 'number') return f;
  const { inputs, failed } = readInputs(ctx, 'uniq', f.operands.slice(0, 1));
  if (failed) return 1;
  const same = (a: string, b: string): boolean => (f.set.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: Array<{ line: string; n: number }> = [];
  for (const line of splitLines(inputs[0]?.text ?? '')) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.n++;
    else groups.push({ line, n: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (f.set.has('d') && g.n < 2) continue;
    if (f.set.has('u') && g.n > 1) continue;
    out += f.set.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`;
  }
  const target = f.operands[1];
  if (target !== undefined) {
    const w = ctx.files.write(target, out, false);
    if (!w.ok) {
      ctx.err(`uniq: ${target}: ${w.error}\n`);
      return 1;
    }
    return 0;
  }
  ctx.out(out);
  return 0;
}
