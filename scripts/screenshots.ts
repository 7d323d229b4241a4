/**
 * Screenshots at 1280×720 of the built app, for the README and for judging how it projects.
 * Usage: npm run build && npx tsx scripts/screenshots.ts [name-filter]
 * Debian's chromium only (never a downloaded browser); serves dist with vite preview.
 */
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

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
  await page.waitForTimeout(700);
  await page.screenshot({ path: `docs/screenshots/${shot.name}.png`, fullPage: shot.handout === true });
  if (shot.handout) await page.emulateMedia({ media: 'screen' });
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
