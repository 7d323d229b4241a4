/**
 * `console <scenario> [--script FILE] [--seed S]`: runs `HOST# command` lines (FILE, else stdin)
 * on the scenario's hosts and prints the transcript, as the lab VM's console records it.
 */
import { readFileSync } from 'node:fs';
import { ConsoleSession, parseScript } from '../../shell';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario } from '../load-scenario';

function readScript(path: string | undefined): string {
  try {
    return readFileSync(path ?? 0, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`${path ?? 'stdin'}: cannot read the script (${code})`);
  }
}

export function consoleCommand(positional: string[], opts: CommonOptions): string {
  const { scenario } = loadScenario(positional[0]);
  const script = parseScript(readScript(opts.script), scenario.hosts.map((h) => h.id));
  if (!script.ok) throw new CliError(`${opts.script ?? 'stdin'}: ${script.error}`);
  const session = new ConsoleSession(scenario, opts.seed !== undefined ? { seed: opts.seed } : {});
  return session.runScript(script.lines);
}
