/**
 * ipvsadm.c's process_options() on a live host: one command line (or one line of -R) read,
 * carried out on the host's IPVS table, and answered as the tool answers: nothing on success,
 * the kernel's refusal as libipvs words it (status 255, the -1 main() returns), a parse
 * failure with fail()'s status 2 or tryhelp_exit()'s 255.
 */
import {
  applyRule, ipvsadmStreamLines, ipvsadmUsage, ipvsOf, IPVSADM_VERSION_LINE, readIpvsadm,
  setIpvsTimeouts, zeroCounters, type Host, type IpvsDirector,
} from '../../../engine';
import type { CommandContext } from '../../command';

/** What a line did: its status, and whether the process ends there (exit() inside ipvsadm). */
export interface LineOutcome {
  readonly status: number;
  readonly exits: boolean;
}

/** -1 returned from main() or a libipvs call: the shell sees 255. */
const KERNEL_REFUSED = 255;

const done = (status: number, exits = false): LineOutcome => ({ status, exits });

/** The IPVS of the host the command runs on: ipvsadm's ipvs_init() loads the module first. */
export function directorOf(ctx: CommandContext): { host: Host; director: IpvsDirector } | undefined {
  const host = ctx.live.host(ctx.hostId);
  const director = host ? ipvsOf(ctx.live, host, true) : undefined;
  return host && director ? { host, director } : undefined;
}

/**
 * One command line, without the program name. `readingStdin` is set for the lines of -R.
 * @example processOptions(ctx, ['-A', '-t', '10.10.10.100:80', '-s', 'rr'], false) // { status: 0, exits: false }
 */
export function processOptions(ctx: CommandContext, argv: readonly string[], readingStdin: boolean): LineOutcome {
  const target = directorOf(ctx);
  if (!target) {
    ctx.err(`lvs-flow: ipvsadm: no host ${ctx.hostId}\n`);
    return done(2, true);
  }
  const { host, director } = target;
  const req = readIpvsadm(argv, { readingStdin });
  if ('ok' in req) {
    ctx.err(`${req.error}\n`);
    return req.skipsLine ? done(req.exitCode) : done(req.exitCode, true);
  }
  switch (req.kind) {
    case 'help':
      ctx.out(ipvsadmUsage(ctx.argv[0] ?? 'ipvsadm'));
      return done(0, true);
    case 'version':
      ctx.out(IPVSADM_VERSION_LINE);
      return done(0, true);
    case 'view': {
      const r = director.runIpvsadm(ctx.live.world, argv.length === 0 ? ['-L'] : argv);
      if (r.ok) {
        ctx.out(r.stdout);
        return done(0);
      }
      // list_service() of a missing service exits with 1 at once.
      ctx.err(r.stderr);
      return done(r.exitCode, true);
    }
    case 'rule': {
      const r = applyRule(ctx.live, host, req.rule);
      if (r.ok) return done(0);
      ctx.err(`${r.error.message}\n`);
      return done(KERNEL_REFUSED);
    }
    case 'zero': {
      const r = zeroCounters(ctx.live, host, req.service);
      if (r.ok) return done(0);
      ctx.err(`${r.error.message}\n`);
      return done(KERNEL_REFUSED);
    }
    case 'set-timeouts':
      setIpvsTimeouts(ctx.live, host, req);
      return done(0);
    case 'restore':
      return done(restoreTable(ctx, ctx.stdin), true);
    default: {
      const never: never = req;
      return never;
    }
  }
}

/**
 * restore_table(): every line of the input through process_options(), until one ends the
 * process; the status is the last line's (so a refusal mid-file does not show in it).
 */
export function restoreTable(ctx: CommandContext, input: string): number {
  let status = 0;
  for (const { argv } of ipvsadmStreamLines(input)) {
    const r = processOptions(ctx, argv, true);
    status = r.status;
    if (r.exits) return status;
  }
  return status;
}
