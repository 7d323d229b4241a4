/** A Kathará lab folder (one holding lab.conf) read into memory for the shell's importer. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CliError } from './cli-error';

/** Files larger than this are not lab text (captures, images): skipped. */
const MAX_FILE_BYTES = 1_000_000;

export function isLabDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && statSync(join(path, 'lab.conf')).isFile();
  } catch {
    return false;
  }
}

export function readLabDir(dir: string): { files: Map<string, string>; name: string } {
  const files = new Map<string, string>();
  const walk = (d: string, depth: number): void => {
    if (depth > 8) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.isFile() && statSync(p).size <= MAX_FILE_BYTES) files.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  try {
    walk(dir, 0);
  } catch (e) {
    throw new CliError(`${dir}: cannot read the lab folder (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  return { files, name: basename(dir.replace(/\/+$/, '')) || 'lab' };
}
