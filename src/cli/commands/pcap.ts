/** `pcap <scenario> -o out.pcapng`: every frame of the run, one pcapng interface per segment. */
import { writeFileSync } from 'node:fs';
import { pcapOf } from '../../engine';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario, withRulesFile } from '../load-scenario';

export function pcapCommand(positional: string[], opts: CommonOptions): string {
  if (opts.out === undefined) throw new CliError('pcap: expected -o FILE (where to write the pcapng)');
  const { scenario } = loadScenario(positional[0]);
  const s = withRulesFile(scenario, opts.rules);
  const bytes = pcapOf(s, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.requests !== undefined ? { requests: opts.requests } : {}) });
  try {
    writeFileSync(opts.out, bytes);
  } catch (e) {
    throw new CliError(`${opts.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return '';
}
