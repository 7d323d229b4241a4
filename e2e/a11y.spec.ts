/** axe finds no serious or critical violation, in either language, on each tab, and with each overlay open. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

for (const tab of ['packet', 'host', 'events'] as const) {
  test(`no serious or critical axe violations (${tab} tab)`, async ({ app, page }) => {
    await app.open('dr-lab');
    await app.toolbar.forward(2);
    await app.tab(tab);
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('no serious or critical axe violations in Chinese', async ({ app, page }) => {
  await app.open('tun-course', { lang: 'zh-CN' });
  await app.toolbar.forward(2);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => v.id)).toEqual([]);
});

/** The overlays: the editor panel (with its segment section), the share menu, the QR dialog. */
const serious = async (page: Page) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
};

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no serious or critical axe violations with the editor open (${lang})`, async ({ app, page }) => {
    // Two axe passes over the whole editor: slow on a loaded 2-core machine.
    test.setTimeout(150_000);
    await app.open('nat-lab', { lang });
    await page.getByTestId('editor-toggle').click();
    await page.getByTestId('editor').waitFor();
    await page.waitForTimeout(300);
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('editor-view-segments').click();
    await page.getByTestId('add-link').click();
    await page.getByTestId('editor-segments').waitFor();
    await page.waitForTimeout(300);
    expect(await serious(page)).toEqual([]);
  });
}

test('no serious or critical axe violations with an invalid field in the editor', async ({ app, page }) => {
  await app.open('nat-lab');
  await page.getByTestId('editor-toggle').click();
  await page.getByTestId('editor-host').selectOption('0');
  await page.locator("[data-testid='editor'] [data-path='hosts[0].interfaces[0].addrs[0].cidr']").fill('20.20.20.300/24');
  await page.waitForTimeout(300);
  expect(await serious(page)).toEqual([]);
  await page.getByTestId('editor-view-segments').click();
  await page.locator("[data-testid='editor'] [data-path='segments[1].kind']").selectOption('link');
  await page.locator("[data-testid='editor'] [data-msg-for='segments[1].ports']").waitFor();
  await page.waitForTimeout(300);
  expect(await serious(page)).toEqual([]);
});

test('no serious or critical axe violations with the share menu open', async ({ app, page }) => {
  await app.open('dr-lab');
  await page.getByTestId('share-menu').click();
  await page.locator('#share-menu').waitFor();
  expect(await serious(page)).toEqual([]);
});

test('no serious or critical axe violations with the QR dialog open', async ({ app, page }) => {
  await app.open('dr-lab');
  await page.getByTestId('share-menu').click();
  await page.getByTestId('qr-open').click();
  await page.getByTestId('qr-dialog').waitFor();
  await page.waitForTimeout(300);
  expect(await serious(page)).toEqual([]);
});
