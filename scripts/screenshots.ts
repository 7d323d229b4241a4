/**
 * Screenshots at 1280×720 of the built app, for the README and for judging how it projects.
 * Usage: npm run build && npx tsx scripts/screenshots.ts [name-filter]
 * Debian's chromium only (never a downloaded browser); serves dist with vite preview.
 */
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { embedded, leavePresenterMode, presenterMode, quizAsked, quizWrong, type Elsewhere } from './screenshots-classroom';

interface Shot {
  name: string;
  scenario: string;
  /** ArrowRight presses after load. */
  steps: number;
  lang?: 'en' | 'zh-CN';
  tab?: 'packet' | 'host' | 'events' | 'sequence';
  dark?: boolean;
  depth?: 'full';
  /** Keep stepping until a drop is on screen. */
  untilDrop?: boolean;
  /** A fragment that opens another view (a compare link) instead of the simulator. */
  hash?: string;
  /** Scroll this test id into view before shooting. */
  scrollTo?: string;
  /** Open Export → Printable handout and shoot its print preview, the whole page. */
  handout?: boolean;
  /** Open the load view and run this (the page shows the run's end). */
  load?: LoadShot;
  /** Run after the steps (screenshots-classroom.ts); a page it returns is shot instead. */
  act?: (page: Page) => Promise<Elsewhere | void>;
}

interface LoadShot {
  clients: number;
  durationS: number;
  scheduler: string;
  compareWith?: string;
  keepAliveMs?: number;
  weights?: Record<string, number>;
  /** The health checker on, RS1 failed at failS and restored at restoreS (simulated s, at pace 10×). */
  failS?: number;
  restoreS?: number;
}

const SHOTS: Shot[] = [
  { name: 'nat-course-dnat', scenario: 'nat-course', steps: 2 },
  { name: 'nat-course-snat-zh', scenario: 'nat-course', steps: 4, lang: 'zh-CN' },
  { name: 'dr-lab-dmac', scenario: 'dr-lab', steps: 1 },
  { name: 'dr-lab-host', scenario: 'dr-lab', steps: 2, tab: 'host', dark: true },
  { name: 'tun-course-encap', scenario: 'tun-course', steps: 2 },
  { name: 'nat-course-events', scenario: 'nat-course', steps: 3, tab: 'events', depth: 'full' },
  { name: 'dr-lab-no-vip-on-lo-drop', scenario: 'dr-lab-no-vip-on-lo', steps: 0, untilDrop: true },
  { name: 'nat-lab-bad-gateway-drop', scenario: 'nat-lab-bad-gateway', steps: 0, untilDrop: true, lang: 'zh-CN' },
  { name: 'l7-overview', scenario: 'l7-overview', steps: 3 },
  { name: 'tun-course-sequence', scenario: 'tun-course', steps: 4, tab: 'sequence' },
  { name: 'compare-nat-dr-tun', scenario: 'nat-course', steps: 0, hash: 'v1.cmp.nat-course~dr-course~tun-course.1.32.en' },
  { name: 'compare-claims-zh', scenario: 'nat-course', steps: 0, lang: 'zh-CN', hash: 'v1.cmp.nat-course~dr-course~tun-course.1.32.zh', scrollTo: 'cmp-claims' },
  { name: 'handout-nat-course', scenario: 'nat-course', steps: 0, handout: true },
  { name: 'load-failover', scenario: 'nat-lab', steps: 0, load: { clients: 1000, durationS: 45, scheduler: 'wlc', failS: 12, restoreS: 28 } },
  { name: 'load-failover-zh', scenario: 'nat-lab', steps: 0, lang: 'zh-CN', load: { clients: 1000, durationS: 45, scheduler: 'wlc', failS: 12, restoreS: 28 } },
  { name: 'load-rr-vs-wlc', scenario: 'nat-lab', steps: 0, load: { clients: 1000, durationS: 40, scheduler: 'rr', compareWith: 'wlc', keepAliveMs: 3000, weights: { RS1: 3, RS2: 1 } } },
  { name: 'presenter-nat-course', scenario: 'nat-course', steps: 2, act: (p) => presenterMode(p, false) },
  { name: 'presenter-bilingual', scenario: 'dr-course', steps: 2, act: (p) => presenterMode(p, true) },
  { name: 'quiz-asked', scenario: 'dr-course', steps: 0, act: quizAsked },
  { name: 'quiz-wrong-misconception', scenario: 'dr-course', steps: 0, act: quizWrong },
  { name: 'embed-course-page', scenario: 'nat-course', steps: 3, act: embedded },
  { name: 'handout-tun-course-zh', scenario: 'tun-course', steps: 0, lang: 'zh-CN', handout: true },
];

async function shoot(page: Page, base: string, shot: Shot) {
  await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  const q = new URLSearchParams({ scenario: shot.scenario, lang: shot.lang ?? 'en', ...(shot.depth ? { depth: shot.depth } : {}) });
  await page.goto(`${base}?${q}${shot.hash ? `#${shot.hash}` : ''}`);
  await page.getByTestId(shot.hash ? 'compare-view' : 'topology').waitFor();
  for (let i = 0; i < shot.steps; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; shot.untilDrop && i < 200 && (await page.getByTestId('drop-mark').count()) === 0; i++) {
    await page.keyboard.press('ArrowRight');
  }
  if (shot.tab) await page.getByTestId(`tab-${shot.tab}`).click();
  if (shot.scrollTo) await page.getByTestId(shot.scrollTo).evaluate((e) => e.scrollIntoView({ block: 'end' }));
  if (shot.handout) {
    // Export sits in the header's ☰ menu.
    await page.getByTestId('header-menu').click();
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-handout').click();
    await page.getByTestId('handout-topology').waitFor();
    await page.emulateMedia({ media: 'print' });
  }
  if (shot.load) await runLoad(page, shot.load);
  const elsewhere = await shot.act?.(page);
  const target = elsewhere?.page ?? page;
  await target.waitForTimeout(700);
  await target.screenshot({ path: `docs/screenshots/${shot.name}.png`, fullPage: shot.handout === true });
  await elsewhere?.close();
  await leavePresenterMode(page);
  if (shot.handout) await page.emulateMedia({ media: 'screen' });
}

/** Simulated seconds the first run has reached, from its progress line. */
async function loadSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('load-progress').locator('p').first().textContent()) ?? '';
  return Number(text.match(/([\d,]+) s simulated|已模拟 ([\d,]+) 秒/)?.slice(1).find(Boolean)?.replace(/,/g, '') ?? 0);
}

async function runLoad(page: Page, l: LoadShot) {
  if (!(await page.getByTestId('load-toggle').isVisible())) await page.getByTestId('header-menu').click();
  await page.getByTestId('load-toggle').click();
  await page.getByTestId('load-view').waitFor();
  await page.getByTestId('load-clients').fill(String(l.clients));
  await page.getByTestId('load-durationS').fill(String(l.durationS));
  // The duration ends the run, not the number of requests.
  await page.getByTestId('load-requests').fill('1000000');
  if (l.keepAliveMs !== undefined) await page.getByTestId('load-keepAliveMs').fill(String(l.keepAliveMs));
  await page.getByTestId('load-scheduler').selectOption(l.scheduler);
  if (l.compareWith) await page.getByTestId('load-compare').selectOption(l.compareWith);
  for (const [id, w] of Object.entries(l.weights ?? {})) await page.getByTestId(`load-weight-${id}`).fill(String(w));
  if (l.failS !== undefined) await page.getByTestId('load-health').check();
  await page.getByTestId('load-pace').selectOption(l.failS !== undefined ? '10' : 'Infinity');
  await page.getByTestId('load-start').click();
  const first = page.getByTestId('load-progress').locator('p').first();
  for (const [at, button] of [[l.failS, 'load-fail-RS1'], [l.restoreS, 'load-restore-RS1']] as const) {
    if (at === undefined) continue;
    while ((await loadSeconds(page)) < at) await page.waitForTimeout(50);
    await page.getByTestId(button).click();
  }
  for (const p of await page.getByTestId('load-progress').locator('p').all()) await p.waitFor({ state: 'attached' });
  await first.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
  await page.getByTestId('load-progress').locator('p[data-state="running"]').waitFor({ state: 'detached', timeout: 120_000 });
}

async function main() {
  const filter = process.argv[2] ?? '';
  // SHOTS_PORT (or SHOT_PORT): several checkouts may shoot at once.
  const port = Number(process.env['SHOTS_PORT'] ?? process.env['SHOT_PORT'] ?? 4174);
  const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => { if (m.type() === 'error') console.error(`[console] ${m.text()}`); });
    for (const shot of SHOTS.filter((s) => s.name.includes(filter))) {
      await shoot(page, `http://127.0.0.1:${port}/`, shot);
      console.log(`docs/screenshots/${shot.name}.png`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

await main();
