/**
 * The load view end to end in Chromium: a 1,000-client run through nat-lab's director in the
 * worker, RS1 failed midway and taken out by the health checker (its share falls to zero, the
 * other's rises), then restored; the view's exports read back as their readers would; axe in
 * both languages. The packet view's exports (pcapng through tshark, topology SVG and PNG, trace
 * CSV and Markdown, the handout's print preview) are e2e/exports.spec.ts's.
 */
import AxeBuilder from '@axe-core/playwright';
import { LoadViewPage } from './fixtures/load';
import { expect, test } from './fixtures/test';

test('1,000 clients: RS1 fails midway, its share falls to zero and RS2 takes it all; restored, RS1 comes back', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.open('nat-lab');
  const load = new LoadViewPage(page);
  await load.open();
  await expect(page.getByTestId('topology')).toBeHidden();
  await load.set('clients', 1000);
  await load.set('requests', 100_000);
  // Long enough (two minutes at pace 5) that the run is still going when Stop is clicked, however
  // slowly the machine runs the steps before it; at 60 s a loaded machine finished first.
  await load.set('durationS', 600);
  await page.getByTestId('load-health').check();
  await load.pace(5);
  await page.getByTestId('load-start').click();
  await load.waitFor('running');
  // Both servers take new connections before the failure.
  await expect.poll(() => load.lastSampleS(), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
  const before = await load.shares();
  expect(before['RS1']).toBeGreaterThan(0.3);
  expect(before['RS2']).toBeGreaterThan(0.3);

  await page.getByTestId('load-fail-RS1').click();
  await expect(page.getByTestId('load-restore-RS1')).toBeVisible();
  // The checker takes RS1 out after two failed checks; five seconds later the window holds none of its connections.
  await expect.poll(async () => (await load.shares())['RS1'], { timeout: 90_000 }).toBe(0);
  expect((await load.shares())['RS2']).toBe(1);
  await expect(page.getByTestId('chart-conns').first()).toContainText('RS1 fails');

  await page.getByTestId('load-restore-RS1').click();
  await expect(page.getByTestId('load-fail-RS1')).toBeVisible();
  await expect.poll(async () => (await load.shares())['RS1'], { timeout: 90_000 }).toBeGreaterThan(0.2);
  await page.getByTestId('load-stop').click();
  await load.waitFor('stopped');
});

test('the series as CSV has a row per sample; the charts as SVG hold every server label; the PNG is 1920 px wide', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open('nat-lab');
  const load = new LoadViewPage(page);
  await load.open();
  await load.set('durationS', 20);
  await page.getByTestId('load-scheduler').selectOption('wlc');
  await load.pace('max');
  await page.getByTestId('load-start').click();
  await load.waitFor('done');
  const samples = await load.lastSampleS();

  const csv = await load.download('csv');
  expect(csv.name).toBe('nat-lab-load-wlc.csv');
  const rows = csv.bytes.toString('utf8').trimEnd().split('\r\n');
  expect(rows[0]).toMatch(/^run,t_s,RS1_active,/);
  // One row a second of simulated time, and the run's last sample when it ends between two.
  expect(rows.length - 1).toBeGreaterThanOrEqual(samples);
  expect(rows.length - 1).toBeLessThanOrEqual(samples + 1);
  expect(rows.slice(1).every((r) => r.startsWith('wlc,'))).toBe(true);

  const svg = await load.download('svg');
  expect(svg.name).toBe('nat-lab-load-wlc.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName, width: root.getAttribute('width'),
      charts: root.querySelectorAll(':scope > svg').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: null, root: 'svg', width: '1920', charts: 4 });
  for (const label of ['RS1', 'RS2', 'director in', 'nat-lab: 200 clients, wlc']) expect(parsed.texts).toContain(label);

  const png = await load.download('png');
  expect(png.name).toBe('nat-lab-load-wlc.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.bytes.readUInt32BE(16)).toBe(1920);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(500);
  expect(png.bytes.length).toBeGreaterThan(30_000);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no serious or critical axe violations in the load view with a run drawn (${lang})`, async ({ app, page }) => {
    await app.open('nat-lab', { lang });
    const load = new LoadViewPage(page);
    await load.open();
    await load.set('durationS', 10);
    await load.pace('max');
    await page.getByTestId('load-start').click();
    await load.waitFor('done');
    // The keyboard's way to pick a time: the director's tables then, from the worker.
    await page.getByTestId('load-pick').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('load-table-rr')).toContainText(/TCP {2}20\.20\.20\.11:80 rr/);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
