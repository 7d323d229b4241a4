/**
 * Compare: NAT, DR and TUN stepped together on the same request, the director's packets counted
 * as the summary slides say (NAT carries both directions, DR and TUN only the inbound one), the
 * slides' claims marked against the measurement, the view's link, and axe in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { ComparePage } from './fixtures/compare';
import { expect, test } from './fixtures/test';
import { headerTool } from './fixtures/header';

const TRIO = 'v1.cmp.nat-course~dr-course~tun-course';

test('the header\'s Compare button opens NAT, DR and TUN, stepped together by one set of controls', async ({ app, page }) => {
  await app.open('nat-lab');
  await (await headerTool(page, 'compare-open')).click();
  const cmp = new ComparePage(page);
  await cmp.view().waitFor();
  await expect(cmp.column(0)).toHaveAttribute('data-scenario', 'nat-course');
  await expect(cmp.column(1)).toHaveAttribute('data-scenario', 'dr-course');
  await expect(cmp.column(2)).toHaveAttribute('data-scenario', 'tun-course');
  await expect(cmp.step()).toContainText('Step 0 of');
  await page.getByTestId('cmp-forward').click();
  await expect(cmp.step()).toContainText('Step 1 of');
  // The client's SYN leaves in every run at once: to the director on its LAN, or to router R.
  expect(await cmp.hopLine(0)).toContain('C → R');
  expect(await cmp.hopLine(1)).toContain('C → D');
  expect(await cmp.hopLine(2)).toContain('C → R');
  await page.keyboard.press('ArrowRight');
  await expect(cmp.step()).toContainText('Step 2 of');
  expect(await cmp.hopLine(0)).toContain('R → D');
  expect(await cmp.hopLine(1)).toContain('D → RS');
});

test('at the end the director counts packets both ways in NAT and only inbound in DR and TUN, as the summary slides say', async ({ page }) => {
  const cmp = new ComparePage(page);
  await cmp.openLink(`${TRIO}.1.0.en`);
  await page.getByTestId('cmp-last').click();
  // The step is drawn in the next frame: read the counts only once the step says it is the last.
  await expect(cmp.step()).toHaveText(/Step ([1-9]\d*) of \1\b/);
  const [nat, dr, tun] = [await cmp.counts(0), await cmp.counts(1), await cmp.counts(2)];
  expect(nat.in).toBeGreaterThan(0);
  expect(nat.out).toBeGreaterThan(0);
  expect(dr).toEqual({ in: nat.in, out: 0 });
  expect(tun).toEqual({ in: nat.in, out: 0 });
  // The table says the same: packets out of the director per run, and whether the reply passes it.
  const table = page.getByTestId('cmp-table');
  await expect(table.getByRole('row', { name: /Director: packets out/ })).toHaveText(new RegExp(`packets out\\s*${nat.out}\\s*0\\s*0`));
  await expect(table.getByRole('row', { name: /Reply passes the director/ })).toHaveText(/director\s*yes\s*no\s*no/);
  await expect(cmp.verdict('nat.both-ways')).toHaveAttribute('data-verdict', 'confirmed');
  await expect(cmp.verdict('dr.inbound-only')).toHaveAttribute('data-verdict', 'confirmed');
  await expect(cmp.verdict('tun.in-ds-out-rs')).toHaveAttribute('data-verdict', 'confirmed');
  await expect(cmp.verdict('tun.heavy-load')).toHaveAttribute('data-verdict', 'contradicted');
});

test('while the engine\'s compare chunk is still coming, the step buttons wait and the link keeps its step', async ({ page }) => {
  // Hold the chunk back until the test lets it go (a slow phone, or a loaded CI machine).
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route(/\/assets\/compare-[\w-]{8}\.js$/, /* not compare-prefix-… */ async (route) => { await held; await route.continue(); });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./?lang=en#${TRIO}.1.3.en`, { waitUntil: 'commit' });
  const cmp = new ComparePage(page);
  await cmp.view().waitFor();
  await expect(page.getByTestId('cmp-last')).toBeDisabled();
  await expect(page.getByTestId('cmp-table')).toHaveCount(0);
  await page.keyboard.press('End');
  release();
  await page.getByTestId('cmp-table').waitFor();
  await expect(cmp.step()).toHaveText(/Step 3 of \d+/);
  await expect(page.getByTestId('cmp-last')).toBeEnabled();
});

test('a compare link keeps the step and language through a reload, and Back returns to the simulator', async ({ page }) => {
  const cmp = new ComparePage(page);
  await cmp.openLink(`${TRIO}.1.5.zh`);
  await expect(cmp.step()).toHaveText(/第 5 \/ \d+ 步/);
  await expect(cmp.verdict('tun.heavy-load')).toContainText('压力较大');
  await expect(cmp.verdict('tun.heavy-load')).toContainText('未被证实');
  await page.getByTestId('cmp-forward').click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${TRIO}.1.6.zh`);
  await page.reload();
  await cmp.view().waitFor();
  await expect(cmp.step()).toHaveText(/第 6 \/ \d+ 步/);
  await page.getByTestId('compare-close').click();
  await page.getByTestId('topology').waitFor();
  expect(await page.evaluate(() => location.hash)).toBe('');
});

test('a quick set compares L4 with L7 on two columns', async ({ page }) => {
  const cmp = new ComparePage(page);
  await cmp.openLink(`${TRIO}.1.0.en`);
  await page.getByTestId('cmp-set-l4l7').click();
  await expect(cmp.column(1)).toHaveAttribute('data-scenario', 'l7-overview');
  await expect(cmp.column(2)).toHaveCount(0);
  await expect(page.getByTestId('cmp-table').getByRole('row', { name: /Ports rewritten/ })).toHaveText(/rewritten\s*no\s*yes/);
});

for (const lang of ['en', 'zh'] as const) {
  test(`no serious or critical axe violations in the compare view (${lang})`, async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.openLink(`${TRIO}.1.4.${lang}`, lang === 'zh' ? 'zh-CN' : 'en');
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
