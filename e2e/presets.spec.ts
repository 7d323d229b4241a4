/** Every preset, from the engine's own list: it loads, plays to its last step, and says everything in words. */
import { listPresets } from '../src/engine';
import { expect, test } from './fixtures/test';

for (const preset of listPresets()) {
  test(`${preset.id} loads and plays to the end without console errors`, async ({ app, page }) => {
    await app.open(preset.id);
    await expect(page.getByTestId('scenario-picker')).toHaveValue(preset.id);
    const total = await app.toolbar.total();
    expect(total).toBeGreaterThan(1);
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await expect(app.toolbar.speed()).toHaveText('8×');
    await app.toolbar.button('playPause').click();
    await expect.poll(() => app.toolbar.step(), { timeout: 50_000 }).toBe(total);
    await expect(app.toolbar.button('playPause')).toHaveAttribute('aria-label', 'Play');
    await expect(page.locator('body')).not.toContainText('[[');
  });
}
