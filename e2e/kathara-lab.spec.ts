/**
 * Kathará labs in the app: the course's DR lab (as captured on a real kernel, typed with the
 * course's ifconfig/route/echo commands) opens from a .zip, shows the VIP on lo:0 and plays;
 * the working scenario downloads as a lab .zip whose files Kathará reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Editor } from './fixtures/editor';
import { Toolbar } from './fixtures/toolbar';
import { expect, test } from './fixtures/test';

const DR_LAB = join(import.meta.dirname, '..', 'src', 'shell', 'fixtures', 'oracle', 'labs', 'dr-course');

function drLabZip(): Buffer {
  const tree: Record<string, Uint8Array> = {};
  for (const f of readdirSync(DR_LAB)) tree[`dr-course/${f}`] = strToU8(readFileSync(join(DR_LAB, f), 'utf8'));
  // The client's requests, as a lab's startup file gives them (the captured lab typed them in its session).
  tree['dr-course/C.startup'] = strToU8(`${readFileSync(join(DR_LAB, 'C.startup'), 'utf8')}curl -s http://10.10.10.100/\ncurl -s http://10.10.10.100/\n`);
  return Buffer.from(zipSync(tree));
}

test('the DR lab opens from a .zip: VIP on lo:0 in the topology, and it plays', async ({ app, page }) => {
  await app.open('routed-basic');
  const editor = new Editor(page);
  await editor.open();
  await page.getByTestId('lab-open-file').setInputFiles({ name: 'dr-course.zip', mimeType: 'application/zip', buffer: drLabZip() });
  const rs1 = page.locator('[data-testid="topology"] [aria-label*="RS1"]');
  await expect(rs1).toContainText('lo:0');
  await expect(rs1).toContainText('10.10.10.100');
  await expect(page.getByTestId('lab-error')).toHaveCount(0);
  const bar = new Toolbar(page);
  await bar.button('last').click();
  expect(await bar.step()).toBeGreaterThan(10);
});

test('a lab whose startup file has a line the shell cannot run is refused with file and line', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  const bad = zipSync({ 'lab/lab.conf': strToU8('A[0]="lan"\n'), 'lab/A.startup': strToU8('ip addr add 10.0.0.1/24 dev eth0\nfrobnicate --now\n') });
  await page.getByTestId('lab-open-file').setInputFiles({ name: 'lab.zip', mimeType: 'application/zip', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('lab-error')).toContainText('A.startup:2: frobnicate --now: bash: frobnicate: command not found');
  await expect(page.getByTestId('topology')).toContainText('RS1');
});

test('the working scenario downloads as a Kathará lab .zip', async ({ app, page }) => {
  await app.open('dr-lab');
  const editor = new Editor(page);
  await editor.open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lab-export').click()]);
  expect(download.suggestedFilename()).toBe('dr-lab-kathara.zip');
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['dr-lab/C.startup', 'dr-lab/D.startup', 'dr-lab/README.md', 'dr-lab/RS1.startup', 'dr-lab/RS2.startup', 'dr-lab/lab.conf']);
  expect(strFromU8(files['dr-lab/lab.conf']!)).toMatch(/^RS1\[0\]="lan\/02:00:00:00:03:01"$/m);
  expect(strFromU8(files['dr-lab/RS1.startup']!)).toContain('ip addr add 10.10.10.100/32 dev lo label lo:0\n');
  expect(strFromU8(files['dr-lab/D.startup']!)).toContain('ipvsadm -a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n');
});
