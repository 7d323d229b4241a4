/**
 * `npx tsx scripts/bench-ab.ts`: A/B of the host inspector on a long trace (issue 10), old build
 * against new in ONE browser process, alternating, because this shared machine's speed drifts
 * up to 3× within minutes and two separate runs cannot be compared.
 *
 *   A  the sources of a git revision (--base REV, default HEAD: the last commit), exported with `git archive`
 *      into a temporary directory that borrows this tree's node_modules
 *   B  this working tree, uncommitted edits included
 *
 * Both are built (minified, or not with --no-minify so profiles name the functions), served
 * by `vite preview` on loopback ports 4181 and 4182, and opened on nat-lab with 10,000 requests
 * (scripts/bench-kit/inspector.ts). Each round, in alternating order (AB, BA, …), presses End
 * on each page after Home and after the checkpoints are built again, and records key → the end
 * of the frame whose inspector shows the last step. Printed: per build, the median, the spread
 * (min, p25, p75, max) and every value; the load average before and after.
 *
 * --reps N (15), --base REV, --no-minify, --trace (then also, per build, a Chromium timeline
 * of 5 more End presses summarised as main-thread time per press by kind: script, style,
 * layout, paint…).
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { INSPECT_PROBE_SCRIPT, INSPECT_REQUESTS, openInspector, type InspectorPage } from './bench-kit/inspector';
import { exportRevision } from './bench-kit/revision';
import { baseUrl, build, CHROMIUM_ARGS, ROOT, serve, stop } from './bench-kit/serve';
import { fmt, loadNow, median, quantile } from './bench-kit/stats';
import { optionIn } from './bench-kit/args';

const argv = process.argv.slice(2);
const opt = optionIn(argv);
const REPS = Number(opt('--reps', '15'));
const BASE_REV = opt('--base', 'HEAD');
const MINIFY = !argv.includes('--no-minify');
const TRACE = argv.includes('--trace');
const progress = (msg: string) => process.stderr.write(`· ${msg}\n`);

interface Variant {
  name: 'A' | 'B';
  label: string;
  port: number;
  dist: string;
  server?: ChildProcess;
  page?: Page;
  inspector?: InspectorPage;
  endMs: number[];
  trace: Map<string, number>;
}

/** Main-thread time of one press by trace event name (outermost script only), in ms. */
const TRACE_KINDS: Record<string, string> = {
  FunctionCall: 'script', EventDispatch: 'script', TimerFire: 'script', FireAnimationFrame: 'script',
  UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'pre-paint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit',
  MajorGC: 'gc', MinorGC: 'gc',
};

async function tracedPress(browser: Browser, v: Variant): Promise<void> {
  const page = v.page!;
  const ins = v.inspector!;
  // Each round leaves the page at the first step with its checkpoints built.
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await ins.press('End', ins.total);
  const buf = await browser.stopTracing();
  await ins.press('Home', 1);
  await ins.allBuilt();
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Array<{ name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }> }).traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // Script kinds nest (an EventDispatch runs FunctionCalls): count the largest per press only.
  const script = new Map<string, number>();
  for (const e of events) {
    const kind = TRACE_KINDS[e.name];
    if (!kind || e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const ms = (e.dur ?? 0) / 1000;
    if (kind === 'script') script.set(e.name, (script.get(e.name) ?? 0) + ms);
    else v.trace.set(kind, (v.trace.get(kind) ?? 0) + ms);
  }
  v.trace.set('script', (v.trace.get('script') ?? 0) + Math.max(0, ...script.values()));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lvs-flow-bench-ab-'));
  const variants: Variant[] = [];
  let browser: Browser | null = null;
  try {
    const loadBefore = loadNow();
    const srcA = join(work, 'a');
    spawnSync('mkdir', ['-p', srcA]);
    const sha = exportRevision(BASE_REV, srcA);
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).length;
    variants.push(
      { name: 'A', label: `${BASE_REV} (${sha})`, port: 4181, dist: join(work, 'dist-a'), endMs: [], trace: new Map() },
      { name: 'B', label: `working tree (${head}${dirty ? ` + ${dirty} changed files` : ''})`, port: 4182, dist: join(work, 'dist-b'), endMs: [], trace: new Map() },
    );
    progress(`load average ${loadBefore}; building A = ${variants[0]!.label} and B = ${variants[1]!.label}`);
    build(variants[0]!.dist, MINIFY, srcA);
    build(variants[1]!.dist, MINIFY);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (const v of variants) {
      v.server = await serve(v.dist, v.port);
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US', colorScheme: 'light' });
      v.page = await ctx.newPage();
      await v.page.addInitScript({ content: INSPECT_PROBE_SCRIPT });
      v.inspector = await openInspector(v.page, baseUrl(v.port));
      // Warm up: the first End replays from time zero, then the checkpoints are built.
      await v.inspector.press('End', v.inspector.total);
      await v.inspector.press('Home', 1);
      await v.inspector.allBuilt();
      progress(`${v.name}: ${v.inspector.total} steps, loaded in ${fmt(v.inspector.loadMs / 1000)} s`);
    }
    for (let i = 0; i < REPS; i++) {
      for (const v of i % 2 ? [...variants].reverse() : variants) {
        const ins = v.inspector!;
        v.endMs.push(await ins.press('End', ins.total));
        await ins.press('Home', 1);
        await ins.allBuilt();
      }
      progress(`round ${i + 1}: A ${fmt(variants[0]!.endMs.at(-1) ?? Number.NaN)} ms, B ${fmt(variants[1]!.endMs.at(-1) ?? Number.NaN)} ms; load ${loadNow()}`);
    }
    if (TRACE) for (let i = 0; i < 5; i++) for (const v of variants) await tracedPress(browser, v);
    const loadAfter = loadNow();
    console.log(`inspector End on nat-lab with ${INSPECT_REQUESTS.toLocaleString('en-US')} requests, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; `
      + `Chromium ${browser.version()} headless, 1280×720${MINIFY ? '' : ', unminified'}; load average ${loadBefore} → ${loadAfter} on ${cpus().length} CPUs; ${REPS} rounds, alternating`);
    for (const v of variants) {
      const xs = v.endMs;
      console.log(`  ${v.name} ${v.label}: median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, p25 ${fmt(quantile(xs, 0.25))}, p75 ${fmt(quantile(xs, 0.75))}, max ${fmt(Math.max(...xs))}); ${xs.map((x) => fmt(x, 0)).join(' ')}`);
    }
    const [a, b] = variants as [Variant, Variant];
    const ratios = a.endMs.map((x, i) => (b.endMs[i] ?? Number.NaN) / x);
    console.log(`  B/A per round: median ${fmt(median(ratios), 2)} (min ${fmt(Math.min(...ratios), 2)}, max ${fmt(Math.max(...ratios), 2)})`);
    if (TRACE) {
      const kinds = [...new Set([...a.trace.keys(), ...b.trace.keys()])].sort((x, y) => (a.trace.get(y) ?? 0) - (a.trace.get(x) ?? 0));
      console.log('  main-thread ms per End press (timeline, mean of 5):');
      for (const k of kinds) console.log(`    ${k.padEnd(10)} A ${fmt((a.trace.get(k) ?? 0) / 5).padStart(6)}   B ${fmt((b.trace.get(k) ?? 0) / 5).padStart(6)}`);
    }
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    for (const v of variants) if (v.server) await stop(v.server);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
