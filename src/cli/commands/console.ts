/**
 * `console <scenario> [--script FILE] [--seed S]`: runs `HOST# command` lines (FILE, else stdin)
 * on the scenario's hosts and prints the transcript, as the lab VM's console records it.
 */
import { readFileSync } from 'node:fs';
import { ConsoleSession, parseScript } from '../../shell';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { isLabDir, readLabDir } from '../lab-dir';
import { loadScenario } from '../load-scenario';

function readScript(path: string | undefined): string {
  try {
    return readFileSync(path ?? 0, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`${path ?? 'stdin'}: cannot read the script (${code})`);
  }
}

function openSession(arg: string | undefined, seed: number | undefined): ConsoleSession {
  if (arg !== undefined && isLabDir(arg)) {
    const { files, name } = readLabDir(arg);
    const r = ConsoleSession.fromLab(files, { name, ...(seed !== undefined ? { seed } : {}) });
    if (!r.ok) throw new CliError(`${arg}: ${r.error}`);
    return r.session;
  }
  const { scenario } = loadScenario(arg);
  return ConsoleSession.fromScenario(scenario, seed !== undefined ? { seed } : {});
}

export function consoleCommand(positional: string[], opts: CommonOptions): string {
  const session = openSession(positional[0], opts.seed);
  const script = parseScript(readScript(opts.script), session.hostIds());
  if (!script.ok) throw new CliError(`${opts.script ?? 'stdin'}: ${script.error}`);
  return session.runScript(script.lines);
}
