/** coreutils seq: `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`, whole or decimal numbers. */
import type { CommandContext } from '../../command';
import { tryHelp } from './lines';

/** How many digits follow the point: seq prints every number with the most any operand has. */
function decimals(text: string): number {
  const m = /\.(\d*)$/.exec(text);
  return m ? (m[1] as string).length : 0;
}

export function seq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err(`seq: missing operand\n${tryHelp('seq')}`);
    return 1;
  }
  if (args.length > 3) {
    ctx.err(`seq: extra operand '${args[3]}'\n${tryHelp('seq')}`);
    return 1;
  }
  for (const a of args) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(a)) {
      ctx.err(`seq: invalid floating point argument: '${a}'\n${tryHelp('seq')}`);
      return 1;
    }
  }
  const [first, step, last] = args.length === 1 ? ['1', '1', args[0] as string] : args.length === 2 ? [args[0] as string, '1', args[1] as string] : (args as [string, string, string]);
  const inc = Number(step);
  if (inc === 0) {
    ctx.err(`seq: invalid Zero increment value: '${step}'\n${tryHelp('seq')}`);
    return 1;
  }
  const places = Math.max(decimals(first), decimals(step));
  const scale = 10 ** places;
  const a = Math.round(Number(first) * scale);
  const d = Math.round(inc * scale);
  const z = Number(last) * scale;
  let out = '';
  for (let v = a, n = 0; (d > 0 ? v <= z : v >= z) && n < 1_000_000; v += d, n++) out += `${(v / scale).toFixed(places)}\n`;
  ctx.out(out);
  return 0;
}
