/**
 * coreutils yes: its words (or `y`) a line, over and over, in 8 KiB writes, until the pipe's
 * reader has gone (`yes | head -3`: yes then dies of SIGPIPE once the pipe's 64 KiB are read).
 * To the terminal, a file or a reader that never stops it would run until Ctrl+C; here it stops
 * after MAX_YES_LINES lines on the terminal, MAX_YES_BLOCKS writes elsewhere, and says so.
 */
import type { CommandContext } from '../../command';
import { MAX_LOOP_ROUNDS } from '../../loop-control';

export const MAX_YES_LINES = MAX_LOOP_ROUNDS;
export const MAX_YES_BLOCKS = 256;

export function yes(ctx: CommandContext): number {
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  const line = `${words.length > 0 ? words.join(' ') : 'y'}\n`;
  const perBlock = Math.max(1, Math.floor(8192 / line.length));
  const block = line.repeat(perBlock);
  const blocks = ctx.isatty.out ? Math.ceil(MAX_YES_LINES / perBlock) : MAX_YES_BLOCKS;
  for (let i = 0; i < blocks; i++) {
    ctx.out(block);
    if (ctx.stdoutGone?.()) return 0;
  }
  ctx.err(`lvs-flow: yes: stopped after ${blocks * perBlock} lines (a real console runs it until Ctrl+C)\n`);
  return 1;
}
