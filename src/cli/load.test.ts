/**
 * `cli load` as a teacher or checker runs it (docs/cli.md): the contract's JSON (a sample per
 * --sample-ms, then totals), byte-identical for the same seed, a failed server's share falling
 * to nothing once the health checker quiesces it, and one-line errors with exit status 2.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/cli/main.ts');

function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

interface Out {
  series: Array<{ t: number; servers: Record<string, { active: number; inactive: number; conns: number; weight: number }>; director: { in_packets: number; out_packets: number } }>;
  totals: { requests: number; ok: number; failed: number; servers: Record<string, { conns: number }> };
}

const ARGS = ['load', 'nat-lab', '--clients', '200', '--requests', '3000', '--rate', '200', '--seed', '9', '--scheduler', 'wlc',
  '--fail', 'RS1@3', '--restore', 'RS1@8', '--health', '1,2,2', '--format', 'json'];
let first: { code: number; stdout: string; stderr: string };
let again: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  [first, again] = await Promise.all([cli(ARGS), cli(ARGS)]);
}, 120_000);

describe('cli load', () => {
  it('prints the contract\'s JSON, the same for the same seed', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
    const out = JSON.parse(first.stdout) as Out;
    expect(out.series[0]).toMatchObject({ t: 1000, servers: { RS1: { weight: 1 }, RS2: { weight: 1 } }, director: { in_packets: expect.any(Number), out_packets: expect.any(Number) } });
    expect(out.series[1]?.t).toBe(2000);
    expect(out.totals.requests).toBe(3000);
    expect(out.totals.ok + out.totals.failed).toBe(3000);
    // conns is per sample: they add up to the totals.
    for (const id of ['RS1', 'RS2']) expect(out.series.reduce((a, s) => a + (s.servers[id]?.conns ?? 0), 0)).toBe(out.totals.servers[id]?.conns);
  });

  it('shows the failed server quiesced by the health checker, then back', () => {
    const out = JSON.parse(first.stdout) as Out;
    const rs1 = (t: number) => out.series.find((s) => s.t === t)?.servers.RS1;
    // Checks every second, each failing after 1 s without an answer: the ones from 4 s and 5 s fail at 5 s and 6 s.
    expect(rs1(7000)).toMatchObject({ weight: 0, conns: 0 });
    // Back at 8 s: the checks at 9 s and 10 s succeed.
    expect(rs1(11_000)?.weight).toBe(1);
    expect((rs1(12_000)?.conns ?? 0) + (rs1(13_000)?.conns ?? 0)).toBeGreaterThan(0);
  });

  it('refuses a bad option in one line naming it, with exit status 2', async () => {
    const runs = await Promise.all([
      cli(['load', 'nat-lab', '--clients', '1001', '--requests', '5']),
      cli(['load', 'nat-lab', '--clients', '5', '--requests', '5', '--health', '5,x,2']),
      cli(['load', 'nat-lab', '--clients', '5', '--requests', '5', '--scheduler', 'fastest']),
      cli(['load', 'nat-lab', '--clients', '5', '--requests', '5', '--fail', 'RS7@3']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs.map((r) => r.stderr.split('\n').length)).toEqual([2, 2, 2, 2]);
    expect(runs[0]?.stderr).toMatch(/^lvs-flow: --clients: expected a whole number from 1 to 1000, found "1001"/);
    expect(runs[1]?.stderr).toMatch(/^lvs-flow: --health: expected INTERVAL_S,FAILS,RISES\[,remove\]/);
    expect(runs[2]?.stderr).toMatch(/^lvs-flow: --scheduler: expected one of rr, wrr/);
    expect(runs[3]?.stderr).toMatch(/^lvs-flow: --fail\/--restore: RS7 is not a host of nat-lab/);
  }, 120_000);
});
