/**
 * Share links end to end: what a teacher edits and copies opens the same in a fresh page, at
 * the same step; malformed links show a message over the default scenario and never crash.
 */
import { readFileSync } from 'node:fs';
import { Editor } from './fixtures/editor';
import { ShareMenu } from './fixtures/share';
import { expect, test } from './fixtures/test';

const frozen = readFileSync(new URL('./links/v1/presets.txt', import.meta.url), 'utf8').split('\n');
const packed = frozen.find((l) => l.startsWith('v1.') && !l.startsWith('v1.p.')) ?? '';

test('edit → copy link to this step → a fresh page opens the same scenario at the same step', async ({ app, page, browser }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  await editor.field('hosts[0].name.en').fill('Teacher C');
  await editor.close();
  await app.toolbar.goTo(5);
  await new ShareMenu(page).choose('copy-step-link');
  await expect(page).toHaveURL(/#v1\./);
  const url = page.url();

  const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(e.message));
  await fresh.goto(url);
  await fresh.getByTestId('topology').waitFor();
  await expect(fresh.getByTestId('scenario-picker')).toHaveValue('nat-lab');
  await expect(fresh.getByTestId('step-input')).toHaveValue('5');
  await expect(fresh.getByTestId('topology')).toContainText('Teacher C');
  await expect(fresh.getByTestId('link-error')).toHaveCount(0);
  expect(errors).toEqual([]);
  await fresh.context().close();
});

test('plain Copy link opens at step 0 and shows that it was copied or offers the link to select', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('dr-lab');
  await app.toolbar.goTo(3);
  await new ShareMenu(page).choose('copy-link');
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  expect(page.url()).toMatch(/#v1\.p\.dr-lab\.0\.en$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

const MALFORMED = [
  { name: 'random text', fragment: 'hello-this-is-not-a-link' },
  { name: 'a truncated compressed link', fragment: packed.slice(0, Math.floor(packed.length / 2)) },
  { name: 'an unknown version', fragment: 'v9.xyz' },
];

for (const { name, fragment } of MALFORMED) {
  test(`${name} shows the message, opens the default scenario and leaves the autosave untouched`, async ({ app, page }) => {
    expect(fragment.length).toBeGreaterThan(5);
    // Some autosaved work from an earlier visit.
    await app.open('nat-lab');
    const editor = new Editor(page);
    await editor.open();
    await editor.pickHost(0);
  await editor.pickHost(0);
    await editor.field('hosts[0].name.en').fill('Saved work');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('lvs-flow.working') ?? '')).toContain('Saved work');
    const saved = await page.evaluate(() => localStorage.getItem('lvs-flow.working'));

    await page.goto('about:blank');
    await page.goto(`./#${fragment}`);
    await page.getByTestId('topology').waitFor();
    const banner = page.getByTestId('link-error');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(/link|version/i);
    await expect(page.getByTestId('scenario-picker')).toHaveValue('nat-course');
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => localStorage.getItem('lvs-flow.working'))).toBe(saved);
    await page.getByTestId('link-error-dismiss').click();
    await expect(banner).toHaveCount(0);
  });
}

test('in Chinese a link that cannot open reads in Chinese, with the English `link decode` prints under it', async ({ app, page }) => {
  await app.open('nat-lab', { lang: 'zh-CN' });
  const cases: Array<[fragment: string, zh: string, en: string]> = [
    ['v9.xyz', '未知的链接版本 v9（本应用能打开 v1）', 'unknown link version v9 (this app opens v1)'],
    ['v1.p.nat-lab.x.en', '链接格式错误：步骤 "x" 不是 0-100000000 的整数', 'link is malformed: step "x" is not a whole number 0-100000000'],
  ];
  for (const [fragment, zh, en] of cases) {
    await page.goto('about:blank');
    await page.goto(`./#${fragment}`);
    await page.getByTestId('topology').waitFor();
    const banner = page.getByTestId('link-error');
    await expect(banner).toContainText(zh);
    await expect(banner.locator('[lang="en"]')).toHaveText(en);
  }
});

test('the QR dialog draws the link and closes with Escape', async ({ app, page }) => {
  await app.open('nat-lab');
  await new ShareMenu(page).choose('qr-open');
  const canvas = page.getByTestId('qr-canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(200);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
});

test('an embed link shows the view and playback without the header', async ({ app, page }) => {
  await app.open('nat-lab');
  await new ShareMenu(page).choose('embed-open');
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
  expect(src).toMatch(/\?embed=1#v1\./);
  await page.goto(src);
  await page.getByTestId('topology').waitFor();
  await expect(page.getByTestId('scenario-picker')).toHaveCount(0);
  await expect(page.getByTestId('action-playPause')).toBeVisible();
});
