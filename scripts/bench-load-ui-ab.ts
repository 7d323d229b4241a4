/**
 * `npx tsx scripts/bench-load-ui-ab.ts [--base REV] [--rounds N] [--port N]`: A/B of the load
 * view's main-thread figures (issue 15) in ONE Chromium, alternating, because this shared
 * machine's load changes minute to minute and two bench:ui runs apart cannot be compared.
 *
 *   A  a git revision's sources (--base REV, default HEAD), exported with `git archive`
 *   B  this working tree, uncommitted edits included
 *
 * Both are built by `vite build` (minified, as shipped) and served in turn on --port (4180).
 * Each round, in alternating order (AB, BA, …), runs bench:ui's load part on each
 * (scripts/bench-ui/load.ts: npm run bench's load workload in the view's worker, flat out, RS1
 * failed midway; the page only, no npm run bench after it). Printed per side: the longest
 * main-thread task (Long Tasks API) and the frame p95 of each round, their medians, and the load
 * average before and after. Each run is traced (DevTools timeline), so the main thread's tasks are
 * also given by CPU time — the longest, how many took ≥ 50 ms of CPU, the sum — which other
 * jobs on the machine do not stretch as they stretch wall time.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { loadViewRun, mainThreadCpu, type LoadViewRun } from './bench-ui/load';
import { exportRevision } from './bench-kit/revision';
import { baseUrl, build, CHROMIUM_ARGS, serve, stop } from './bench-kit/serve';
import { fmt, loadNow, median } from './bench-kit/stats';
import { optionIn } from './bench-kit/args';

const argv = process.argv.slice(2);
const opt = optionIn(argv);
const BASE_REV = opt('--base', 'HEAD');
const ROUNDS = Number(opt('--rounds', '4'));
const PORT = Number(opt('--port', '4180'));

/** rAF timestamps and long animation frames with their scripts: what loadViewRun reads. */
const PROBE = `(() => {
  const B = (window.__uiBench = { frames: [], sampling: false, loafs: [] });
  const loop = (ts) => { if (B.sampling) B.frames.push(ts); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      if (!B.sampling) return;
      for (const e of list.getEntries()) B.loafs.push({ startTime: e.startTime, duration: e.duration, scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, duration: s.duration })) });
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {}
})();`;

interface Side {
  name: string;
  dist: string;
  runs: LoadViewRun[];
  cpu: Array<ReturnType<typeof mainThreadCpu>>;
}

const work = mkdtempSync(join(tmpdir(), 'lvs-flow-load-ui-ab-'));
let server: ChildProcess | null = null;
let browser: Browser | null = null;
const progress = (m: string) => process.stderr.write(`· ${m}\n`);
try {
  const src = join(work, 'a-src');
  mkdirSync(src, { recursive: true });
  const sha = exportRevision(BASE_REV, src);
  progress(`building A (${sha}) and B (working tree); load ${loadNow()}`);
  const a: Side = { name: `A ${sha}`, dist: join(work, 'a'), runs: [], cpu: [] };
  const b: Side = { name: 'B tree', dist: join(work, 'b'), runs: [], cpu: [] };
  build(a.dist, true, src);
  build(b.dist, true);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const before = loadNow();
  const once = async (side: Side) => {
    server = await serve(side.dist, PORT);
    const br = browser as Browser;
    let trace: Buffer | null = null;
    try {
      const r = await loadViewRun({
        open: async () => {
          const ctx = await br.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US', colorScheme: 'light' });
          const page = await ctx.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.addInitScript({ content: PROBE });
          return { page, errors, close: () => ctx.close() };
        },
        base: baseUrl(PORT), progress: () => {}, pageOnly: true,
        hook: async (page) => {
          await br.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
          return async () => {
            trace = await br.stopTracing();
          };
        },
      });
      side.runs.push(r);
      const c = mainThreadCpu(trace ?? Buffer.from('[]'));
      side.cpu.push(c);
      progress(`${side.name}: longest task ${fmt(r.longest, 0)} ms (${r.longTasks.length} long tasks), frame p95 ${fmt(r.p95)} ms, worker ${Math.round(r.workerHopsPerS).toLocaleString('en-US')} hops/s simulating; `
        + `main thread CPU: longest task ${fmt(c.longestCpuMs, 0)} ms, ${c.over50} ≥ 50 ms, ${fmt(c.totalCpuMs, 0)} ms in all; load ${loadNow()}`);
    } finally {
      await stop(server);
      server = null;
    }
  };
  for (let i = 0; i < ROUNDS; i++) for (const side of i % 2 ? [b, a] : [a, b]) await once(side);
  process.stdout.write(`load view A/B, ${ROUNDS} rounds, load average ${before} → ${loadNow()}\n`);
  for (const s of [a, b]) {
    const longest = s.runs.map((r) => r.longest);
    const p95 = s.runs.map((r) => r.p95);
    process.stdout.write(`  ${s.name.padEnd(12)} longest task median ${fmt(median(longest), 0)} ms (${longest.map((x) => fmt(x, 0)).join(' ')}) · frame p95 median ${fmt(median(p95))} ms (${p95.map((x) => fmt(x)).join(' ')})\n`);
    const cpuLongest = s.cpu.map((c) => c.longestCpuMs);
    const cpuTotal = s.cpu.map((c) => c.totalCpuMs);
    process.stdout.write(`  ${''.padEnd(12)} main thread CPU: longest task median ${fmt(median(cpuLongest), 0)} ms (${cpuLongest.map((x) => fmt(x, 0)).join(' ')}) · in all median ${fmt(median(cpuTotal), 0)} ms (${cpuTotal.map((x) => fmt(x, 0)).join(' ')})\n`);
  }
} finally {
  await browser?.close();
  if (server) await stop(server);
  rmSync(work, { recursive: true, force: true });
}
