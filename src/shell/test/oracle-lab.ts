/**
 * Runs one of the captured oracle labs (fixtures/oracle/labs/<name>) through the simulated
 * console, as the lab VM ran it, and gives both transcripts normalised for comparison.
 * Test code: reads the fixtures with Node's fs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConsoleSession, parseScript } from '..';
import { normalizeTranscript } from './normalize';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'oracle');

export function labFiles(name: string): Map<string, string> {
  const dir = join(FIXTURES, 'labs', name);
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export function kernelTranscript(name: string): string {
  return readFileSync(join(FIXTURES, 'results', name, 'transcript.txt'), 'utf8');
}

/** Our transcript of the lab's session.txt, after its startup files. */
export function simulatedTranscript(name: string): string {
  const files = labFiles(name);
  const r = ConsoleSession.fromLab(files, { name });
  if (!r.ok) throw new Error(r.error);
  const script = parseScript(files.get('session.txt') ?? '', r.session.hostIds());
  if (!script.ok) throw new Error(script.error);
  return r.session.runScript(script.lines);
}

/** Both transcripts normalised, split per command block for readable test failures. */
export function compareLab(name: string): { ours: string[]; kernel: string[] } {
  const split = (t: string): string[] => normalizeTranscript(t).split(/\n(?=root@)/);
  return { ours: split(simulatedTranscript(name)), kernel: split(kernelTranscript(name)) };
}
