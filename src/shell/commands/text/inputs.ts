/**
 * The inputs of a coreutils-style filter: each file operand in turn, or stdin when there is
 * none (or for "-"); a missing file is `NAME: FILE: No such file or directory` and status 1.
 */
import type { CommandContext } from '../../command';

export interface Input {
  readonly name: string;
  readonly text: string;
}

export function readInputs(ctx: CommandContext, tool: string, operands: readonly string[]): { inputs: Input[]; failed: boolean } {
  if (operands.length === 0) return { inputs: [{ name: '-', text: ctx.stdin }], failed: false };
  const inputs: Input[] = [];
  let failed = false;
  for (const f of operands) {
    if (f === '-') {
      inputs.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const r = ctx.files.read(f);
    if (r.ok) inputs.push({ name: f, text: r.text });
    else {
      ctx.err(`${tool}: ${f}: ${r.error}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}
