/**
 * The three programs of Debian's ipvsadm package: `ipvsadm` itself, and the two shell
 * scripts around it, `ipvsadm-save` and `ipvsadm-restore` (/usr/sbin, ipvsadm 1.31).
 */
import type { CommandContext, CommandFn } from '../../command';
import { processOptions, restoreTable } from './process';

/** `ipvsadm [options]`: main() runs process_options() once; plain `ipvsadm` lists the table. */
export function ipvsadm(ctx: CommandContext): number {
  return processOptions(ctx, ctx.argv.slice(1), false).status;
}

/**
 * ipvsadm-save: `-n` asks for numbers; any other word starting with `-` prints the script's
 * help on stderr and exits 1; other words are ignored. Then `ipvsadm -S [-n]`.
 */
export function ipvsadmSave(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.some((a) => a.startsWith('-') && a !== '-n')) {
    ctx.err('ipvsadm-save: Script to save the IPVS table to stdout.\n   With the -n option, prints out the table in numeric format.\n');
    return 1;
  }
  return processOptions(ctx, args.includes('-n') ? ['-S', '-n'] : ['-S'], false).status;
}

/**
 * ipvsadm-restore: `INPUT="$(grep -v '^#')"; ipvsadm -C; echo "$INPUT" | ipvsadm -R`. Lines
 * starting with `#` go, the table is cleared, and the rest runs as `ipvsadm -R` runs it; the
 * status is ipvsadm -R's. Arguments are ignored.
 */
export function ipvsadmRestore(ctx: CommandContext): number {
  const kept = ctx.stdin.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  processOptions(ctx, ['-C'], false);
  return restoreTable(ctx, kept);
}

export const IPVSADM_COMMANDS: ReadonlyArray<[string, CommandFn]> = [
  ['ipvsadm', ipvsadm], ['ipvsadm-save', ipvsadmSave], ['ipvsadm-restore', ipvsadmRestore],
];
