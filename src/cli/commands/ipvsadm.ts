/** `ipvsadm <scenario> -- <options>`: what ipvsadm prints on the director after the run. */
import { ipvsadmAtEnd } from '../../engine';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario, withRulesFile } from '../load-scenario';

export function ipvsadmCommand(positional: string[], opts: CommonOptions, rest: string[]): string {
  const { scenario } = loadScenario(positional[0]);
  const s = withRulesFile(scenario, opts.rules);
  const r = ipvsadmAtEnd(s, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.requests !== undefined ? { requests: opts.requests } : {}) }, rest);
  // The real tool's stderr and status, passed on unchanged.
  if (!r.ok) throw new CliError(r.stderr.trimEnd(), 2);
  return r.stdout;
}
