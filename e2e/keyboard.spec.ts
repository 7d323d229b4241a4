/** The documented keys: Space, ←/→, Home/End, R, +/−. */
import { expect, test } from './fixtures/test';

test('keys step, jump, play, restart and change speed', async ({ app, page }) => {
  await app.open('nat-course');
  const total = await app.toolbar.total();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await app.toolbar.step()).toBe(3);
  await page.keyboard.press('ArrowLeft');
  expect(await app.toolbar.step()).toBe(2);
  await page.keyboard.press('End');
  expect(await app.toolbar.step()).toBe(total);
  await page.keyboard.press('Home');
  expect(await app.toolbar.step()).toBe(1);
  await page.keyboard.press('+');
  await expect(app.toolbar.speed()).toHaveText('2×');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(app.toolbar.speed()).toHaveText('0.5×');
  await page.keyboard.press(' ');
  await expect(app.toolbar.button('playPause')).toHaveAttribute('aria-label', 'Pause');
  await page.keyboard.press(' ');
  await expect(app.toolbar.button('playPause')).toHaveAttribute('aria-label', 'Play');
  await page.keyboard.press('End');
  await page.keyboard.press('r');
  expect(await app.toolbar.step()).toBe(1);
  await expect(app.toolbar.button('playPause')).toHaveAttribute('aria-label', 'Pause');
});

test('every control is reachable with Tab, and a host is selected with Enter', async ({ app, page }) => {
  await app.open('nat-course');
  await app.tab('host');
  await page.getByTestId('host-RS1').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('host-select')).toHaveValue('RS1');
  const focusable = await page.locator('button, select, input, [tabindex="0"]').count();
  expect(focusable).toBeGreaterThan(15);
});
