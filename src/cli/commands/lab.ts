/** `lab export <scenario> -o DIR`: writes the scenario as a Kathará lab folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportLab } from '../../shell';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario } from '../load-scenario';

export function labCommand(positional: string[], opts: CommonOptions): string {
  const [sub, arg] = positional;
  if (sub !== 'export') throw new CliError(`lab: expected "lab export <scenario> -o DIR", found "lab ${sub ?? ''}"`);
  if (opts.out === undefined) throw new CliError('lab export: expected -o DIR (the folder to write the lab into)');
  const { scenario } = loadScenario(arg);
  const r = exportLab(scenario);
  if (!r.ok) throw new CliError(`lab export: ${r.error}`);
  try {
    for (const [path, text] of r.files) {
      const full = join(opts.out, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  } catch (e) {
    throw new CliError(`${opts.out}: cannot write the lab (${(e as NodeJS.ErrnoException).code ?? 'unwritable'})`);
  }
  return '';
}
