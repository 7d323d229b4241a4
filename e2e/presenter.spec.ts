/**
 * Presenter mode (issue 14) in Chromium: entered and left with the keyboard and from the ☰ menu,
 * a clicker's keys step, the caption follows the step, text readable from the back of a room
 * (≥ 24 px on screen at 1280×720 and 1920×1080), B blanks, L shows both languages, the laser
 * pointer rides the packet, a reload keeps the place, and axe finds nothing serious.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { headerTool } from './fixtures/header';
import { Presenter } from './fixtures/presenter';
import { QuizPanel } from './fixtures/quiz';
import { expect, test } from './fixtures/test';

const enter = async (page: Page) => {
  await page.keyboard.press('p');
  await page.getByTestId('presenter').waitFor();
};

test('P enters presenter mode and Esc leaves it, keeping the step; the ☰ menu enters it too', async ({ app, page }) => {
  await app.open('dr-course');
  await app.toolbar.forward(3);
  await enter(page);
  const presenter = new Presenter(page);
  expect(await presenter.step()).toBe(4);
  await expect(page).toHaveURL(/[?&]present=1/);
  // Editing and the inspectors are not there: no header, no playback bar, no side panel.
  await expect(page.getByTestId('editor-toggle')).toHaveCount(0);
  await expect(page.getByTestId('tab-packet')).toHaveCount(0);
  await expect(page.getByTestId('step-input')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(presenter.view()).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);
  expect(await app.toolbar.step()).toBe(4);

  await (await headerTool(page, 'presenter-open')).click();
  await presenter.view().waitFor();
  await page.getByTestId('presenter-leave').click();
  await expect(presenter.view()).toHaveCount(0);
});

test('not while a quiz is open: P, the button and a quiz link with the flag all keep the quiz, whose next hop stays hidden', async ({ app, page }) => {
  await app.open('dr-course');
  const quiz = new QuizPanel(page);
  await quiz.open();
  await expect(quiz.question()).toContainText('Question 1 of 6');
  const held = await app.toolbar.step();
  // Presenter mode steps freely: entering it would show the packet the quiz asks about.
  await page.keyboard.press('p');
  await page.waitForTimeout(600);
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(await headerTool(page, 'presenter-open')).toBeDisabled();
  await page.keyboard.press('Escape');
  expect(await app.toolbar.step()).toBe(held);

  // A quiz link asked for with the flag opens the quiz, and the flag goes.
  await quiz.teacher();
  const link = new URL(await page.getByTestId('quiz-link').inputValue());
  link.searchParams.set('present', '1');
  await page.goto(link.href);
  await quiz.question().waitFor();
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);

  // Closed, the quiz hides nothing, and P presents again.
  await page.getByTestId('quiz-close').click();
  await enter(page);
});

test('full screen when the browser allows; leaving it leaves presenter mode; a refusal changes nothing', async ({ app, page }) => {
  await app.open('dr-course');
  await enter(page);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  // The browser's own Esc leaves full screen without the page hearing the key.
  await page.evaluate(() => document.exitFullscreen());
  await expect(new Presenter(page).view()).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);

  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
  });
  await app.open('dr-course');
  await enter(page);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('presenter')).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  // F asks again (after a reload nothing has asked yet); refused again, still no error.
  await page.keyboard.press('f');
  await expect(page.getByTestId('presenter-fullscreen')).toBeVisible();
});

test('a clicker steps: PageDown/PageUp, →/←, Space; the caption changes with the step', async ({ app, page }) => {
  await app.open('nat-course');
  await enter(page);
  const presenter = new Presenter(page);
  expect(await presenter.step()).toBe(1);
  const first = await presenter.caption('en');
  await page.keyboard.press('PageDown');
  await expect.poll(() => presenter.step()).toBe(2);
  const second = await presenter.caption('en');
  expect(second).not.toBe(first);
  await page.keyboard.press('PageDown');
  await expect.poll(() => presenter.step()).toBe(3);
  expect(await presenter.caption('en')).not.toBe(second);
  await page.keyboard.press('PageUp');
  await expect.poll(() => presenter.step()).toBe(2);
  expect(await presenter.caption('en')).toBe(second);
  // Space steps here (it plays on the simulator's page), and the arrows step once, not twice.
  await page.keyboard.press('Space');
  await expect.poll(() => presenter.step()).toBe(3);
  await page.waitForTimeout(400);
  expect(await presenter.step()).toBe(3);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => presenter.step()).toBe(4);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => presenter.step()).toBe(2);
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`labels, host names and the caption are at least 24 px on screen at ${viewport.width}×${viewport.height}`, async ({ app, page }) => {
    await page.setViewportSize(viewport);
    // NAT's hops carry rewrites (the earlier value and a tag, the label's smallest text); TUN's an inner header.
    for (const scenario of ['nat-course', 'tun-course']) {
      await app.open(scenario);
      await enter(page);
      const presenter = new Presenter(page);
      let measured = 0;
      for (let step = 1; step <= 8; step++) {
        const sizes = await presenter.smallestText();
        expect(sizes.hostName, `${scenario} step ${step}: host names`).toBeGreaterThanOrEqual(24);
        expect(sizes.caption, `${scenario} step ${step}: caption`).toBeGreaterThanOrEqual(24);
        if (sizes.labels > 0) {
          expect(sizes.label, `${scenario} step ${step}: packet label`).toBeGreaterThanOrEqual(24);
          measured++;
        }
        await page.keyboard.press('PageDown');
        await expect.poll(() => presenter.step()).toBe(step + 1);
      }
      expect(measured, `${scenario}: steps with a packet label`).toBeGreaterThan(3);
    }
  });
}

test('B blanks the screen and brings it back; L shows the Chinese and English captions together', async ({ app, page }) => {
  await app.open('dr-course');
  await enter(page);
  await page.keyboard.press('b');
  const blank = page.getByTestId('presenter-blank');
  await expect(blank).toBeVisible();
  await expect(blank).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await page.keyboard.press('B');
  await expect(blank).toHaveCount(0);

  const presenter = new Presenter(page);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-caption-zh-CN')).toHaveCount(0);
  await page.keyboard.press('l');
  expect(await presenter.caption('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  expect(await presenter.caption('en')).toMatch(/[a-z]{3}/);
  await expect(page.getByTestId('presenter-caption-zh-CN')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('l');
  await expect(page.getByTestId('presenter-caption-zh-CN')).toHaveCount(0);
});

test('the laser pointer rides the moving packet, and pulses only without reduced motion', async ({ app, page }) => {
  await app.open('dr-course', { reducedMotion: false });
  await enter(page);
  await page.keyboard.press('PageDown');
  const laser = page.locator('.presenter .packet-glider .laser');
  await expect(laser).toBeVisible();
  await expect(laser).toHaveCSS('animation-name', 'presenter-laser');
  // It is drawn with the packet: their centres coincide wherever the glider is (read in one go, it moves).
  const [packet, dot] = await page.locator('.presenter .packet-glider').first().evaluate((g) => ['rect', '.laser'].map((sel) => {
    const r = g.querySelector(sel)?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : { x: NaN, y: NaN };
  }));
  expect(Math.hypot((packet?.x ?? NaN) - (dot?.x ?? NaN), (packet?.y ?? NaN) - (dot?.y ?? NaN))).toBeLessThan(3);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(laser).toHaveCSS('animation-name', 'none');
  await expect(laser).toBeVisible();
});

test('a reload keeps presenter mode, the scenario and the step', async ({ app, page }) => {
  await app.open('tun-course');
  await enter(page);
  const presenter = new Presenter(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => presenter.step()).toBe(6);
  // The address follows the step a moment after it settles (share-ui/follow-address.ts).
  await expect(page).toHaveURL(/present=1.*#v1\..*tun-course\.5\./);
  const caption = await presenter.caption('en');
  await page.reload();
  await presenter.view().waitFor();
  expect(await presenter.step()).toBe(6);
  expect(await presenter.caption('en')).toBe(caption);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no serious or critical axe violations in presenter mode (${lang})`, async ({ app, page }) => {
    test.setTimeout(120_000);
    await app.open('nat-course', { lang });
    await enter(page);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('l');
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
