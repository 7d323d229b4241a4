/** A git revision's sources, for the A/B benches (scripts/bench-ab.ts, scripts/bench-phone-ab.ts). */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve';

/** The sources of `rev` in a fresh directory, with this tree's node_modules. */
export function exportRevision(rev: string, dir: string): string {
  const sha = spawnSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new Error(`no such revision: ${rev}`);
  const r = spawnSync('bash', ['-c', `git archive ${sha} | tar -x -C '${dir}'`], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git archive ${sha} failed: ${r.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return sha;
}
