/** The language switch changes narration and labels, sets <html lang>, and is remembered. */
import { expect, test } from './fixtures/test';

test('switching to Chinese changes narration, tabs and <html lang>, and survives a reload', async ({ app, page }) => {
  await app.open('nat-course');
  await app.toolbar.forward(2);
  const english = await page.getByTestId('narration-cause').textContent();
  expect(english).toContain('director');
  await app.setLanguage('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('narration-cause')).toContainText('负载调度器');
  await expect(page.getByTestId('tab-packet')).toHaveText('数据包');
  await expect(page.getByTestId('host-D')).toContainText('D 负载调度器');
  await page.goto('./?scenario=nat-course');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('tab-packet')).toHaveText('数据包');
});
