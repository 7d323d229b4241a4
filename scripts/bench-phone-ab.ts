/**
 * `npx tsx scripts/bench-phone-ab.ts`: issue 13's phone figures, old build against new in ONE
 * Chromium, alternating, because this shared machine's speed drifts within minutes and two
 * separate runs cannot be compared (as scripts/bench-ab.ts does for the inspector).
 *
 *   A  the sources of a git revision (--base REV, default HEAD), exported with `git archive`
 *   B  this working tree, uncommitted edits included
 *
 * Every page is an upright phone (390×844, touch and mobile emulation) with its CPU throttled
 * --cpu-slowdown times (4). Each round, in alternating order (AB, BA, …), measures on each build:
 *   first draw  navigation → the end of the frame that draws the topology's first host, or FCP
 *               when that paint is the same and later (ui-bench's probe, bench-kit/first-draw.ts)
 *   first step  navigation → the narration's step counter in the DOM (the run simulated)
 *   play        p95 of the requestAnimationFrame intervals over --play-ms of nat-course, then of
 *               tun-course, at the fastest speed, replayed with Space whenever it ends
 *   main-thread CPU  (--cpu) the page's main-thread thread time from navigation to the first draw,
 *               from a Chromium trace of each load: unlike the times above it does not grow
 *               when the machine is loaded (waiting for a core is not thread time), so builds
 *               can be compared while others run their suites; printed with its largest parts
 * Printed: per build and figure, the median and spread over the rounds; the load average.
 *
 * --rounds N (5), --base REV, --no-play, --play-ms N (4000), --cpu-slowdown N (4), --ports A,B (4201,4211),
 * --viewport WxH (390x844), --cpu, --url-tail T (appended to each page's address, e.g. `?lang=zh-CN`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { FIRST_DRAW_SCRIPT, HOST_SELECTOR } from './bench-kit/first-draw';
import { mainThreadCpu } from './bench-kit/task-timeline';
import { exportRevision } from './bench-kit/revision';
import { baseUrl, build, CHROMIUM_ARGS, serve, stop } from './bench-kit/serve';
import { fmt, loadNow, median, quantile, sleep } from './bench-kit/stats';
import { SPEEDS } from '../src/ui/store/types';
import { optionIn } from './bench-kit/args';

const argv = process.argv.slice(2);
const opt = optionIn(argv);
const ROUNDS = Number(opt('--rounds', '5'));
const BASE_REV = opt('--base', 'HEAD');
const PLAY_MS = Number(opt('--play-ms', '4000'));
/** --no-play: first draws only (a change that cannot touch playing, measured in less time). */
const PLAY = !argv.includes('--no-play');
const SLOWDOWN = Number(opt('--cpu-slowdown', '4'));
const PORTS = opt('--ports', '4201,4211').split(',').map(Number);
const [W, H] = opt('--viewport', '390x844').split('x').map(Number);
const VIEWPORT = { width: W ?? 390, height: H ?? 844 };
const SCENARIOS = ['nat-course', 'tun-course'] as const;
/** --cpu: trace each first draw for its main-thread CPU time. */
const CPU = argv.includes('--cpu');
const URL_TAIL = opt('--url-tail', '');
const progress = (msg: string) => process.stderr.write(`· ${msg}\n`);

/** Every frame's timestamp while `__frames.on`. */
const FRAMES_SCRIPT = `(() => {
  const F = (window.__frames = { on: false, ts: [] });
  const loop = (t) => { if (F.on) F.ts.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})();`;
const PLAY_LABEL = `document.querySelector('[data-testid="action-playPause"]').getAttribute('aria-label')`;

interface Build {
  name: 'A' | 'B';
  label: string;
  base: string;
  server?: ChildProcess;
  draw: number[];
  /** The first step shown: the run simulated (the page draws the topology first). */
  step: number[];
  play: Record<(typeof SCENARIOS)[number], number[]>;
  /** --cpu: main-thread CPU ms to the first draw, and its parts summed over the rounds. */
  cpu: number[];
  cpuParts: Map<string, number>;
}

async function phonePage(browser: Browser, script: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, locale: 'en-US', colorScheme: 'light' });
  const page = await ctx.newPage();
  if (SLOWDOWN > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  await page.addInitScript({ content: script });
  return { page, close: () => ctx.close() };
}

async function firstDraw(browser: Browser, base: string, traced = false): Promise<{ draw: number; step: number; cpu: ReturnType<typeof mainThreadCpu> | null }> {
  const { page, close } = await phonePage(browser, FIRST_DRAW_SCRIPT);
  try {
    if (traced) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
    await page.goto(base + URL_TAIL);
    await page.waitForFunction('window.__firstDraw && window.__firstDraw.paintedAt !== null && window.__firstDraw.stepAt !== null', undefined, { timeout: 60_000, polling: 20 });
    const r = (await page.evaluate('window.__firstDraw')) as { hostAt: number; paintedAt: number; fcp: number | null; stepAt: number };
    const draw = r.fcp !== null && r.fcp >= r.hostAt ? Math.max(r.fcp, r.paintedAt) : r.paintedAt;
    return { draw, step: r.stepAt, cpu: traced ? mainThreadCpu(await browser.stopTracing(), draw) : null };
  } finally {
    await close();
  }
}

async function playP95(browser: Browser, base: string, scenario: string): Promise<number> {
  const { page, close } = await phonePage(browser, FRAMES_SCRIPT);
  try {
    await page.goto(`${base}?scenario=${scenario}&lang=en`);
    await page.waitForSelector(HOST_SELECTOR);
    await page.waitForSelector('[data-testid="narration-step"]');
    await sleep(500);
    const fastest = `${SPEEDS[SPEEDS.length - 1]}×`;
    for (let i = 0; i <= SPEEDS.length && (await page.getByTestId('speed').textContent())?.trim() !== fastest; i++) await page.keyboard.press('+');
    const paused = (await page.evaluate(PLAY_LABEL)) as string;
    await page.evaluate('window.__frames.on = true');
    await page.keyboard.press(' ');
    const until = Date.now() + PLAY_MS;
    while (Date.now() < until) {
      await sleep(100);
      if ((await page.evaluate(PLAY_LABEL)) === paused) await page.keyboard.press(' ');
    }
    const ts = (await page.evaluate('(window.__frames.on = false, window.__frames.ts)')) as number[];
    return quantile(ts.slice(1).map((t, i) => t - (ts[i] ?? t)), 0.95);
  } finally {
    await close();
  }
}

const spread = (xs: number[]) => `median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))}); ${xs.map((x) => fmt(x, 0)).join(' ')}`;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lvs-flow-bench-phone-ab-'));
  const builds: Build[] = [];
  let browser: Browser | null = null;
  try {
    const loadBefore = loadNow();
    const srcA = join(work, 'a');
    mkdirSync(srcA);
    const sha = exportRevision(BASE_REV, srcA);
    builds.push(
      { name: 'A', label: `${BASE_REV} (${sha})`, base: baseUrl(PORTS[0] ?? 4201), draw: [], step: [], play: { 'nat-course': [], 'tun-course': [] }, cpu: [], cpuParts: new Map() },
      { name: 'B', label: 'working tree', base: baseUrl(PORTS[1] ?? 4211), draw: [], step: [], play: { 'nat-course': [], 'tun-course': [] }, cpu: [], cpuParts: new Map() },
    );
    progress(`load average ${loadBefore}; building A = ${builds[0]!.label} and B = ${builds[1]!.label}`);
    build(join(work, 'dist-a'), true, srcA);
    build(join(work, 'dist-b'), true);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (const [i, b] of builds.entries()) {
      b.server = await serve(join(work, `dist-${b.name.toLowerCase()}`), PORTS[i] ?? 4201 + i);
      await firstDraw(browser, b.base); // warms the server and the disk cache, not measured
    }
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? [...builds].reverse() : builds;
      for (const b of order) {
        const d = await firstDraw(browser, b.base, CPU);
        b.draw.push(d.draw);
        b.step.push(d.step);
        if (d.cpu) {
          b.cpu.push(d.cpu.ms);
          for (const [k, ms] of d.cpu.byName) b.cpuParts.set(k, (b.cpuParts.get(k) ?? 0) + ms);
        }
      }
      for (const s of PLAY ? SCENARIOS : []) for (const b of order) b.play[s].push(await playP95(browser, b.base, s));
      progress(`round ${r + 1}: ${builds.map((b) => `${b.name} draw ${fmt(b.draw.at(-1) ?? Number.NaN, 0)} ms, step ${fmt(b.step.at(-1) ?? Number.NaN, 0)} ms${CPU ? `, CPU ${fmt(b.cpu.at(-1) ?? Number.NaN, 0)} ms` : ''}${PLAY ? `, p95 ${SCENARIOS.map((s) => fmt(b.play[s].at(-1) ?? Number.NaN)).join('/')} ms` : ''}`).join('; ')}; load ${loadNow()}`);
    }
    console.log(`phone A/B ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Chromium ${browser.version()} headless, ${VIEWPORT.width}×${VIEWPORT.height} touch, CPU throttled ${SLOWDOWN}×${URL_TAIL ? `, pages ${URL_TAIL}` : ''}; `
      + `load average ${loadBefore} → ${loadNow()} on ${cpus().length} CPUs; ${ROUNDS} rounds, alternating`);
    for (const b of builds) {
      console.log(`  ${b.name} ${b.label}`);
      console.log(`    first draw          ${spread(b.draw)}`);
      console.log(`    first step shown    ${spread(b.step)}`);
      if (CPU) {
        console.log(`    main-thread CPU     ${spread(b.cpu)}`);
        const parts = [...b.cpuParts].sort((x, y) => y[1] - x[1]).slice(0, 8);
        console.log(`      mean parts: ${parts.map(([k, ms]) => `${k} ${fmt(ms / b.cpu.length, 0)}`).join(', ')}`);
      }
      for (const s of PLAY ? SCENARIOS : []) console.log(`    frame p95 ${s.padEnd(10)} ${spread(b.play[s])}`);
    }
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    for (const b of builds) if (b.server) await stop(b.server);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
