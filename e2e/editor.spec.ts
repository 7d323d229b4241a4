/**
 * The scenario editor: edits re-simulate, undo/redo by key and button, the working copy
 * survives a reload, export/import round-trips, bad input stays at its field, and names from a
 * file are text, never markup.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { getPreset } from '../src/engine';
import { Editor } from './fixtures/editor';
import { expect, test } from './fixtures/test';

const NAME = 'hosts[0].name.en';

test('undo and redo by keyboard and by button', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  const original = await editor.field(NAME).inputValue();
  await editor.field(NAME).fill('Edited');
  await expect(page.getByTestId('topology')).toContainText('Edited');
  await page.keyboard.press('Control+z');
  await expect(editor.field(NAME)).toHaveValue(original);
  await expect(page.getByTestId('topology')).not.toContainText('Edited');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.field(NAME)).toHaveValue('Edited');
  await editor.button('undo').click();
  await expect(editor.field(NAME)).toHaveValue(original);
  await editor.button('redo').click();
  await expect(page.getByTestId('topology')).toContainText('Edited');
});

test('an edit keeps the playback step, and a reload keeps the working copy', async ({ app, page }) => {
  await app.open('nat-lab');
  await app.toolbar.goTo(4);
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  await editor.field(NAME).fill('Kept');
  expect(await app.toolbar.step()).toBe(4);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lvs-flow.working') ?? '')).toContain('Kept');
  await page.reload();
  await page.getByTestId('topology').waitFor();
  await expect(page.getByTestId('topology')).toContainText('Kept');
});

test('a bad address is refused at its field while the last valid scenario keeps simulating', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  const cidr = editor.field('hosts[0].interfaces[0].addrs[0].cidr');
  await cidr.fill('20.20.20.300/24');
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('editor').getByRole('status').filter({ hasText: '300' }).first()).toBeVisible();
  await expect(page.getByTestId('topology')).toContainText('20.20.20.22');
  await expect(page.getByTestId('sim-error')).toHaveCount(0);
});

test('in Chinese a bad address and an off-link gateway read in Chinese, with the English original kept', async ({ app, page }) => {
  await app.open('nat-lab', { lang: 'zh-CN' });
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(2);
  const cidr = 'hosts[2].interfaces[0].addrs[0].cidr';
  await editor.field(cidr).fill('10.10.10.300/24');
  await expect(editor.message(cidr)).toHaveText('"10.10.10.300" 不是 IPv4 地址：300 大于 255');
  await expect(editor.message(cidr)).toHaveAttribute('title', '"10.10.10.300" is not an IPv4 address: 300 is larger than 255');
  // The engine's own check, at its field and in the list, where the English the CLI prints stays in view.
  const via = 'hosts[2].routes[0].via';
  await editor.field(via).fill('10.10.20.1');
  await expect(editor.message(via)).toHaveText('网关 10.10.20.1 不在主机 RS1 的任何子网内（Linux：Nexthop has invalid gateway）');
  await expect(editor.status()).toContainText('hosts[2].routes[0].via: 网关 10.10.20.1');
  await expect(editor.status().locator('[lang="en"]')).toHaveText('gateway 10.10.20.1 is not in any subnet of host RS1 (Linux: Nexthop has invalid gateway)');
});

test('export writes the CLI export format and import brings it back', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  const [plain] = await Promise.all([page.waitForEvent('download'), editor.button('export').click()]);
  expect(plain.suggestedFilename()).toBe('nat-lab.json');
  expect(readFileSync(await plain.path(), 'utf8')).toBe(`${JSON.stringify(getPreset('nat-lab'), null, 2)}\n`);

  await editor.field(NAME).fill('Round trip');
  const [edited] = await Promise.all([page.waitForEvent('download'), editor.button('export').click()]);
  const text = readFileSync(await edited.path(), 'utf8');
  await editor.button('reset').click();
  await expect(page.getByTestId('topology')).not.toContainText('Round trip');
  await editor.importFile().setInputFiles({ name: 'nat-lab.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('topology')).toContainText('Round trip');

  await editor.importFile().setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "hosts": 3}') });
  await expect(page.getByTestId('import-error')).toContainText('id: missing');
  await expect(page.getByTestId('topology')).toContainText('Round trip');
});

test('a host named with markup renders as text and runs nothing', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  const s = structuredClone(getPreset('nat-lab'));
  if (!s?.hosts[0]) throw new Error('nat-lab has hosts');
  s.hosts[0].name = { en: evil, zh: evil };
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.pickHost(0);
  await editor.importFile().setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await expect(page.getByTestId('topology')).toContainText(evil);
  await expect(editor.field(NAME)).toHaveValue(evil);
  await page.waitForTimeout(300);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

/** Every event's time, as the event list shows it (the editor closed, so the list is in view). */
async function eventTimes(page: Page): Promise<string> {
  await page.getByTestId('tab-events').click();
  await page.getByTestId('event-row').first().waitFor();
  return (await page.locator('[data-testid="event-row"] td.num').allTextContents()).join(' ');
}

test('a new switch with two interfaces attached re-simulates, and undo restores the old segment', async ({ app, page }) => {
  await app.open('nat-lab');
  const before = await eventTimes(page);
  const editor = new Editor(page);
  await editor.open();
  await editor.view('segments');
  await expect(editor.segments()).toHaveCount(2);
  await page.getByTestId('remove-segment-0').click();
  await expect(page.getByTestId('segment-lan-public')).toHaveCount(0);

  const block = await editor.addSegment('switch');
  await expect(block).toHaveAttribute('data-testid', 'segment-editor-sw1');
  await editor.field('segments[1].latencyMs').fill('5');
  await editor.field('segments[1].name.en').fill('Front LAN');
  await editor.attach(1, 'C', 'eth0');
  await editor.attach(1, 'D', 'eth0');
  await expect(editor.field('segments[1].ports[1].if')).toHaveValue('eth0');
  // An interface sits on one segment: the picker offers D's eth0 no more.
  await block.getByTestId('attach-host').selectOption('D');
  await expect(block.getByTestId('attach-if').locator('option[value="eth0"]')).toBeDisabled();
  await expect(editor.status()).toHaveClass(/ed-ok/);
  await expect(page.getByTestId('segment-sw1')).toBeVisible();
  await expect(page.getByTestId('topology')).toContainText('Front LAN');

  await editor.close();
  const after = await eventTimes(page);
  expect(after).not.toBe(before);

  await editor.open();
  for (let i = 0; i < 6 && (await editor.button('undo').isEnabled()); i++) await editor.button('undo').click();
  await expect(page.getByTestId('segment-lan-public')).toBeVisible();
  await expect(page.getByTestId('segment-sw1')).toHaveCount(0);
  await editor.close();
  expect(await eventTimes(page)).toBe(before);
});

test('a link with three ends shows the validator message at its interfaces; bad latency at its field', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.view('segments');
  await editor.field('segments[1].kind').selectOption('link');
  const msg = editor.message('segments[1].ports');
  await expect(msg).toContainText('a link joins exactly 2 interfaces, found 3');
  await expect(editor.segment('lan-private').getByTestId('attach')).toHaveAttribute('aria-describedby', (await msg.getAttribute('id')) ?? '');
  await expect(page.getByTestId('sim-error')).toHaveCount(0);
  await expect(page.getByTestId('segment-lan-private')).toBeVisible();

  await editor.segment('lan-private').getByRole('button', { name: 'Detach RS2 eth0' }).click();
  await expect(msg).toHaveCount(0);
  await expect(editor.status()).toHaveClass(/ed-ok/);

  const latency = editor.field('segments[1].latencyMs');
  await latency.fill('0');
  await expect(latency).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.message('segments[1].latencyMs')).toContainText('1-60000');
  await latency.fill('3');
  await expect(latency).toHaveAttribute('aria-invalid', 'false');

  // Undo brings RS2 back on the switch, message and all.
  await editor.button('undo').click();
  await editor.button('undo').click();
  await expect(msg).toContainText('found 3');
  await editor.button('undo').click();
  await expect(editor.field('segments[1].kind')).toHaveValue('switch');
  await expect(msg).toHaveCount(0);
});

test('removing a host takes its interfaces off their segments', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  const rs2 = (await page.getByTestId('editor-host').locator('option').allTextContents()).findIndex((o) => o.startsWith('RS2'));
  await editor.pickHost(rs2);
  await page.getByTestId('editor-remove-host').click();
  await editor.view('segments');
  await expect(editor.segment('lan-private').locator('caption')).toContainText('(2)');
  await expect(editor.status()).toHaveClass(/ed-ok/);
});
