/** axe finds no serious or critical violation, in either language and on each tab. */
import AxeBuilder from '@axe-core/playwright';
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
