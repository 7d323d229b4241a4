/**
 * Links follow the address bar: a fragment typed (or pasted) opens its scenario and step
 * without a reload, back/forward move between the links opened, stepping rewrites the current
 * entry, short hand-typed links open in the reader's language, and a malformed one still shows
 * the banner.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

/** The same page with another fragment, as when it is typed into the address bar. */
const typeFragment = (page: Page, fragment: string) => page.goto(`${page.url().replace(/#.*$/, '')}#${fragment}`);

/** Set once on the first load: still there means no reload happened since. */
const markPage = (page: Page) => page.evaluate(() => { (window as { sameDocument?: boolean }).sameDocument = true; });
const stillSamePage = (page: Page) => page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument === true);

test('typed fragments open without a reload; back and forward move between them; a step rewrites the entry', async ({ app, page }) => {
  await app.open('nat-course');
  await markPage(page);
  const picker = page.getByTestId('scenario-picker');

  await typeFragment(page, 'v1.p.dr-lab.7');
  await expect(picker).toHaveValue('dr-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('8');
  await expect(page.getByTestId('language')).toHaveValue('en');

  await typeFragment(page, 'v1.p.nat-lab');
  await expect(picker).toHaveValue('nat-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('1');

  const entries = await page.evaluate(() => history.length);
  await app.toolbar.forward(2);
  await expect(page).toHaveURL(/#v1\.p\.nat-lab\.2\.en$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.goBack();
  await expect(picker).toHaveValue('dr-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('8');
  await page.goForward();
  await expect(picker).toHaveValue('nat-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('3');

  await typeFragment(page, 'v1.p.dr-lab.7.zh');
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');
  expect(await stillSamePage(page)).toBe(true);
});

test('a malformed fragment typed later shows the banner over what is on screen', async ({ app, page }) => {
  await app.open('dr-lab');
  await markPage(page);
  await app.toolbar.forward(3);
  await typeFragment(page, 'v9.xyz');
  await expect(page.getByTestId('link-error')).toBeVisible();
  await expect(page.getByTestId('scenario-picker')).toHaveValue('dr-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('4');
  // The bad link stays in the address bar to be corrected, even after a step.
  await app.toolbar.forward();
  await page.waitForTimeout(600);
  expect(page.url()).toMatch(/#v9\.xyz$/);
  await typeFragment(page, 'v1.p.tun-course.2');
  await expect(page.getByTestId('link-error')).toHaveCount(0);
  await expect(page.getByTestId('scenario-picker')).toHaveValue('tun-course');
  expect(await stillSamePage(page)).toBe(true);
});

test('a short link opened in a fresh page uses the browser\'s language', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto('./#v1.p.dr-lab');
  await page.getByTestId('topology').waitFor();
  await expect(page.getByTestId('scenario-picker')).toHaveValue('dr-lab');
  await expect(page.getByTestId('step-input')).toHaveValue('1');
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');
  await ctx.close();
});

test('link A, then location.hash set to link B: B shows; back returns to A; the short forms open; a bad one shows the banner', async ({ page }) => {
  await page.goto('./#v1.p.nat-course.3.en');
  await page.getByTestId('topology').waitFor();
  await markPage(page);
  const picker = page.getByTestId('scenario-picker');
  const step = page.getByTestId('step-input');
  const setHash = (h: string) => page.evaluate((x) => { location.hash = x; }, h);
  await expect(picker).toHaveValue('nat-course');
  await expect(step).toHaveValue('4');

  await setHash('#v1.p.tun-course.5.en');
  await expect(picker).toHaveValue('tun-course');
  await expect(step).toHaveValue('6');
  await page.goBack();
  await expect(picker).toHaveValue('nat-course');
  await expect(step).toHaveValue('4');

  // The three short forms: scenario only (step 0, the browser's language), + step, + language.
  await setHash('#v1.p.dr-lab');
  await expect(picker).toHaveValue('dr-lab');
  await expect(step).toHaveValue('1');
  await expect(page.getByTestId('language')).toHaveValue('en');
  await setHash('#v1.p.nat-lab.7');
  await expect(picker).toHaveValue('nat-lab');
  await expect(step).toHaveValue('8');
  await expect(page.getByTestId('language')).toHaveValue('en');
  await setHash('#v1.p.dr-lab.7.zh');
  await expect(picker).toHaveValue('dr-lab');
  await expect(step).toHaveValue('8');
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');

  await setHash('#v1.p.dr-lab.x7');
  await expect(page.getByTestId('link-error')).toBeVisible();
  await expect(step).toHaveValue('8');
  expect(await stillSamePage(page)).toBe(true);
});
