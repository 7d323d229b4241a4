/**
 * Phones and tablets (issue 13): at 390×844 and 844×390 (touch, mobile) and 768×1024 every
 * preset fits the width with its whole topology on screen and host names ≥ 12 px; a swipe on
 * the topology steps forward and back; the step controls and the menu's tools are reachable;
 * axe finds nothing serious. Screenshots of each size go to docs/screenshots/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PRESETS } from '../src/engine';
import { expect, test } from './fixtures/test';

const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'phone-sideways', width: 844, height: 390, touch: true },
  { name: 'tablet', width: 768, height: 1024, touch: false },
] as const;

/** Page width, topology box, the smallest host text and the host texts that overlap, as drawn. */
const measure = (page: Page) => page.evaluate(() => {
  const svg = document.querySelector('[data-testid="topology"]')!.getBoundingClientRect();
  const hostEls = [...document.querySelectorAll<SVGGElement>('[data-testid="topology"] [data-testid^="host-"]')];
  const hosts = hostEls.map((e) => e.getBoundingClientRect());
  // Every name and address line: its font size times the scale it is drawn at, in CSS px.
  const texts = hostEls.flatMap((h) => [...h.querySelectorAll<SVGTextElement>('.host-name, .iface')].map((e) => ({
    host: h.dataset['testid'], box: e.getBoundingClientRect(),
    px: parseFloat(getComputedStyle(e).fontSize) * Math.hypot(e.getScreenCTM()!.a, e.getScreenCTM()!.b),
  })));
  const smallest = texts.reduce((m, x) => (x.px < m.px ? x : m), texts[0]!);
  const overlaps = texts.flatMap((a, i) => texts.slice(i + 1)
    .filter((b) => a.host !== b.host && a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1
      && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1)
    .map((b) => `${a.host} × ${b.host}`));
  return {
    docWidth: document.documentElement.scrollWidth,
    viewport: innerWidth,
    svg: { left: svg.left, right: svg.right, top: svg.top, bottom: svg.bottom },
    hostsInside: hosts.every((h) => h.left >= svg.left - 1 && h.right <= svg.right + 1 && h.top >= svg.top - 1 && h.bottom <= svg.bottom + 1),
    smallestText: smallest.px,
    overlaps,
  };
});

/** How many rows the boxes matching `selector` sit in (boxes whose vertical spans overlap share a row). */
const rowsOf = (page: Page, selector: string) => page.evaluate((sel) => {
  const boxes = [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0)
    .sort((a, b) => a.top - b.top);
  let rows = 0, bottom = -Infinity;
  for (const r of boxes) {
    if (r.top >= bottom - 1) rows++;
    bottom = Math.max(bottom, r.bottom);
  }
  return rows;
}, selector);

/** A one-finger horizontal swipe across the topology, as touch events. */
async function swipe(page: Page, dx: number) {
  const box = (await page.getByTestId('topology').boundingBox())!;
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width / 2 - dx / 2;
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0) });
  for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x0 + (dx * i) / 5) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A tap (touch) or a click on RS1 in nat-course: the side panel shows RS1 on its Host tab. */
async function openHostByPointer(app: { open: (id: string) => Promise<void> }, page: Page, touch: boolean) {
  await app.open('nat-course');
  const rs1 = page.getByTestId('topology').getByTestId('host-RS1');
  if (touch) await rs1.tap();
  else await rs1.click();
  await expect(page.getByTestId('tab-host')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('host-select')).toHaveValue('RS1');
  await expect(page.getByTestId('host-inspector')).toBeInViewport();
}

test.describe('desktop 1280×720', () => {
  test('clicking a host on the topology opens its inspector', async ({ app, page }) => {
    await openHostByPointer(app, page, false);
  });

  test('the header is one row in both languages; the less-used tools are in its menu', async ({ app, page }) => {
    await app.open('dr-lab');
    for (const lang of ['en', 'zh-CN']) {
      await page.getByTestId('language').selectOption(lang);
      expect(await rowsOf(page, '.app-header > *, .header-tools > *:not(.header-menu-panel)'), lang).toBe(1);
      for (const id of ['depth-full', 'language', 'share-menu', 'editor-toggle']) await expect(page.getByTestId(id), id).toBeVisible();
    }
    await expect(page.getByTestId('quiz-toggle')).toBeHidden();
    await page.getByTestId('header-menu').click();
    for (const id of ['quiz-toggle', 'export-menu', 'console-toggle', 'compare-open']) await expect(page.getByTestId(id), id).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('header-menu-panel')).toBeHidden();
    await expect(page.getByTestId('header-menu')).toBeFocused();
  });
});

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('every preset fits the width, keeps its topology on screen and its host names and addresses ≥ 12 px, apart', async ({ app, page }) => {
      test.setTimeout(180_000);
      for (const { id } of PRESETS) {
        await app.open(id);
        await page.waitForTimeout(150);
        const m = await measure(page);
        expect(m.docWidth, id).toBe(m.viewport);
        expect(m.svg.left, id).toBeGreaterThanOrEqual(0);
        expect(m.svg.right, id).toBeLessThanOrEqual(m.viewport);
        expect.soft(m.hostsInside, id).toBe(true);
        expect.soft(m.smallestText, `${id}: host names and addresses`).toBeGreaterThanOrEqual(12);
        expect.soft(m.overlaps, `${id}: host texts that run into each other`).toEqual([]);
        // No step widens the page either.
        await app.toolbar.button('last').click();
        expect((await measure(page)).docWidth, `${id} at its last step`).toBe(m.viewport);
      }
    });

    test('nat-course: the packet\'s label covers no host\'s text and no segment name at any step; segment names are whole on screen', async ({ app, page }) => {
      test.setTimeout(120_000);
      await app.open('nat-course');
      const total = Number((await page.getByTestId('narration-step').textContent())?.split('/')[1]);
      for (let step = 1; step <= total; step++) {
        const found = await page.evaluate(() => {
          const box = (e: Element) => e.getBoundingClientRect();
          const svg = box(document.querySelector('[data-testid="topology"]')!);
          const texts = [...document.querySelectorAll('[data-testid="topology"] .host-name, [data-testid="topology"] .iface, [data-testid="topology"] .segment-name')];
          const names = [...document.querySelectorAll('[data-testid="topology"] .segment-name')].map(box);
          // The label's box and each rewrite tag over it (the group's box spans the gap between them).
          const label = [...document.querySelectorAll('[data-testid="packet-label"] .plabel-bg, [data-testid="rewrite-tag"]')].map(box);
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          return {
            covered: texts.filter((t) => label.some((l) => hit(l, box(t)))).map((t) => t.textContent),
            namesCut: names.filter((n) => n.left < svg.left - 1 || n.right > svg.right + 1 || n.top < svg.top - 1).length,
          };
        });
        expect.soft(found.covered, `step ${step}: texts under the label`).toEqual([]);
        expect.soft(found.namesCut, `step ${step}: segment names cut`).toBe(0);
        // The director's SNAT on the way back, the label beside router R's addresses before.
        if (step === 5) await page.screenshot({ path: `docs/screenshots/${size.name}-${size.width}x${size.height}-nat-snat.png` });
        await app.toolbar.button('stepForward').click();
      }
    });

    test('the header and the step controls are one row each, every tool reachable; axe finds nothing serious', async ({ app, page }) => {
      await app.open('dr-lab');
      await app.toolbar.forward(2);
      await expect(page.getByTestId('step-input')).toHaveValue('3');
      expect(await rowsOf(page, '.app-header > *:not([hidden]), .header-tools > *:not(.header-menu-panel)'), 'header rows').toBe(1);
      for (const id of ['first', 'stepBack', 'playPause', 'stepForward', 'last'] as const) {
        const b = (await app.toolbar.button(id).boundingBox())!;
        expect(b.y + b.height, id).toBeLessThanOrEqual(size.height);
        if (size.touch) expect(Math.min(b.width, b.height), `${id} tap target`).toBeGreaterThanOrEqual(44);
      }
      // Upright the bar has two rows (buttons, then step and speed); wider, one.
      expect(await rowsOf(page, '.playback > *'), 'playback rows').toBe(size.width <= 600 ? 2 : 1);
      // The narration's title is not broken inside a word (it was "LVS-" / "DR" on a tablet).
      expect(await page.getByTestId('narration-step').evaluate((count) => {
        const title = count.parentElement!.firstChild!;
        const r = document.createRange();
        r.selectNodeContents(title);
        return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
      }), 'title lines').toBe(1);
      // The depth switch is in the bar but upright, where the menu has it with its hint in words.
      await expect(page.getByTestId('depth-full')).toBeVisible({ visible: size.width > 600 });
      await expect(page.getByTestId('language')).toBeHidden();
      await page.screenshot({ path: `docs/screenshots/${size.name}-${size.width}x${size.height}.png` });
      await page.getByTestId('header-menu').click();
      for (const id of ['language', 'depth-full', 'share-menu', 'editor-toggle', 'quiz-toggle', 'export-menu', 'console-toggle', 'compare-open']) {
        await page.getByTestId(id).scrollIntoViewIfNeeded();
        await expect(page.getByTestId(id), id).toBeInViewport();
      }
      if (size.width <= 600) await expect(page.getByTestId('depth-hint')).toContainText('IPv4 frames');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
      // A tool that opens a view shuts the menu; a tap elsewhere shuts it too.
      await page.getByTestId('console-toggle').click();
      await expect(page.getByTestId('header-menu-panel')).toBeHidden();
      await page.getByTestId('header-menu').click();
      await page.mouse.click(4, 200);
      await expect(page.getByTestId('header-menu-panel')).toBeHidden();
    });

    test(`${size.touch ? 'tapping' : 'clicking'} a host on the topology opens its inspector`, async ({ app, page }) => {
      await openHostByPointer(app, page, size.touch);
    });

    if (size.width <= 600) {
      test('the inspectors under the fold are not drawn until scrolled to, then show the current step', async ({ app, page }) => {
        await app.open('nat-course');
        await app.toolbar.forward(2);
        await expect(page.getByTestId('packet-inspector')).toBeHidden();
        await page.getByTestId('tab-packet').scrollIntoViewIfNeeded();
        await expect(page.getByTestId('packet-inspector')).toBeVisible();
        await expect(page.getByTestId('changed-field').first()).toBeVisible();
      });

      test('Edit says the editor needs a wider screen and leads back; stepping and sharing still work', async ({ app, page }) => {
        await app.open('dr-lab');
        await page.getByTestId('header-menu').click();
        await page.getByTestId('editor-toggle').click();
        await expect(page.getByTestId('editor-narrow')).toContainText('wider screen');
        await expect(page.getByTestId('editor')).toHaveCount(0);
        await page.getByTestId('editor-narrow-back').click();
        await expect(page.getByTestId('editor-narrow')).toHaveCount(0);
        await expect(page.getByTestId('editor-toggle')).toHaveAttribute('aria-expanded', 'false');
        await app.toolbar.forward();
        await expect(page.getByTestId('step-input')).toHaveValue('2');
        await page.getByTestId('header-menu').click();
        await page.getByTestId('share-menu').click();
        await expect(page.getByTestId('copy-link')).toBeVisible();
      });
    }

    if (size.touch) {
      test('a swipe on the topology steps forward and back', async ({ app, page }) => {
        await app.open('nat-course');
        await swipe(page, -160);
        await expect(page.getByTestId('step-input')).toHaveValue('2');
        await swipe(page, -160);
        await expect(page.getByTestId('step-input')).toHaveValue('3');
        await swipe(page, 160);
        await expect(page.getByTestId('step-input')).toHaveValue('2');
      });
    }
  });
}
