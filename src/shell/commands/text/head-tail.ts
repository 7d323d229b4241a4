/**
 * coreutils head and tail by lines: `-n N`, `-nN`, `-N`, `--lines=N`; head's `-n -N` (all but
 * the last N), tail's `-n +N` (from line N on); by bytes with `-c N` (`--bytes=N`) the same way. Several files get `==> FILE <==` headers.
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';
import { joinLines, splitLines, tryHelp } from './lines';

type Count = { n: number; sign: '' | '+' | '-'; bytes?: boolean };

function parseArgs(ctx: CommandContext, tool: 'head' | 'tail'): { count: Count; quiet: boolean; operands: string[] } | number {
  let count: Count = { n: 10, sign: '' };
  let quiet = false;
  const operands: string[] = [];
  const argv = ctx.argv.slice(1);
  const setCount = (text: string, bytes = false): boolean => {
    const m = /^([-+]?)(\d+)$/.exec(text);
    if (!m) {
      ctx.err(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${text}'\n`);
      return false;
    }
    count = { n: Number(m[2]), sign: m[1] as Count['sign'], bytes };
    return true;
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (/^-\d+$/.test(w)) {
      count = { n: Number(w.slice(1)), sign: '' };
      continue;
    }
    if (w === '-n' || w === '--lines' || w === '-c' || w === '--bytes') {
      const v = argv[++i];
      const bytes = w === '-c' || w === '--bytes';
      if (v === undefined) {
        ctx.err(`${tool}: option requires an argument -- '${bytes ? 'c' : 'n'}'\n${tryHelp(tool)}`);
        return 1;
      }
      if (!setCount(v, bytes)) return 1;
      continue;
    }
    if (w.startsWith('--lines=') || w.startsWith('--bytes=') || /^-[nc]./.test(w)) {
      if (!setCount(w.startsWith('--') ? w.slice(8) : w.slice(2), w.startsWith('--bytes') || w.startsWith('-c'))) return 1;
      continue;
    }
    if (w === '-q' || w === '--quiet' || w === '--silent') {
      quiet = true;
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      ctx.err(`${tool}: invalid option -- '${w.slice(1, 2)}'\n${tryHelp(tool)}`);
      return 1;
    }
    operands.push(w);
  }
  return { count, quiet, operands };
}

/** `pick` gives the range [start, end) of the lines to print. */
function run(ctx: CommandContext, tool: 'head' | 'tail', pick: (total: number, c: Count) => [number, number]): number {
  const a = parseArgs(ctx, tool);
  if (typeof a === 'number') return a;
  const { inputs, failed } = readInputs(ctx, tool, a.operands);
  const headers = !a.quiet && a.operands.length > 1;
  inputs.forEach((input, i) => {
    if (headers) ctx.out(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    if (a.count.bytes) {
      const [start, end] = pick(input.text.length, a.count);
      ctx.out(input.text.slice(start, end));
      return;
    }
    const lines = splitLines(input.text);
    const [start, end] = pick(lines.length, a.count);
    let text = joinLines(lines.slice(start, end));
    // The input's last line keeps its missing newline.
    if (end === lines.length && end > start && !input.text.endsWith('\n')) text = text.slice(0, -1);
    ctx.out(text);
  });
  return failed ? 1 : 0;
}

export function head(ctx: CommandContext): number {
  return run(ctx, 'head', (total, c) => [0, c.sign === '-' ? Math.max(0, total - c.n) : Math.min(total, c.n)]);
}

export function tail(ctx: CommandContext): number {
  return run(ctx, 'tail', (total, c) => [c.sign === '+' ? Math.min(total, Math.max(0, c.n - 1)) : Math.max(0, total - c.n), total]);
}
