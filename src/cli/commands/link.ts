/**
 * `link encode <scenario> [--step N] [--lang en|zh]` prints the share link's fragment exactly as
 * the app's Copy link makes it; `link decode <fragment | URL | ->` opens one the way the app
 * does and prints {"scenario", "step", "lang"} on one line (contract: docs/cli.md).
 */
import { decodeLink, encodeLink, linkStateFor, MAX_FRAGMENT_CHARS } from '../../share';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario, withRulesFile } from '../load-scenario';

const USAGE = 'link: expected "encode <scenario> [--step N] [--lang en|zh]" or "decode <fragment | ->"';
/** stdin past this is not a link (a whole URL is a little longer than its fragment). */
const STDIN_LIMIT_BYTES = 4 * MAX_FRAGMENT_CHARS;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('link decode -: expected the fragment on stdin (pipe it in), found a terminal');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    total += b.length;
    if (total > STDIN_LIMIT_BYTES) {
      process.stdin.destroy();
      throw new CliError(`link too large (more than ${STDIN_LIMIT_BYTES} bytes on stdin; a link fragment is at most ${MAX_FRAGMENT_CHARS} characters)`);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

function encode(args: string[], opts: CommonOptions): string {
  if (args.length !== 1) throw new CliError(`link encode: expected one scenario (a preset id or a JSON file), found ${args.length}`);
  const scenario = withRulesFile(loadScenario(args[0]).scenario, opts.rules);
  const view = { step: opts.step ?? 0, depth: 'course', lang: opts.lang ?? 'en' } as const;
  return `${encodeLink(linkStateFor(scenario, view))}\n`;
}

async function decode(args: string[]): Promise<string> {
  if (args.length !== 1) throw new CliError(`link decode: expected one fragment, URL or "-" (stdin), found ${args.length}`);
  const text = args[0] === '-' ? await readStdin() : (args[0] as string);
  const r = decodeLink(text);
  if (!r.ok) throw new CliError(r.message);
  return `${JSON.stringify({ scenario: r.value.scenario, step: r.value.step, lang: r.value.lang })}\n`;
}

export function linkCommand(positional: string[], opts: CommonOptions): string | Promise<string> {
  const [sub, ...args] = positional;
  if (sub === 'encode') return encode(args, opts);
  if (sub === 'decode') return decode(args);
  throw new CliError(sub === undefined ? USAGE : `unknown link command "${sub}"; ${USAGE}`);
}
