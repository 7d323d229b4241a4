/**
 * bench:ui's `load` part (issue 15): the load view runs `npm run bench`'s load workload
 * (scripts/bench-kit/load-workload.ts: 1,000 clients, 100,000 requests through nat-lab with wlc,
 * keep-alive 2 s, the health checker on) in its Web Worker, flat out, the charts updating, and
 * RS1 is failed from the page once the run passes 50 simulated seconds. Measured on the page,
 * from the Start click to the run's end:
 *
 *   ui_load_longest_task_ms   the longest main-thread task (Long Tasks API, ≥ 50 ms; 0 when none)
 *   ui_load_frame_p95_ms      95th percentile of requestAnimationFrame intervals meanwhile
 *   ui_load_worker_hops_per_s frame-hops/s in the worker: the run's hops (the trace's frame count,
 *                             the counter npm run bench's ipvs_hops_per_s divides too) over the
 *                             worker's time inside the engine's advance() (its own clock; the
 *                             progress line's figure, read from its data-frames/data-sim-ms). The
 *                             same over all its time on the run (the director's tables taken at
 *                             each sample included) is printed beside it
 *   ui_load_ipvs_ratio        that over `npm run bench`'s ipvs_hops_per_s, measured right after
 *                             in this same run (Node, the engine as shipped, best of 3); the
 *                             Node figure of the same load workload (load_hops_per_s) is printed
 *                             too, so what the worker costs is told apart from what the load costs
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { LOAD_CLIENTS, LOAD_FAIL_AT_MS, LOAD_KEEPALIVE_MS, LOAD_RATE_PER_S, LOAD_REQUESTS } from '../bench-kit/load-workload';
import type { ProfileHook } from '../bench-kit/cpu-profile';
import { ROOT } from '../bench-kit/serve';
import { fmt, quantile, sleep } from '../bench-kit/stats';

/** Long tasks, collected from before any page script runs. */
const LONG_TASKS_SCRIPT = `(() => {
  const L = (window.__longTasks = { on: false, tasks: [] });
  try {
    new PerformanceObserver((list) => {
      if (!L.on) return;
      for (const e of list.getEntries()) L.tasks.push({ startTime: e.startTime, duration: e.duration, name: e.name });
    }).observe({ type: 'longtask', buffered: false });
  } catch {}
})();`;

export interface LoadViewRun {
  intervals: number[];
  p95: number;
  longTasks: Array<{ startTime: number; duration: number }>;
  longest: number;
  /** The long animation frames meanwhile (ui-bench's probe): what ran in them, by script. */
  loafScripts: Array<{ at: number; duration: number; what: string }>;
  workerHopsPerS: number;
  /** The run's hops over all the worker's time on it, the director's tables at each sample included. */
  workerBusyHopsPerS: number;
  wallMs: number;
  failedAtS: number;
  /** `npm run bench`'s figures, measured after the page's run. */
  ipvsHopsPerS: number;
  nodeLoadHopsPerS: number;
  errors: string[];
}

export interface LoadBenchDeps {
  /** A fresh page with the bench's frame probe installed, and its console errors. */
  open: () => Promise<{ page: Page; errors: string[]; close: () => Promise<void> }>;
  base: string;
  progress: (msg: string) => void;
  /** Started right before Start's click and stopped at the run's end (--profile's CPU profile). */
  hook?: ProfileHook;
  /** Skip `npm run bench` afterwards (a profiled run measures where the page's time goes, not speed). */
  pageOnly?: boolean;
}

/** The first run's line: "wlc: running · 12 s simulated · 3,456 requests · 789,012 hops/s". */
const LINE = `document.querySelector('[data-testid="load-progress"] p')`;
const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));

async function lineOf(page: Page): Promise<{ state: string; s: number; frames: number; simMs: number; busyMs: number }> {
  const r = (await page.evaluate(`(() => { const p = ${LINE}; return p ? { state: p.getAttribute('data-state'), text: p.textContent, frames: p.dataset.frames, simMs: p.dataset.simMs, busyMs: p.dataset.busyMs } : null; })()`)) as { state: string; text: string; frames: string; simMs: string; busyMs: string } | null;
  return { state: r?.state ?? 'idle', s: num(r?.text.match(/([\d,]+) s simulated/)?.[1]), frames: Number(r?.frames ?? 0), simMs: Number(r?.simMs ?? 0), busyMs: Number(r?.busyMs ?? 0) };
}

/** `npm run bench`'s IPVS and load figures, in this process's run. */
function engineFigures(): { ipvs: number; load: number } {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/bench.ts', '--json', '--only', 'load_hops_per_s', '--runs', '3'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`npm run bench failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as { ipvs_hops_per_s: number; load_hops_per_s: number };
  return { ipvs: j.ipvs_hops_per_s, load: j.load_hops_per_s };
}

export async function loadViewRun(d: LoadBenchDeps): Promise<LoadViewRun> {
  const { page, errors, close } = await d.open();
  let run: Omit<LoadViewRun, 'ipvsHopsPerS' | 'nodeLoadHopsPerS'>;
  try {
    await page.addInitScript({ content: LONG_TASKS_SCRIPT });
    await page.goto(`${d.base}?scenario=nat-lab&lang=en`);
    await page.waitForSelector('[data-testid="topology"]');
    if (!(await page.getByTestId('load-toggle').isVisible())) await page.getByTestId('header-menu').click();
  await page.getByTestId('load-toggle').click();
    await page.getByTestId('load-view').waitFor();
    const set = (f: string, v: number) => page.getByTestId(`load-${f}`).fill(String(v));
    await set('clients', LOAD_CLIENTS);
    await set('requests', LOAD_REQUESTS);
    await set('ratePerS', LOAD_RATE_PER_S);
    await set('keepAliveMs', LOAD_KEEPALIVE_MS);
    // Long enough that the requests, not the duration, end the run.
    await set('durationS', 10 * (LOAD_REQUESTS / LOAD_RATE_PER_S));
    await page.getByTestId('load-scheduler').selectOption('wlc');
    await page.getByTestId('load-health').check();
    await page.getByTestId('load-pace').selectOption('Infinity');
    await sleep(500);
    await page.evaluate('(() => { const B = window.__uiBench; B.frames = []; B.loafs = []; B.sampling = true; window.__longTasks.on = true; window.__longTasks.tasks = []; })()');
    const stopHook = d.hook ? await d.hook(page) : null;
    const t0 = Date.now();
    await page.getByTestId('load-start').click();
    let failedAtS = Number.NaN;
    let last = await lineOf(page);
    // Plain evaluates a few times a second: Playwright's locators would cost the page frames.
    while (last.state === 'running' || last.state === 'idle') {
      if (Number.isNaN(failedAtS) && last.s * 1000 >= LOAD_FAIL_AT_MS) {
        await page.evaluate(`document.querySelector('[data-testid="load-fail-RS1"]').click()`);
        failedAtS = last.s;
        d.progress(`load: RS1 failed at ${failedAtS} s simulated`);
      }
      if (Date.now() - t0 > 600_000) throw new Error('load: the run did not end in 10 minutes');
      await sleep(50);
      last = await lineOf(page);
    }
    const wallMs = Date.now() - t0;
    await stopHook?.();
    await page.evaluate('(() => { window.__uiBench.sampling = false; window.__longTasks.on = false; })()');
    if (last.state !== 'done') throw new Error(`load: the run ended ${last.state}`);
    const frames = (await page.evaluate('window.__uiBench.frames')) as number[];
    const longTasks = (await page.evaluate('window.__longTasks.tasks')) as Array<{ startTime: number; duration: number }>;
    const startedAt = longTasks[0]?.startTime ?? 0;
    const loafs = (await page.evaluate('window.__uiBench.loafs')) as Array<{ startTime: number; duration: number; scripts: Array<{ invoker: string; fn: string; duration: number }> }>;
    const loafScripts = loafs.flatMap((l) => l.scripts.filter((x) => x.duration >= 10).map((x) => ({ at: Math.round(l.startTime - startedAt), duration: Math.round(x.duration), what: `${x.invoker}${x.fn ? ` ${x.fn}` : ''}` })));
    const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
    run = {
      intervals, p95: quantile(intervals, 0.95), longTasks, longest: Math.max(0, ...longTasks.map((t) => t.duration)), loafScripts,
      workerHopsPerS: last.frames / (last.simMs / 1000), workerBusyHopsPerS: last.frames / (last.busyMs / 1000), wallMs, failedAtS, errors,
    };
    d.progress(`load: ${fmt(wallMs / 1000)} s wall, worker ${Math.round(run.workerHopsPerS).toLocaleString('en-US')} hops/s simulating (${Math.round(run.workerBusyHopsPerS).toLocaleString('en-US')} with the tables), frame p95 ${fmt(run.p95)} ms, ${longTasks.length} long tasks (longest ${fmt(run.longest, 0)} ms: ${longTasks.map((t) => fmt(t.duration, 0)).join(', ')})`);
    for (const x of loafScripts) d.progress(`  long frame script ${x.duration} ms: ${x.what}`);
  } finally {
    await close();
  }
  if (d.pageOnly) return { ...run, ipvsHopsPerS: Number.NaN, nodeLoadHopsPerS: Number.NaN };
  d.progress('load: npm run bench --only load_hops_per_s (ipvs_hops_per_s first)');
  const engine = engineFigures();
  return { ...run, ipvsHopsPerS: engine.ipvs, nodeLoadHopsPerS: engine.load };
}

export function loadNote(r: LoadViewRun): string {
  return `${LOAD_CLIENTS.toLocaleString('en-US')} clients, ${LOAD_REQUESTS.toLocaleString('en-US')} requests, wlc, RS1 failed at ${r.failedAtS} s; ${fmt(r.wallMs / 1000)} s wall, ${r.intervals.length} frames, `
    + `${r.longTasks.length} long tasks; worker ${Math.round(r.workerHopsPerS).toLocaleString('en-US')} hops/s simulating (${Math.round(r.workerBusyHopsPerS).toLocaleString('en-US')} with the tables), Node: load ${Math.round(r.nodeLoadHopsPerS).toLocaleString('en-US')}, ipvs ${Math.round(r.ipvsHopsPerS).toLocaleString('en-US')} hops/s`;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): what the page's work cost, whatever else ran on the machine. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Kinds of main-thread work a long task is made of (each summed where it starts inside the task). */
const WORK = ['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'ParseHTML', 'HitTest'];

/** The renderer main thread's complete events of a timeline trace. */
function mainThreadEvents(buf: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return main ? events.filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X') : [];
}

/**
 * The main thread's tasks by CPU time (ms): the longest, how many took 50 ms or more of CPU, and
 * the sum. On a machine whose other jobs stretch every task's wall time, this is what compares
 * two builds: a task's CPU time does not count the time the thread waited for a core.
 */
export function mainThreadCpu(buf: Buffer): { longestCpuMs: number; over50: number; totalCpuMs: number } {
  const tasks = mainThreadEvents(buf).filter((e) => e.name === 'RunTask');
  const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000);
  return { longestCpuMs: Math.max(0, ...cpu), over50: cpu.filter((c) => c >= 50).length, totalCpuMs: cpu.reduce((a, b) => a + b, 0) };
}

/** The renderer main thread's tasks of 50 ms or more in a timeline trace, each with what it was made of (ms). */
export function longTaskBreakdown(buf: Buffer): Array<{ ms: number; parts: string }> {
  const mine = mainThreadEvents(buf);
  const tasks = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const by = new Map<string, number>();
    for (const e of mine) {
      if (e.ts < task.ts || e.ts >= end || !WORK.includes(e.name)) continue;
      by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    return { ms: (task.dur ?? 0) / 1000, parts: [...by].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ') };
  });
}
