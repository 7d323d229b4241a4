/**
 * `npx tsx scripts/bench-load-ab.ts [--base REV] [--rounds N]`: A/B of the load view's engine
 * (issue 15) in ONE Node process, alternating, because this shared machine's speed drifts within
 * minutes and two runs apart cannot be compared.
 *
 *   A  the sources of a git revision (--base REV, default HEAD), exported with `git archive`
 *   B  this working tree, uncommitted edits included
 *
 * Both engines are built as `npm run bench` builds them (a Vite library build, no minification).
 * Each round, in alternating order (AB, BA, …), runs the load workload of `npm run bench`
 * (scripts/bench-kit/load-workload.ts: 1,000 clients, 100,000 requests, nat-lab with wlc, RS1
 * failed midway) and the IPVS workload (100,000 requests through nat-lab with wlc, streaming)
 * on each engine. It fails if A and B give different samples or totals: a speed-up must not
 * change what the run shows. Printed: per engine the median and best hops/s of each workload,
 * the load/IPVS ratio, B/A per round, and the load average before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Scenario } from '../src/engine';
import { loadEngine, type Engine } from './bench-lib';
import { runLoadBench } from './bench-kit/load-workload';
import { exportRevision } from './bench-kit/revision';
import { loadNow, median } from './bench-kit/stats';
import { optionIn } from './bench-kit/args';

const argv = process.argv.slice(2);
const opt = optionIn(argv);
const BASE_REV = opt('--base', 'HEAD');
const ROUNDS = Number(opt('--rounds', '5'));
const UNBOUNDED = { maxEvents: Number.MAX_SAFE_INTEGER, maxTimeMs: Number.MAX_SAFE_INTEGER } as const;

function natLabWlc(e: Engine): Scenario {
  const s = e.getPreset('nat-lab');
  if (!s) throw new Error('no preset nat-lab');
  return { ...s, hosts: s.hosts.map((h) => (h.ipvs ? { ...h, ipvs: { services: h.ipvs.services.map((v) => ({ ...v, scheduler: 'wlc' })) } } : h)) };
}

interface Side {
  name: string;
  engine: Engine;
  load: number[];
  ipvs: number[];
  fingerprint: unknown;
}

function measure(side: Side): void {
  const natLab = side.engine.getPreset('nat-lab') as Scenario;
  let t0 = performance.now();
  const run = runLoadBench(side.engine.startLoadRun, natLab);
  side.load.push(run.hops / ((performance.now() - t0) / 1000));
  const fingerprint = { hops: run.hops, samples: run.samples, totals: run.totals };
  if (side.fingerprint === undefined) side.fingerprint = fingerprint;
  else if (!isDeepStrictEqual(side.fingerprint, fingerprint)) throw new Error(`${side.name}: two runs of the same workload differ`);
  const nat = natLabWlc(side.engine);
  t0 = performance.now();
  const r = side.engine.simulateStreaming(nat, { requests: 100_000, ...UNBOUNDED });
  side.ipvs.push(r.stats.frames / ((performance.now() - t0) / 1000));
}

const dir = mkdtempSync(join(tmpdir(), 'lvs-flow-load-ab-'));
try {
  const sha = exportRevision(BASE_REV, dir);
  process.stderr.write(`· building A (${sha}) and B (working tree); load ${loadNow()}\n`);
  const a: Side = { name: `A ${sha}`, engine: await loadEngine('bundle', join(dir, 'scripts/bench-engine.ts')), load: [], ipvs: [], fingerprint: undefined };
  const b: Side = { name: 'B tree', engine: await loadEngine('bundle'), load: [], ipvs: [], fingerprint: undefined };
  const before = loadNow();
  // One unmeasured round each for the JIT.
  measure(a);
  measure(b);
  a.load.length = a.ipvs.length = b.load.length = b.ipvs.length = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of i % 2 ? [b, a] : [a, b]) measure(side);
    process.stderr.write(`· round ${i + 1}/${ROUNDS}: load A ${Math.round(a.load[i] ?? 0)} B ${Math.round(b.load[i] ?? 0)} hops/s\n`);
  }
  if (!isDeepStrictEqual(a.fingerprint, b.fingerprint)) throw new Error('A and B give different samples or totals for the same workload');
  const k = (x: number) => `${Math.round(x / 1000).toLocaleString('en-US')}k`;
  process.stdout.write(`load-engine A/B, ${ROUNDS} rounds, load average ${before} → ${loadNow()}; samples and totals identical\n`);
  for (const s of [a, b]) {
    const ratios = s.load.map((x, i) => x / (s.ipvs[i] as number));
    process.stdout.write(`  ${s.name.padEnd(12)} load median ${k(median(s.load))} best ${k(Math.max(...s.load))} hops/s · ipvs median ${k(median(s.ipvs))} best ${k(Math.max(...s.ipvs))} · load/ipvs per round median ${median(ratios).toFixed(3)}\n`);
  }
  const perRound = b.load.map((x, i) => x / (a.load[i] as number));
  process.stdout.write(`  B/A load hops/s per round: median ${median(perRound).toFixed(3)} (${perRound.map((x) => x.toFixed(2)).join(' ')})\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
