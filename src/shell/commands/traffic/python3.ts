/**
 * `python3 -m http.server [PORT] [-b ADDRESS]`: Python 3.11's file server, serving the host's
 * web root (/var/www/html) as the lab VM runs it, with its own 404 page.
 *
 * With `&` it starts and the prompt returns at once, printing nothing (its banner and request
 * log go to the background job; the lab VM's transcript shows nothing either). In the
 * foreground a real console would print the banner and then block until Ctrl-C, which would
 * stop the server again, so nobody could reach it; this console cannot block, so it prints
 * the banner and leaves the server running, as if it had been started with `&`.
 */
import { startWebServer } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';

const DEFAULT_PORT = 8000;

export function python3(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.out('Python 3.11.2\n');
    return 0;
  }
  if (args[0] !== '-m' || args[1] !== 'http.server') {
    ctx.err('lvs-flow: python3: only "python3 -m http.server [PORT]" and "python3 --version" are simulated\n');
    return 2;
  }
  let port = DEFAULT_PORT;
  let bind = '0.0.0.0';
  const rest = args.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '-b' || a === '--bind') {
      const v = rest[++i];
      if (v === undefined) return usage(ctx, `argument -b/--bind: expected one argument`);
      bind = v;
    } else if (/^\d+$/.test(a) && Number(a) <= 65535) port = Number(a);
    else return usage(ctx, /^-/.test(a) ? `unrecognized arguments: ${a}` : `argument port: invalid int value: '${a}'`);
  }
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  if (!startWebServer(ctx.live, host, port, ctx.files.page(), 'python3')) {
    ctx.err(`lvs-flow: python3: port ${port} is in use on ${ctx.hostId} (Python stops with "OSError: [Errno 98] Address already in use")\n`);
    return 1;
  }
  if (!ctx.background) ctx.out(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`);
  return 0;
}

/** argparse's error, as lvs-flow words it (the real usage text is not captured). */
function usage(ctx: CommandContext, problem: string): number {
  ctx.err(`lvs-flow: python3 -m http.server: ${problem}\n`);
  return 2;
}

export const PYTHON_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['python3', python3]];
