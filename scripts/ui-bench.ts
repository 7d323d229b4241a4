/**
 * `npm run bench:ui`: the UI's performance targets (issue 5), measured in Debian's Chromium
 * (headless, no GPU, 1280×720) against a production build served by `vite preview` on loopback.
 * `npx tsx scripts/ui-bench.ts --json` prints one JSON object and nothing else.
 *
 *   ui_initial_js_gzip_kb  every <script src> of dist/index.html (the module entry, the PWA's
 *                          registerSW.js) and its modulepreload links, each gzipped with node:zlib
 *                          at level 9, summed (1 kB = 1000 bytes); every other .js file is listed
 *                          apart, and the lazy chunks the browser fetched before the first draw
 *   ui_first_draw_ms       navigation start → the first frame that contains the topology's first
 *                          host: a MutationObserver added before any page script sees the host,
 *                          the frame is the next requestAnimationFrame and its end a message
 *                          posted from that callback; if First Contentful Paint (a presentation
 *                          time) is that same paint and later, FCP. Median of --loads fresh
 *                          contexts (cold HTTP cache), after one unmeasured load warming the server
 *   ui_frame_p95_ms        95th percentile of requestAnimationFrame intervals while playing at the
 *                          fastest speed (SPEEDS' last), --play-ms per run, the replay restarted
 *                          with Space whenever it reaches the end; median of --play-runs runs, the
 *                          worse of nat-course and tun-course
 *   ui_step_frames,        the frame that draws an input's change: the first requestAnimationFrame
 *   ui_scrub_frames,       to see it in the DOM (stage text or the drawn packet's event), and that
 *   ui_lang_frames         frame's end (a message posted from the callback), counted in vsync
 *                          intervals from the last frame before the input: 1 means the next frame
 *                          drew it and was done before the vsync after. Median of --reps inputs
 *                          on nat-course (→/← keys; clicks on the scrubber; ↓/↑ on the focused
 *                          language select), after 2 warm-ups, each from a still page. The ms
 *                          figure is input → the end of that frame
 *   ui_inspect_last_ms     End pressed → the end of the frame whose host inspector shows the last
 *                          step, on a 10,000-request nat-lab trace (?requests=10000; the director
 *                          selected), once the inspector's checkpoints are built: median of
 *                          --inspect-reps, each after Home and a wait for the checkpoints. Also
 *                          printed: the same before any checkpoint exists (a replay from time
 *                          zero), ← from the last step, the time to build the checkpoints, and the
 *                          page's live JS heap (after a forced GC) before and after they exist
 *   ui_console_echo_frames, a key typed in RS1's terminal on the DR lab's machines (opened from a
 *   ui_console_echo_ms      link, the console panel and xterm loaded): the frame whose terminal rows
 *                          show it, counted as for a step; median of --reps keys 150 ms apart
 *   ui_compare_step_frames  a step (→/←) in the compare view with NAT, DR and TUN side by side: the frame
 *                          that draws the three columns' change, counted as for a step (scripts/bench-ui/compare.ts)
 *   ui_presenter_step_frames a step (PageDown/PageUp) in presenter mode (?present=1), entered with P from the
 *                          page: the frame that draws its change, counted as for a step; and the chunks P
 *                          fetched, which must all be lazy (scripts/bench-ui/presenter.ts)
 *   ui_load_longest_task_ms, the load view (issue 15): npm run bench's load workload run in the view's
 *   ui_load_frame_p95_ms,    worker with the charts updating, RS1 failed midway from the page: the
 *   ui_load_ipvs_ratio       longest main-thread task (Long Tasks API), the frame p95 meanwhile, and
 *                          the worker's hops/s over npm run bench's ipvs_hops_per_s measured right
 *                          after in the same run (scripts/bench-ui/load.ts)
 *   ui_console_redraw_ms    Enter on `ifconfig lo:N 10.10.10.x netmask 255.255.255.255 up` → the end of
 *                          the frame whose topology shows RS1's new address (the line runs on the
 *                          live session, the store takes its scenario and trace, React redraws);
 *                          median of --reps lines, after a first line that loads the shell
 *
 * Options: --json, --loads N (5), --play-runs N (3), --play-ms N (5000), --reps N (20),
 * --inspect-reps N (5), --only size,draw,play,step,scrub,lang,inspect,console,tcpdump,compare,presenter,load (a subset; the
 * JSON then has null for the rest), --port N (4180: the preview server's),
 * --quiet-below L (first wait, up to 10 minutes, for the 1-minute load average to fall below L),
 * --cpu-slowdown N (DevTools' CPU throttling of each page, N× slower: the headroom, on this
 * machine, without loading the other processes on it),
 * --phone (390×844, touch and mobile emulation: with --cpu-slowdown 4, issue 13's phone targets,
 * first draw < 1.5 s and frame p95 ≤ 33 ms while playing),
 * --profile (then also: a timeline trace of 6 inputs of each kind, summarised per input as the
 * task that handled it and the frame after; and, in a second build without minification so that
 * functions keep their names, CPU profiles of the same measurements, hottest functions first).
 * The build goes to a temporary directory (dist/ is left alone: others may be serving it).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { INSPECT_PROBE_SCRIPT, INSPECT_REQUESTS, openInspector, stepOf } from './bench-kit/inspector';
import { printHot, profiler, type CpuProfile, type ProfileHook } from './bench-kit/cpu-profile';
import { FIRST_DRAW_SCRIPT, HOST_SELECTOR } from './bench-kit/first-draw';
import { longTasks, totals, type TraceEvent } from './bench-kit/task-timeline';
import { baseUrl, build, CHROMIUM_ARGS, ROOT, serve, stop } from './bench-kit/serve';
import { compareNote, compareStepping } from './bench-ui/compare';
import { loadNote, loadViewRun, longTaskBreakdown } from './bench-ui/load';
import { presenterNote, presenterStepping } from './bench-ui/presenter';
import { fmt, loadNow, median, quantile, round1, sleep } from './bench-kit/stats';
import { getBuildLab } from '../src/labs';
import { solution } from '../src/labs/solution';
import { encodeLink, linkStateFor } from '../src/share';
import { SPEEDS } from '../src/ui/store/types';

// --phone: an upright phone (issue 13), touch and mobile emulation; with --cpu-slowdown 4 its targets.
const PHONE = process.argv.includes('--phone');
const VIEWPORT = PHONE ? { width: 390, height: 844 } : { width: 1280, height: 720 };
const FRAME_MS = 1000 / 60;
/** A header tool, from the ☰ menu when the bar has no room for it (src/ui/shell/HeaderMenu.tsx). */
async function openHeaderTool(page: Page, testId: string) {
  if (!(await page.getByTestId(testId).isVisible())) await page.getByTestId('header-menu').click();
  await page.getByTestId(testId).click();
}

const TARGETS = {
  initialJsKb: 250,
  // A phone with its CPU slowed 4× (issue 13) has its own targets.
  firstDrawMs: PHONE ? 1500 : 1000,
  frameP95Ms: PHONE ? 33 : 17,
  frames: 1,
  inspectMs: 50,
  consoleRedrawMs: 50,
  longTaskMs: 50,
  loadIpvsRatio: 0.8,
} as const;

// ---------------------------------------------------------------------------------------------
// Options and small helpers

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const profile = argv.includes('--profile');
const num = (name: string, dflt: number): number => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} wants a positive number`);
  return v;
};
const LOADS = num('--loads', 5);
const PLAY_RUNS = num('--play-runs', 3);
const PLAY_MS = num('--play-ms', 5000);
const REPS = num('--reps', 20);
const INSPECT_REPS = num('--inspect-reps', 5);
const WARMUPS = 2;
/** The preview server's port (others on this machine may use the default). */
const PORT = num('--port', 4180);
const BASE = baseUrl(PORT);
const SLOWDOWN = argv.includes('--cpu-slowdown') ? num('--cpu-slowdown', 1) : 1;

/** Progress goes to stderr, and not at all with --json. */
const progress = (msg: string): void => {
  if (!json) process.stderr.write(`· ${msg}\n`);
};

// ---------------------------------------------------------------------------------------------
// (1) Initial JavaScript

interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
}

interface JsSizes {
  initial: Chunk[];
  /** Every other .js file: lazy chunks, and a service worker's scripts. */
  lazy: Chunk[];
  initialGzip: number;
  lazyGzip: number;
}

function chunk(distDir: string, file: string): Chunk {
  const buf = readFileSync(join(distDir, file));
  return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function jsSizes(distDir: string): JsSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const rel = (p: string) => p.replace(/^\.?\//, '');
  // Every <script src> (the module entry, and a classic one such as the PWA's registerSW.js).
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => rel(m[1] ?? ''));
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => rel(m[1] ?? ''));
  const initialFiles = [...new Set([...entries, ...preloads])].filter(Boolean);
  if (entries.length === 0) throw new Error('no module entry script in index.html');
  const initial = initialFiles.map((f) => chunk(distDir, f));
  const all = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !initialFiles.includes(f)).map((f) => chunk(distDir, f)).sort((a, b) => b.gzip - a.gzip);
  const sum = (cs: Chunk[]) => cs.reduce((n, c) => n + c.gzip, 0);
  return { initial, lazy, initialGzip: sum(initial), lazyGzip: sum(lazy) };
}

// ---------------------------------------------------------------------------------------------
// In-page probes. Plain JavaScript strings: tsx compiles functions with keepNames, and a function
// handed to page.evaluate would then call a helper that exists only in Node.

/**
 * A continuous rAF loop (the frame sampler and the vsync clock), an input→frame probe, Event
 * Timing entries (≥ 16 ms) and long animation frames (≥ 50 ms) with their scripts.
 */
const PROBE_SCRIPT = `(() => {
  const B = (window.__uiBench = { frames: [], sampling: false, lastTs: 0, probe: null, events: [], loafs: [], sel: null });
  const snap = () => {
    if (B.sel) { const el = document.querySelector(B.sel); return el ? el.textContent : ''; }
    const stage = document.querySelector('main.stage');
    const layer = document.querySelector('[data-testid="packet-layer"]');
    return (stage ? stage.textContent : '') + '|' + (layer ? layer.getAttribute('data-event') : '');
  };
  const loop = (ts) => {
    const p = B.probe;
    if (p && p.t0 !== null && p.frameTs === null && (p.changed || snap() !== p.before)) {
      p.changed = true;
      p.frameTs = ts;
      p.runAt = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { p.paintedAt = performance.now(); };
      ch.port2.postMessage(0);
    }
    if (B.sampling) B.frames.push(ts);
    B.lastTs = ts;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const onInput = (e) => {
    const p = B.probe;
    if (p && p.t0 === null) { p.t0 = e.timeStamp; p.prevTs = B.lastTs; p.via = e.type; }
  };
  for (const type of ['keydown', 'pointerdown', 'mousedown', 'input', 'change']) window.addEventListener(type, onInput, { capture: true });
  new MutationObserver(() => {
    const p = B.probe;
    if (p && p.t0 !== null && !p.changed && snap() !== p.before) {
      p.changed = true;
      p.changedAt = performance.now();
      // Drawn from a requestAnimationFrame callback (xterm renders in one) after this probe's own:
      // the change is in this frame, whose end is the first task after it.
      if (p.inFrame) {
        p.frameTs = B.lastTs;
        p.runAt = p.changedAt;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { p.paintedAt = performance.now(); };
        ch.port2.postMessage(0);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  B.arm = (sel, inFrame) => {
    B.sel = sel || null;
    B.probe = { before: snap(), t0: null, prevTs: null, via: null, changed: false, changedAt: null, frameTs: null, runAt: null, paintedAt: null, inFrame: !!inFrame };
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.events.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          startTime: e.startTime, duration: e.duration, blockingDuration: e.blockingDuration,
          renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL, pos: s.sourceCharPosition, duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

interface ProbeResult {
  t0: number;
  prevTs: number;
  via: string;
  changedAt: number | null;
  frameTs: number;
  runAt: number;
  paintedAt: number;
}

interface Loaf {
  startTime: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: Array<{ invoker: string; fn: string; url: string; pos: number; duration: number }>;
}

async function newPage(browser: Browser, withProbe: boolean): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light', ...(PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const page = await ctx.newPage();
  if (SLOWDOWN > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  if (withProbe) await page.addInitScript({ content: PROBE_SCRIPT });
  return { ctx, page, errors };
}

async function openScenario(browser: Browser, scenario: string): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const p = await newPage(browser, true);
  await p.page.goto(`${BASE}?scenario=${scenario}&lang=en`);
  await p.page.waitForSelector(HOST_SELECTOR);
  await p.page.waitForSelector('[data-testid="narration-step"]');
  await sleep(500);
  return p;
}

// ---------------------------------------------------------------------------------------------
// (2) Navigation → first preset drawn

interface FirstDraw {
  /** Navigation Timing and Resource Timing: the last JS byte in, and DOMContentLoaded's end. */
  jsLoadedAt: number;
  dclAt: number;
  hostAt: number;
  /** The first step shown (narration's counter): the run simulated, after the drawing. */
  stepAt: number;
  frameAt: number;
  paintedAt: number;
  fcp: number | null;
  /** The figure: the frame's end, or FCP when that paint is the one with the host and is later. */
  drawnAt: number;
  jsFetched: string[];
}

async function firstDrawOnce(browser: Browser, hook?: ProfileHook): Promise<FirstDraw> {
  const { ctx, page } = await newPage(browser, false);
  try {
    const stopHook = hook ? await hook(page) : null;
    const fetched: string[] = [];
    let drawn = false;
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!drawn && u.pathname.endsWith('.js')) fetched.push(u.pathname.replace(/^\//, ''));
    });
    await page.addInitScript({ content: FIRST_DRAW_SCRIPT });
    await page.goto(BASE);
    await page.waitForFunction('window.__firstDraw && window.__firstDraw.paintedAt !== null', undefined, { timeout: 30_000, polling: 20 });
    drawn = true;
    await page.waitForFunction('window.__firstDraw.stepAt !== null', undefined, { timeout: 30_000, polling: 20 });
    if (stopHook) await stopHook();
    const r = (await page.evaluate(`({
      ...window.__firstDraw,
      jsLoadedAt: Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd < window.__firstDraw.hostAt).map((e) => e.responseEnd)),
      dclAt: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    })`)) as Omit<FirstDraw, 'jsFetched' | 'drawnAt'>;
    const drawnAt = r.fcp !== null && r.fcp >= r.hostAt ? Math.max(r.fcp, r.paintedAt) : r.paintedAt;
    return { ...r, drawnAt, jsFetched: fetched };
  } finally {
    await ctx.close();
  }
}

async function firstDraw(browser: Browser): Promise<FirstDraw[]> {
  await firstDrawOnce(browser); // warms the server and the disk cache, not measured
  const out: FirstDraw[] = [];
  for (let i = 0; i < LOADS; i++) {
    out.push(await firstDrawOnce(browser));
    progress(`first draw ${i + 1}/${LOADS}: ${fmt(out[out.length - 1]?.drawnAt ?? Number.NaN)} ms`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (3) Playing at the fastest speed

interface PlayRun {
  scenario: string;
  intervals: number[];
  p50: number;
  p95: number;
  max: number;
  over17: number;
  replays: number;
  loafs: Loaf[];
  errors: string[];
}

/** Raises the speed with '+' until the speed readout shows SPEEDS' last value. */
async function fastest(page: Page): Promise<void> {
  const want = `${SPEEDS[SPEEDS.length - 1]}×`;
  for (let i = 0; i < SPEEDS.length + 1; i++) {
    const shown = (await page.getByTestId('speed').textContent())?.trim();
    if (shown === want) return;
    await page.keyboard.press('+');
  }
  throw new Error(`speed did not reach ${want}`);
}

/** A plain expression, not a locator: Playwright's selector engine would cost the page frames. */
const PLAY_LABEL = `document.querySelector('[data-testid="action-playPause"]').getAttribute('aria-label')`;

async function playOnce(browser: Browser, scenario: string, cdpProfile?: ProfileHook): Promise<PlayRun> {
  const { ctx, page, errors } = await openScenario(browser, scenario);
  try {
    await fastest(page);
    const pausedLabel = (await page.evaluate(PLAY_LABEL)) as string;
    const stopProfile = cdpProfile ? await cdpProfile(page) : null;
    await page.evaluate('(() => { const B = window.__uiBench; B.frames = []; B.loafs = []; B.sampling = true; })()');
    await page.keyboard.press(' ');
    const until = Date.now() + PLAY_MS;
    let replays = 0;
    while (Date.now() < until) {
      await sleep(100);
      // At the end playback pauses; Space plays again from the first step, as a teacher would.
      if ((await page.evaluate(PLAY_LABEL)) === pausedLabel) {
        await page.keyboard.press(' ');
        replays++;
      }
    }
    await page.evaluate('window.__uiBench.sampling = false');
    if (stopProfile) await stopProfile();
    const frames = (await page.evaluate('window.__uiBench.frames')) as number[];
    const loafs = (await page.evaluate('window.__uiBench.loafs')) as Loaf[];
    const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
    return {
      scenario,
      intervals,
      p50: quantile(intervals, 0.5),
      p95: quantile(intervals, 0.95),
      max: Math.max(...intervals),
      over17: intervals.filter((x) => x > TARGETS.frameP95Ms).length,
      replays,
      loafs,
      errors,
    };
  } finally {
    await ctx.close();
  }
}

async function playing(browser: Browser, scenario: string): Promise<PlayRun[]> {
  const out: PlayRun[] = [];
  for (let i = 0; i < PLAY_RUNS; i++) {
    const r = await playOnce(browser, scenario);
    out.push(r);
    progress(`play ${scenario} ${i + 1}/${PLAY_RUNS}: ${r.intervals.length} frames, p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} max ${fmt(r.max)} ms, ${r.replays} replays`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (4) Step, scrub, language switch: input → the frame that draws it

interface Interaction {
  frames: number;
  ms: number;
  via: string;
  t0: number;
  /** Event Timing's duration (input → next presentation) for the input event, or null if < 16 ms. */
  eventMs: number | null;
}

interface InteractionSet {
  kind: 'step' | 'scrub' | 'lang';
  samples: Interaction[];
  failures: number;
  errors: string[];
}

/**
 * `watch`: the element whose text must change (default: the stage's text or the drawn packet);
 * `inFrame`: it is redrawn inside a requestAnimationFrame callback, so its frame is the one the
 * change happens in (the probe's own callback has run by then and would see it a frame late).
 */
async function probeOnce(page: Page, act: () => Promise<void>, watch?: string, inFrame = false): Promise<Interaction | null> {
  await page.evaluate(`window.__uiBench.arm(${JSON.stringify(watch ?? null)}, ${inFrame})`);
  await act();
  try {
    await page.waitForFunction('(() => { const p = window.__uiBench.probe; return p && p.paintedAt !== null; })()', undefined, { timeout: 3000, polling: 25 });
  } catch {
    return null;
  }
  const p = (await page.evaluate('window.__uiBench.probe')) as ProbeResult;
  // Frame k begins at vsync prevTs + k·FRAME_MS and must be done by the next vsync; a rAF
  // timestamp can be stale (a blocked frame keeps its vsync's time), so the end is taken from
  // the clock: the change is drawn in frame k if its frame's work ended by prevTs + (k+1)·FRAME_MS.
  const frames = Math.max(1, Math.ceil((p.paintedAt - p.prevTs) / FRAME_MS) - 1);
  return { frames, ms: p.paintedAt - p.t0, via: p.via, t0: p.t0, eventMs: null };
}

async function interactions(browser: Browser, kind: InteractionSet['kind'], reps = REPS, hook?: ProfileHook): Promise<InteractionSet> {
  const { ctx, page, errors } = await openScenario(browser, 'nat-course');
  try {
    const stopProfile = hook ? await hook(page) : null;
    const samples: Interaction[] = [];
    let failures = 0;
    const box = await page.getByTestId('scrubber').boundingBox();
    let flip = false;
    const act = async (i: number): Promise<void> => {
      if (kind === 'step') {
        const { cursor, total } = await stepOf(page);
        // Mostly forward, every fourth a step back; from the last step, back.
        const back = cursor >= total - 1 || (i % 4 === 3 && cursor > 0);
        await page.keyboard.press(back ? 'ArrowLeft' : 'ArrowRight');
      } else if (kind === 'scrub') {
        // A click on the track moves the thumb there (one input event): a quarter and three
        // quarters of the way, alternately, so each click lands on a different step.
        if (!box) throw new Error('no scrubber');
        flip = !flip;
        await page.mouse.click(box.x + box.width * (flip ? 0.2 : 0.8), box.y + box.height / 2);
      } else {
        // The language select, focused, answers ↓ and ↑ as a keyboard user switches it (a
        // trusted input, unlike selectOption's synthetic events, so Event Timing sees it too).
        flip = !flip;
        await page.keyboard.press(flip ? 'ArrowDown' : 'ArrowUp');
      }
    };
    if (kind === 'lang') await page.getByTestId('language').focus();
    for (let i = 0; i < reps + WARMUPS; i++) {
      if (kind === 'step') await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
      const r = await probeOnce(page, () => act(i));
      if (i >= WARMUPS) {
        if (r) samples.push(r);
        else failures++;
      }
      // Let the glider and the label's highlight finish, so each input starts from a still page.
      await sleep(1200);
    }
    if (stopProfile) await stopProfile();
    // Event Timing reports its entries after the presentation; match them to the inputs.
    await sleep(300);
    const events = (await page.evaluate('window.__uiBench.events')) as Array<{ name: string; startTime: number; duration: number }>;
    for (const x of samples) x.eventMs = events.find((e) => e.name === x.via && Math.abs(e.startTime - x.t0) < 1)?.duration ?? null;
    progress(`${kind}: median ${fmt(median(samples.map((s) => s.frames)), 0)} frame(s), ${fmt(median(samples.map((s) => s.ms)))} ms; ${failures} without a change`);
    return { kind, samples, failures, errors };
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (5) The host inspector on a long trace: End → the frame that shows the last step's state

interface InspectRun {
  steps: number;
  loadMs: number;
  coldMs: number;
  warmMs: number[];
  backMs: number;
  buildMs: number;
  checkpoints: string;
  heapBefore: number;
  heapAfter: number;
  errors: string[];
}

async function inspectorOnLongTrace(browser: Browser): Promise<InspectRun> {
  const { ctx, page, errors } = await newPage(browser, false);
  try {
    await page.addInitScript({ content: INSPECT_PROBE_SCRIPT });
    const { total, loadMs, press, allBuilt, checkpoints } = await openInspector(page, BASE);
    const cdp = await ctx.newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    await sleep(300);
    const heapBefore = await heap();
    // Cold: no checkpoint yet, so the last step is a replay from time zero.
    const coldMs = await press('End', total);
    progress(`inspect: cold End ${fmt(coldMs)} ms (${total} steps)`);
    await press('Home', 1);
    const buildMs = await allBuilt();
    const heapAfter = await heap();
    const [built, all] = await checkpoints();
    progress(`inspect: ${built}/${all} checkpoints built in ${fmt(buildMs / 1000)} s; heap ${fmt(heapBefore / 1e6)} → ${fmt(heapAfter / 1e6)} MB`);
    const warmMs: number[] = [];
    for (let i = 0; i < INSPECT_REPS; i++) {
      warmMs.push(await press('End', total));
      progress(`inspect: End ${fmt(warmMs[warmMs.length - 1] ?? Number.NaN)} ms`);
      await press('Home', 1);
      await allBuilt();
    }
    await press('End', total);
    await allBuilt();
    const backMs = await press('ArrowLeft', total - 1);
    progress(`inspect: ← from the last step ${fmt(backMs)} ms`);
    return { steps: total, loadMs, coldMs, warmMs, backMs, buildMs, checkpoints: `${built}/${all}`, heapBefore, heapAfter, errors };
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------
// --profile: where the time goes while playing (an unminified build, so names are the sources')

/** A CPU profile from navigation to the first host drawn (the profiler starts before goto). */
async function profileLoad(browser: Browser): Promise<CpuProfile> {
  const { ctx, page } = await newPage(browser, false);
  try {
    await page.addInitScript({ content: FIRST_DRAW_SCRIPT });
    const p = profiler();
    const stopProfile = await p.hook(page);
    await page.goto(BASE);
    await page.waitForFunction('window.__firstDraw && window.__firstDraw.paintedAt !== null', undefined, { timeout: 30_000, polling: 20 });
    await stopProfile();
    return p.result();
  } finally {
    await ctx.close();
  }
}

/** A Chromium trace (the DevTools timeline's categories) of whatever runs between the hook and its stop. */
function tracer(browser: Browser, extra: readonly string[] = []): { hook: ProfileHook; result: () => Buffer } {
  let buf: Buffer | null = null;
  const hook: ProfileHook = async (page) => {
    // 'benchmark' brings ProxyMain::BeginMainFrame, the main thread's part of each frame.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'benchmark', ...extra] });
    return async () => {
      buf = await browser.stopTracing();
    };
  };
  return {
    hook,
    result: () => {
      if (!buf) throw new Error('no trace taken');
      return buf;
    },
  };
}


/** Per input, on the renderer's main thread (ms): the task that handled it and the frame after. */
interface InputBreakdown {
  task: number;
  js: number;
  styleLayout: number;
  /** From the input to the start of the next BeginMainFrame, and that frame's own work. */
  frameStart: number;
  frame: number;
  frameStyleLayout: number;
}

function traceBreakdown(buf: Buffer, inputType: string): InputBreakdown[] {
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === inputType && mains.has(`${e.pid}:${e.tid}`));
  const out: InputBreakdown[] = [];
  for (const input of inputs) {
    const thread = events.filter((e) => e.pid === input.pid && e.tid === input.tid && e.ph === 'X' && e.dur !== undefined);
    const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
    const task = thread.find((e) => e.name === 'RunTask' && e.ts <= input.ts && end(e) >= end(input)) ?? input;
    const inside = (outer: TraceEvent, names: readonly string[]) =>
      thread.filter((e) => names.includes(e.name) && e.ts >= outer.ts && end(e) <= end(outer));
    // Outermost only: nested FunctionCalls (a listener calling back into the page) count once.
    const outermost = (xs: TraceEvent[]) => xs.filter((e) => !xs.some((o) => o !== e && o.ts <= e.ts && end(o) >= end(e) && (o.dur ?? 0) > (e.dur ?? 0)));
    const sum = (xs: TraceEvent[]) => xs.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
    const frame = thread.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts >= end(task)).sort((a, b) => a.ts - b.ts)[0];
    out.push({
      task: (task.dur ?? 0) / 1000,
      js: sum(outermost(inside(task, ['FunctionCall', 'EvaluateScript', 'V8.Execute']))),
      styleLayout: sum(inside(task, ['UpdateLayoutTree', 'Layout'])),
      frameStart: frame ? (frame.ts - input.ts) / 1000 : Number.NaN,
      frame: frame ? (frame.dur ?? 0) / 1000 : Number.NaN,
      frameStyleLayout: frame ? sum(inside(frame, ['UpdateLayoutTree', 'Layout'])) : Number.NaN,
    });
  }
  return out;
}

/** The main thread's long tasks up to the first step shown, and its compile, script and layout time. */
function printDrawTrace(d: FirstDraw, buf: Buffer): void {
  console.log(`\nTimeline trace of one first draw (the trace slows the page): host in DOM ${fmt(d.hostAt, 0)}, drawn ${fmt(d.drawnAt, 0)}, first step shown ${fmt(d.stepAt, 0)} ms`);
  console.log('   start     ms  main-thread task (≥ 15 ms): its largest parts, ms');
  for (const r of longTasks(buf, d.stepAt)) {
    console.log(`  ${fmt(r.at, 0).padStart(6)} ${fmt(r.ms, 0).padStart(6)}  ${r.parts.map(([k, ms]) => `${k} ${fmt(ms, 0)}`).join('; ')}`);
  }
  const names = ['V8.CompileCode', 'v8.compile', 'v8.evaluateModule', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'MinorGC', 'MajorGC'];
  const upTo = (until: number) => [...totals(buf, until, names)].filter(([, ms]) => ms > 0).map(([k, ms]) => `${k} ${fmt(ms, 0)}`).join(', ');
  console.log(`  up to the draw: ${upTo(d.drawnAt)}`);
  console.log(`  up to the first step: ${upTo(d.stepAt)}`);
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
  note: string;
}

function table(rows: Row[]): string {
  const w0 = Math.max(...rows.map((r) => r.name.length));
  const w1 = Math.max(...rows.map((r) => `${fmt(r.value)} ${r.unit}`.length));
  const w2 = Math.max(...rows.map((r) => r.target.length));
  return rows
    .map((r) => `${r.ok ? '✓' : '✗'} ${r.name.padEnd(w0)}  ${`${fmt(r.value)} ${r.unit}`.padStart(w1)}  ${r.target.padEnd(w2)}  ${r.note}`)
    .join('\n');
}


// ---------------------------------------------------------------------------------------------
// (6) The console: a key echoed in the terminal; a line that changes the scenario → the topology redrawn

interface ConsoleRun {
  echo: Interaction[];
  redraw: Interaction[];
  failures: number;
  errors: string[];
}

/** On the DR lab's bare machines, RS1's terminal: keys into a line, then `ifconfig lo:N …` lines. */
async function consoleTyping(browser: Browser, reps = REPS): Promise<ConsoleRun> {
  const { ctx, page, errors } = await newPage(browser, true);
  const collect = (into: Interaction[], r: Interaction | null, i: number): number => {
    if (i < WARMUPS) return 0;
    if (r) into.push(r);
    return r ? 0 : 1;
  };
  try {
    const lab = getBuildLab('build-dr');
    if (!lab) throw new Error('no build-dr lab');
    await page.goto(`${BASE}?lang=en#${encodeLink(linkStateFor(lab.start))}`);
    await page.waitForSelector(HOST_SELECTOR);
    await openHeaderTool(page, 'console-toggle');
    await page.getByTestId('console-host').selectOption('RS1');
    await page.getByTestId('console-open').click();
    await page.waitForFunction("document.activeElement && document.activeElement.classList.contains('xterm-helper-textarea')");
    // The first line loads the shell: not measured.
    await page.keyboard.type('ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`(document.querySelector('[data-testid="host-RS1"]')?.textContent ?? '').includes('10.10.10.12')`);
    await sleep(500);
    const echo: Interaction[] = [];
    const redraw: Interaction[] = [];
    let failures = 0;
    for (let i = 0; i < reps + WARMUPS; i++) {
      const key = String.fromCharCode(97 + (i % 26));
      failures += collect(echo, await probeOnce(page, () => page.keyboard.press(key), '[data-testid="terminal-RS1"] .xterm-rows', true), i);
      await sleep(150);
    }
    await page.keyboard.press('Control+u');
    for (let i = 0; i < reps + WARMUPS; i++) {
      await page.keyboard.type(`ifconfig lo:${i + 1} 10.10.10.${100 + i} netmask 255.255.255.255 up`);
      await sleep(300);
      failures += collect(redraw, await probeOnce(page, () => page.keyboard.press('Enter'), '[data-testid="host-RS1"]'), i);
      await sleep(600);
    }
    const med = (xs: Interaction[], f: (x: Interaction) => number) => fmt(median(xs.map(f)));
    progress(`console: echo median ${med(echo, (x) => x.frames)} frame(s) ${med(echo, (x) => x.ms)} ms; line → topology ${med(redraw, (x) => x.ms)} ms; ${failures} unseen`);
    return { echo, redraw, failures, errors };
  } finally {
    await ctx.close();
  }
}

/**
 * tcpdump printing while playing at the fastest speed: the whole DR lab from a link, RS1's
 * terminal running `tcpdump -n -i eth0`, then curls typed on C, each played on the timeline at
 * 8× while RS1's lines print; every frame's interval is sampled as for playing (3).
 */
async function tcpdumpPlaying(browser: Browser): Promise<PlayRun> {
  const { ctx, page, errors } = await newPage(browser, true);
  try {
    const lab = getBuildLab('build-dr');
    if (!lab) throw new Error('no build-dr lab');
    await page.goto(`${BASE}?lang=en#${encodeLink(linkStateFor(lab.start, { lines: solution(lab) }))}`);
    await page.waitForFunction(`(document.querySelector('[data-testid="host-RS1"]')?.textContent ?? '').includes('lo:0')`);
    const want = `${SPEEDS[SPEEDS.length - 1]}×`;
    for (let i = 0; i < SPEEDS.length && (await page.getByTestId('speed').textContent())?.trim() !== want; i++) await page.getByTestId('action-faster').click();
    const open = async (host: string) => {
      if (!(await page.getByTestId('console-panel').count())) await openHeaderTool(page, 'console-toggle');
      await page.getByTestId('console-host').selectOption(host);
      await page.getByTestId('console-open').click();
      await page.waitForFunction(`document.activeElement?.closest('[data-testid="terminal-${host}"]') != null`);
    };
        await open('RS1');
    await page.keyboard.type('tcpdump -n -i eth0');
    await page.keyboard.press('Enter');
    await open('C');
    await page.keyboard.type('curl -s http://10.10.10.100/');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`(document.querySelector('[data-testid="terminal-C"] .xterm-rows')?.textContent ?? '').includes('</h1>')`, undefined, { timeout: 60_000 });
    const pausedLabel = (await page.evaluate(PLAY_LABEL)) as string;
    const rs1Lines = () => page.evaluate(`(document.querySelector('[data-testid="terminal-RS1"] .xterm-rows')?.textContent ?? '').split(' IP ').length - 1`) as Promise<number>;
    await page.evaluate('(() => { const B = window.__uiBench; B.frames = []; B.loafs = []; B.sampling = true; })()');
    const until = Date.now() + PLAY_MS;
    let curls = 0;
    let printed = 0;
    while (Date.now() < until) {
      // Typed on C, watched on RS1: its terminal is the one on screen while the curl plays.
      await page.getByTestId('console-tab-C').click();
      await page.locator('[data-testid="terminal-C"] .xterm-helper-textarea').focus();
      await page.keyboard.type('curl -s http://10.10.10.100/');
      await page.keyboard.press('Enter');
      await page.getByTestId('console-tab-RS1').click();
      curls++;
      await sleep(300);
      while ((await page.evaluate(PLAY_LABEL)) !== pausedLabel && Date.now() < until + 20_000) await sleep(100);
      printed = Math.max(printed, await rs1Lines());
    }
    await page.evaluate('window.__uiBench.sampling = false');
    const frames = (await page.evaluate('window.__uiBench.frames')) as number[];
    const loafs = (await page.evaluate('window.__uiBench.loafs')) as Loaf[];
    const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
    const r = { scenario: 'build-dr + tcpdump', intervals, p50: quantile(intervals, 0.5), p95: quantile(intervals, 0.95), max: Math.max(...intervals),
      over17: intervals.filter((x) => x > TARGETS.frameP95Ms).length, replays: curls, loafs, errors };
    if (printed === 0) throw new Error('tcpdump printed nothing on RS1');
    progress(`tcpdump at ${want}: ${curls} curls, ${printed} tcpdump lines on screen, ${intervals.length} frames, p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} max ${fmt(r.max)} ms`);
    return r;
  } finally {
    await ctx.close();
  }
}

const ONLY = ['size', 'draw', 'play', 'step', 'scrub', 'lang', 'inspect', 'console', 'tcpdump', 'compare', 'presenter', 'load'] as const;
type Part = (typeof ONLY)[number];
const onlyArg = (() => {
  const i = argv.indexOf('--only');
  return i >= 0 ? (argv[i + 1] ?? '').split(',') : [...ONLY];
})();
const wants = (p: Part): boolean => onlyArg.includes(p);

/** What was built: HEAD, and whether the app's sources had uncommitted changes. */
function gitState(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'public', 'package.json').split('\n').filter(Boolean).length;
  return `${git('rev-parse', '--short', 'HEAD') || '?'}${dirty ? ` + ${dirty} uncommitted file(s) in the build's inputs` : ''}`;
}

/** Other work on this 2-CPU machine starves the renderer: optionally wait for a quieter moment. */
async function waitQuiet(): Promise<void> {
  const i = argv.indexOf('--quiet-below');
  if (i < 0) return;
  const below = num('--quiet-below', 1);
  const deadline = Date.now() + 600_000;
  while ((loadavg()[0] ?? 0) >= below && Date.now() < deadline) {
    progress(`load average ${loadNow()}: waiting for < ${below}`);
    await sleep(15_000);
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lvs-flow-ui-bench-'));
  const dist = join(work, 'dist');
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => undefined);
    browser = null;
    if (server) await stop(server);
    server = null;
  };
  const onSignal = () => {
    void cleanup().finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const launch = async (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await waitQuiet();
    const loadBefore = loadNow();
    progress(`load average ${loadBefore} on ${cpus().length} CPUs; vite build → ${dist}`);
    const built = gitState();
    build(dist, true);
    const sizes = jsSizes(dist);
    progress(`initial JS ${fmt(sizes.initialGzip / 1000)} kB gzip in ${sizes.initial.length} files; lazy ${fmt(sizes.lazyGzip / 1000)} kB in ${sizes.lazy.length}`);

    server = await serve(dist, PORT);
    browser = await launch();
    const browserVersion = browser.version();
    const draws = wants('draw') ? await firstDraw(browser) : [];
    const plays = {
      nat: wants('play') ? await playing(browser, 'nat-course') : [],
      tun: wants('play') ? await playing(browser, 'tun-course') : [],
    };
    const step = wants('step') ? await interactions(browser, 'step') : null;
    const scrub = wants('scrub') ? await interactions(browser, 'scrub') : null;
    const lang = wants('lang') ? await interactions(browser, 'lang') : null;
    const inspect = wants('inspect') ? await inspectorOnLongTrace(browser) : null;
    const consoleRun = wants('console') ? await consoleTyping(browser) : null;
    const tcpdumpRun = wants('tcpdump') ? await tcpdumpPlaying(browser) : null;
    const b = browser;
    const compareRun = wants('compare') ? await compareStepping({
      open: async () => { const p = await newPage(b, true); return { page: p.page, errors: p.errors, close: () => p.ctx.close() }; },
      probe: (page, act, watch) => probeOnce(page, act, watch), base: BASE, reps: REPS, progress,
    }) : null;
    const presenterRun = wants('presenter') ? await presenterStepping({
      open: async () => { const p = await newPage(b, true); return { page: p.page, errors: p.errors, close: () => p.ctx.close() }; },
      probe: (page, act, watch) => probeOnce(page, act, watch), base: BASE, reps: REPS, progress,
    }) : null;
    const loadRun = wants('load') ? await loadViewRun({
      open: async () => { const p = await newPage(b, true); return { page: p.page, errors: p.errors, close: () => p.ctx.close() }; },
      base: BASE, progress,
    }) : null;
    const loadAfter = loadNow();

    // --profile, in this (shipped) build: a timeline trace of one first draw (navigation is in
    // 'blink.user_timing', compiling in 'v8'), and of a few of each input.
    let drawTrace: { draw: FirstDraw; buf: Buffer } | null = null;
    if (profile && wants('draw')) {
      const t = tracer(browser, ['blink.user_timing', 'v8']);
      drawTrace = { draw: await firstDrawOnce(browser, t.hook), buf: t.result() };
    }
    const breakdowns: Array<{ kind: string; rows: InputBreakdown[] }> = [];
    for (const kind of profile ? (['step', 'scrub', 'lang'] as const).filter(wants) : []) {
      const t = tracer(browser);
      await interactions(browser, kind, 6, t.hook);
      breakdowns.push({ kind, rows: traceBreakdown(t.result(), kind === 'scrub' ? 'pointerdown' : 'keydown').slice(WARMUPS) });
    }

    // --profile: the same pages in an unminified build, so the profile names the sources' functions.
    const profiles: Array<{ title: string; prof: CpuProfile }> = [];
    let loadTasks: Array<{ ms: number; parts: string }> = [];
    if (profile) {
      await cleanup();
      progress('--profile: unminified build');
      build(dist, false);
      server = await serve(dist, PORT);
      browser = await launch();
      if (wants('draw')) profiles.push({ title: 'CPU profile, navigation → first host drawn', prof: await profileLoad(browser) });
      for (const scenario of wants('play') ? ['nat-course', 'tun-course'] : []) {
        const p = profiler();
        const run = await playOnce(browser, scenario, p.hook);
        profiles.push({ title: `CPU profile, ${scenario} playing at ${SPEEDS[SPEEDS.length - 1]}× (this run's p95 ${fmt(run.p95)} ms)`, prof: p.result() });
      }
      for (const kind of (['step', 'scrub', 'lang'] as const).filter(wants)) {
        const p = profiler();
        const r = await interactions(browser, kind, 8, p.hook);
        profiles.push({ title: `CPU profile, ${kind} ×${r.samples.length + WARMUPS} (+ the pauses between)`, prof: p.result() });
      }
      if (wants('load')) {
        const tr = tracer(browser);
        const b3 = browser;
        await loadViewRun({
          open: async () => { const x = await newPage(b3, true); return { page: x.page, errors: x.errors, close: () => x.ctx.close() }; },
          base: BASE, progress, hook: tr.hook, pageOnly: true,
        });
        loadTasks = longTaskBreakdown(tr.result());
        const p = profiler();
        const b2 = browser;
        const r = await loadViewRun({
          open: async () => { const x = await newPage(b2, true); return { page: x.page, errors: x.errors, close: () => x.ctx.close() }; },
          base: BASE, progress, hook: p.hook, pageOnly: true,
        });
        profiles.push({ title: `CPU profile, the load view's run from Start to its end (main thread; this run's longest task ${fmt(r.longest, 0)} ms)`, prof: p.result() });
      }
    }
    await cleanup();

    // Figures
    const firstDrawMs = median(draws.map((d) => d.drawnAt));
    const playP95 = (runs: PlayRun[]) => median(runs.map((r) => r.p95));
    const frameP95 = Math.max(playP95(plays.nat), playP95(plays.tun));
    const fr = (s: InteractionSet | null) => (s ? median(s.samples.map((x) => x.frames)) : Number.NaN);
    const ms = (s: InteractionSet) => median(s.samples.map((x) => x.ms));
    const initialKb = sizes.initialGzip / 1000;
    const orNull = (x: number) => (Number.isFinite(x) ? round1(x) : null);

    if (json) {
      process.stdout.write(`${JSON.stringify({
        ui_initial_js_gzip_kb: round1(initialKb),
        ui_first_draw_ms: orNull(firstDrawMs),
        ui_frame_p95_ms: orNull(frameP95),
        ui_step_frames: orNull(fr(step)),
        ui_scrub_frames: orNull(fr(scrub)),
        ui_lang_frames: orNull(fr(lang)),
        ui_inspect_last_ms: inspect ? orNull(median(inspect.warmMs)) : null,
        ui_console_echo_frames: consoleRun ? orNull(median(consoleRun.echo.map((x) => x.frames))) : null,
        ui_console_echo_ms: consoleRun ? orNull(median(consoleRun.echo.map((x) => x.ms))) : null,
        ui_console_redraw_ms: consoleRun ? orNull(median(consoleRun.redraw.map((x) => x.ms))) : null,
        ui_tcpdump_frame_p95_ms: tcpdumpRun ? orNull(tcpdumpRun.p95) : null,
        ui_compare_step_frames: compareRun ? orNull(median(compareRun.samples.map((x) => x.frames))) : null,
        ui_presenter_step_frames: presenterRun ? orNull(median(presenterRun.samples.map((x) => x.frames))) : null,
        ui_presenter_on_demand_initial: presenterRun ? presenterRun.onDemand.filter((f) => sizes.initial.some((c) => c.file === f)).length : null,
        ui_load_longest_task_ms: loadRun ? round1(loadRun.longest) : null,
        ui_load_frame_p95_ms: loadRun ? orNull(loadRun.p95) : null,
        ui_load_worker_hops_per_s: loadRun ? Math.round(loadRun.workerHopsPerS) : null,
        ui_load_ipvs_ratio: loadRun ? Math.round((loadRun.workerHopsPerS / loadRun.ipvsHopsPerS) * 1000) / 1000 : null,
      })}\n`);
      return;
    }

    const playNote = (runs: PlayRun[]) => {
      const all = runs.flatMap((r) => r.intervals);
      return `runs' p95 ${runs.map((r) => fmt(r.p95)).join(', ')}; pooled p50 ${fmt(quantile(all, 0.5))} p95 ${fmt(quantile(all, 0.95))} max ${fmt(Math.max(...all))} ms, ${all.filter((x) => x > TARGETS.frameP95Ms).length}/${all.length} > ${TARGETS.frameP95Ms} ms`;
    };
    const interNote = (s: InteractionSet) => {
      const f = s.samples.map((x) => x.frames);
      // Entries under 16 ms are not reported: they count as 16 in the median, so it is an upper bound.
      const ev = s.samples.map((x) => x.eventMs ?? 16);
      const slow = `; Event Timing (to presentation) median ${s.samples.filter((x) => x.eventMs === null).length > s.samples.length / 2 ? '< 16' : fmt(median(ev), 0)} ms, max ${fmt(Math.max(...ev), 0)} ms`;
      return `${fmt(ms(s))} ms median, p90 ${fmt(quantile(s.samples.map((x) => x.ms), 0.9))} ms; frame 1: ${f.filter((x) => x === 1).length}, 2: ${f.filter((x) => x === 2).length}, ≥3: ${f.filter((x) => x >= 3).length} of ${f.length}${s.failures ? `, ${s.failures} unseen` : ''}${slow}`;
    };
    const top = `${SPEEDS[SPEEDS.length - 1]}×`;
    const rows: Row[] = [
      { name: 'initial JS (gzip -9)', value: initialKb, unit: 'kB', target: `≤ ${TARGETS.initialJsKb} kB`, ok: initialKb <= TARGETS.initialJsKb, note: `${sizes.initial.length} files; lazy chunks ${fmt(sizes.lazyGzip / 1000)} kB in ${sizes.lazy.length}` },
    ];
    if (draws.length) {
      const fcps = draws.flatMap((d) => (d.fcp === null ? [] : [d.fcp]));
      rows.push({ name: 'navigation → first preset drawn', value: firstDrawMs, unit: 'ms', target: `< ${TARGETS.firstDrawMs} ms`, ok: firstDrawMs < TARGETS.firstDrawMs, note: `median of ${draws.length}: ${draws.map((d) => fmt(d.drawnAt, 0)).join(', ')}; last JS byte ${fmt(median(draws.map((d) => d.jsLoadedAt)))}, DOMContentLoaded ${fmt(median(draws.map((d) => d.dclAt)))}, host in DOM ${fmt(median(draws.map((d) => d.hostAt)))}, its frame's end ${fmt(median(draws.map((d) => d.paintedAt)))}, FCP ${fmt(median(fcps))} ms; first step shown ${fmt(median(draws.map((d) => d.stepAt)))} ms` });
    }
    if (plays.nat.length) rows.push({ name: `frame p95, nat-course at ${top}`, value: playP95(plays.nat), unit: 'ms', target: `≤ ${TARGETS.frameP95Ms} ms`, ok: playP95(plays.nat) <= TARGETS.frameP95Ms, note: playNote(plays.nat) });
    if (plays.tun.length) rows.push({ name: `frame p95, tun-course at ${top}`, value: playP95(plays.tun), unit: 'ms', target: `≤ ${TARGETS.frameP95Ms} ms`, ok: playP95(plays.tun) <= TARGETS.frameP95Ms, note: playNote(plays.tun) });
    for (const [name, s] of [['step (→/←)', step], ['scrub (click)', scrub], ['language switch (↓/↑)', lang]] as const) {
      if (s) rows.push({ name: `${name} drawn in frame #`, value: fr(s), unit: '', target: `≤ ${TARGETS.frames}`, ok: fr(s) <= TARGETS.frames, note: interNote(s) });
    }
    if (inspect) {
      const warm = median(inspect.warmMs);
      rows.push({ name: `inspector: End on a ${INSPECT_REQUESTS.toLocaleString('en-US')}-request trace`, value: warm, unit: 'ms', target: `≤ ${TARGETS.inspectMs} ms`, ok: warm <= TARGETS.inspectMs,
        note: `median of ${inspect.warmMs.map((x) => fmt(x, 0)).join(', ')}; ← from there ${fmt(inspect.backMs, 0)} ms; before any checkpoint ${fmt(inspect.coldMs, 0)} ms` });
    }
    if (consoleRun) {
      const f = consoleRun.echo.map((x) => x.frames);
      const echoFrames = median(f);
      const redrawMs = median(consoleRun.redraw.map((x) => x.ms));
      rows.push({ name: 'console: key echoed in frame #', value: echoFrames, unit: '', target: `≤ ${TARGETS.frames}`, ok: echoFrames <= TARGETS.frames,
        note: `${fmt(median(consoleRun.echo.map((x) => x.ms)))} ms median; frame 1: ${f.filter((x) => x === 1).length}, 2: ${f.filter((x) => x === 2).length}, ≥3: ${f.filter((x) => x >= 3).length} of ${f.length}` });
      rows.push({ name: 'console: ifconfig line → topology redrawn', value: redrawMs, unit: 'ms', target: `≤ ${TARGETS.consoleRedrawMs} ms`, ok: redrawMs <= TARGETS.consoleRedrawMs,
        note: `Enter → end of the frame showing the address; p90 ${fmt(quantile(consoleRun.redraw.map((x) => x.ms), 0.9))} ms, frames median ${fmt(median(consoleRun.redraw.map((x) => x.frames)), 0)}${consoleRun.failures ? `; ${consoleRun.failures} unseen` : ''}` });
    }
    if (tcpdumpRun) {
      rows.push({ name: 'frame p95, tcpdump printing at 8×', value: tcpdumpRun.p95, unit: 'ms', target: `≤ ${TARGETS.frameP95Ms} ms`, ok: tcpdumpRun.p95 <= TARGETS.frameP95Ms,
        note: `DR lab, tcpdump -n -i eth0 on RS1 while ${tcpdumpRun.replays} curls play from C; ${tcpdumpRun.intervals.length} frames, p50 ${fmt(tcpdumpRun.p50)}, max ${fmt(tcpdumpRun.max)} ms, ${tcpdumpRun.over17} over 17 ms` });
    }
    if (compareRun) {
      const f = median(compareRun.samples.map((x) => x.frames));
      rows.push({ name: 'compare, 3 scenarios: step drawn in frame #', value: f, unit: '', target: `≤ ${TARGETS.frames}`, ok: f <= TARGETS.frames, note: compareNote(compareRun) });
    }
    if (presenterRun) {
      const f = median(presenterRun.samples.map((x) => x.frames));
      const lazy = presenterRun.onDemand.every((x) => !sizes.initial.some((c) => c.file === x));
      rows.push({ name: 'presenter mode: step drawn in frame #', value: f, unit: '', target: `≤ ${TARGETS.frames}, loaded on demand`, ok: f <= TARGETS.frames && lazy && presenterRun.onDemand.length > 0,
        note: presenterNote(presenterRun, sizes.initial.map((c) => c.file), (x) => sizes.lazy.find((c) => c.file === x)?.gzip ?? 0) });
    }
    if (loadRun) {
      const ratio = loadRun.workerHopsPerS / loadRun.ipvsHopsPerS;
      const note = loadNote(loadRun);
      rows.push({ name: 'load view: longest main-thread task', value: loadRun.longest, unit: 'ms', target: `≤ ${TARGETS.longTaskMs} ms`, ok: loadRun.longest <= TARGETS.longTaskMs, note });
      rows.push({ name: 'load view: frame p95 while it runs', value: loadRun.p95, unit: 'ms', target: `≤ ${TARGETS.frameP95Ms} ms`, ok: loadRun.p95 <= TARGETS.frameP95Ms, note: `max ${fmt(Math.max(...loadRun.intervals))} ms, ${loadRun.intervals.filter((x) => x > TARGETS.frameP95Ms).length} over ${TARGETS.frameP95Ms} ms` });
      rows.push({ name: 'load view: worker hops/s ÷ ipvs_hops_per_s', value: ratio, unit: '×', target: `≥ ${TARGETS.loadIpvsRatio}`, ok: ratio >= TARGETS.loadIpvsRatio, note: `worker ÷ the same load in Node: ${fmt(loadRun.workerHopsPerS / loadRun.nodeLoadHopsPerS, 2)}` });
    }
    console.log(`lvs-flow UI bench ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, built from ${built}; Chromium ${browserVersion} headless, --disable-gpu, ${VIEWPORT.width}×${VIEWPORT.height}${SLOWDOWN > 1 ? `, CPU throttled ${SLOWDOWN}×` : ''}; load average ${loadBefore} → ${loadAfter} on ${cpus().length} CPUs\n`);
    console.log(table(rows));
    console.log('\ninitial JS:');
    const sizeLine = (c: Chunk) => `  ${c.file.padEnd(44)} ${fmt(c.bytes / 1000).padStart(7)} kB  gzip ${fmt(c.gzip / 1000).padStart(6)} kB`;
    for (const c of sizes.initial) console.log(sizeLine(c));
    console.log('lazy chunks:');
    for (const c of sizes.lazy) console.log(sizeLine(c));
    if (draws.length) {
      const fetched = [...new Set(draws.flatMap((d) => d.jsFetched))];
      const lazyEarly = fetched.filter((f) => !sizes.initial.some((c) => c.file === f));
      const gz = sizes.lazy.filter((c) => lazyEarly.includes(c.file)).reduce((n, c) => n + c.gzip, 0);
      console.log(`lazy chunks fetched before the first draw: ${lazyEarly.join(', ') || 'none'} (${fmt(gz / 1000)} kB gzip)`);
    }
    if (inspect) {
      console.log(`inspector on nat-lab with ${INSPECT_REQUESTS.toLocaleString('en-US')} requests: ${inspect.steps.toLocaleString('en-US')} course steps, loaded in ${fmt(inspect.loadMs / 1000)} s; `
        + `${inspect.checkpoints} checkpoints built in ${fmt(inspect.buildMs / 1000)} s of idle time; live JS heap ${fmt(inspect.heapBefore / 1e6)} MB before them, ${fmt(inspect.heapAfter / 1e6)} MB with them`);
    }
    const errors = [...plays.nat, ...plays.tun].flatMap((r) => r.errors).concat(step?.errors ?? [], scrub?.errors ?? [], lang?.errors ?? [], inspect?.errors ?? [], consoleRun?.errors ?? [], compareRun?.errors ?? [], presenterRun?.errors ?? [], loadRun?.errors ?? []);
    if (errors.length) console.log(`console errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
    const loafs = [...plays.nat, ...plays.tun].flatMap((r) => r.loafs);
    if (loafs.length) {
      const blocking = loafs.reduce((n, l) => n + l.blockingDuration, 0);
      console.log(`long animation frames (≥ 50 ms) while playing: ${loafs.length}, longest ${fmt(Math.max(...loafs.map((l) => l.duration)), 0)} ms, blocking ${fmt(blocking, 0)} ms in all`);
      const by = new Map<string, number>();
      for (const sc of loafs.flatMap((l) => l.scripts)) {
        const k = `${sc.invoker}${sc.fn ? ` ${sc.fn}` : ''} ${sc.url.replace(/^.*\//, '')}`;
        by.set(k, (by.get(k) ?? 0) + sc.duration);
      }
      for (const [k, d] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${fmt(d, 0).padStart(6)} ms  ${k}`);
    }
    if (breakdowns.length) {
      console.log('\nTimeline trace, per input on the main thread (medians, ms; the trace itself slows the page):');
      console.log('             input task  (JS  style+layout)   next frame starts at  its work  (style+layout)');
      for (const b of breakdowns) {
        const m = (f: (r: InputBreakdown) => number) => fmt(median(b.rows.map(f))).padStart(6);
        console.log(`  ${b.kind.padEnd(6)} ×${String(b.rows.length).padEnd(2)} ${m((r) => r.task)}  (${m((r) => r.js)} ${m((r) => r.styleLayout)})          +${m((r) => r.frameStart)}      ${m((r) => r.frame)}  (${m((r) => r.frameStyleLayout)})`);
      }
    }
    if (loadTasks.length) {
      console.log('\nTimeline trace of a load view run: its main-thread tasks of 50 ms or more (ms; nested work is counted in each kind it is part of)');
      for (const t of loadTasks) console.log(`  ${fmt(t.ms, 0).padStart(5)}  ${t.parts}`);
    }
    if (drawTrace) printDrawTrace(drawTrace.draw, drawTrace.buf);
    for (const p of profiles) printHot(p.title, p.prof);
  } finally {
    await cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
