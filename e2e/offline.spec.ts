/** Classroom networks fail: once the app has been visited, it opens again with no network. */
import { expect, test } from './fixtures/test';

test('once visited, the app and its presets open offline (service worker)', async ({ app, page, context }) => {
  await app.open('nat-course');
  // The service worker installs and precaches every asset, lazy chunks included.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await app.open('tun-course');
  await expect(page.getByTestId('topology')).toBeVisible();
  await app.tab('events');
  await expect(page.getByTestId('tab-events')).toBeVisible();
  await context.setOffline(false);
});
