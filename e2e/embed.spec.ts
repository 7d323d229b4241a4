/**
 * The Share menu's embed snippet, pasted into a course page on another origin: the scenario at
 * its step with only the topology, the narration and the step controls; its own controls step;
 * it writes no storage; axe finds nothing serious in it, in either language.
 */
import AxeBuilder from '@axe-core/playwright';
import { servePage } from './fixtures/course-page';
import { ShareMenu } from './fixtures/share';
import { expect, test } from './fixtures/test';

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the embed snippet on another origin opens at its step and steps with its own controls (${lang})`, async ({ app, page }) => {
    await app.open('nat-course', { lang });
    await app.toolbar.forward(3);
    const note = await app.narration().textContent();
    await new ShareMenu(page).choose('embed-open');
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    // Every reach for storage and every attempt to write it or a cookie, in any frame, whether the browser allows it or not
    // (this Chromium denies a third-party frame its storage outright).
    await page.addInitScript(() => {
      const w = window as unknown as { __writes: string[] };
      w.__writes = [];
      for (const name of ['setItem', 'removeItem', 'clear'] as const) {
        const original = Storage.prototype[name] as (...a: unknown[]) => unknown;
        Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
          w.__writes.push(`${name} ${String(args[0] ?? '')}`);
          return original.apply(this, args);
        } as never;
      }
      // Even reaching for the storage counts: in this Chromium a third-party frame's access throws first.
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        const d = Object.getOwnPropertyDescriptor(Window.prototype, name) ?? Object.getOwnPropertyDescriptor(window, name);
        Object.defineProperty(window, name, { configurable: true, get: () => { w.__writes.push(name); return d?.get?.call(window) as Storage; } });
      }
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      Object.defineProperty(document, 'cookie', {
        get: () => cookie?.get?.call(document) as string,
        set: (v: string) => { w.__writes.push(`cookie ${v}`); cookie?.set?.call(document, v); },
      });
    });
    const course = await servePage(snippet, lang === 'en' ? 'en' : 'zh-CN');
    try {
      await page.goto(course.url);
      expect(new URL(page.url()).origin).not.toBe(new URL(/src="([^"]+)"/.exec(snippet)?.[1] ?? '').origin);
      const embed = page.frameLocator('iframe');
      await expect(embed.getByTestId('step-input')).toHaveValue('4');
      await expect(embed.getByTestId('narration')).toHaveText(note ?? '');
      // Only the topology, the narration and the step controls.
      await expect(embed.getByTestId('topology')).toBeVisible();
      for (const gone of ['scenario-picker', 'share-menu', 'editor-toggle', 'console-toggle', 'tab-packet']) {
        await expect(embed.getByTestId(gone)).toHaveCount(0);
      }
      await embed.getByTestId('action-stepForward').click();
      await expect(embed.getByTestId('step-input')).toHaveValue('5');
      await expect(embed.getByTestId('narration')).not.toHaveText(note ?? '');
      await embed.getByTestId('action-stepBack').click();
      await expect(embed.getByTestId('narration')).toHaveText(note ?? '');

      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

      // A read-only view: the embed never reached for storage nor wrote a cookie, nor did the host page.
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(await frame?.evaluate(() => (window as unknown as { __writes: string[] }).__writes)).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes)).toEqual([]);
    } finally {
      await course.close();
    }
  });
}
