/**
 * The Export menu end to end: each file is downloaded and read back as its reader would — the
 * capture by tshark, the SVG by an XML parser, the PNG's header, the CSV and Markdown against
 * the CLI's bytes — and the handout in print media.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPreset, pcapOf, simulate } from '../src/engine';
import { ExportMenu } from './fixtures/export';
import { expect, test } from './fixtures/test';

const TSHARK = '/usr/bin/tshark';

/** What `npm run -s cli -- trace <id> --format <f>` prints. */
function cliTrace(id: string, format: 'csv' | 'md'): string {
  return execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'trace', id, '--format', format], { encoding: 'utf8' });
}

const framesOf = (id: string) => simulate(getPreset(id)!).trace.events.filter((e) => e.kind === 'frame').length;

test('the trace as pcapng is the CLI\'s capture, and tshark decodes every frame with nothing malformed', async ({ app, page }) => {
  await app.open('tun-course');
  const { name, bytes } = await new ExportMenu(page).download('pcap');
  expect(name).toBe('tun-course.pcapng');
  expect(Buffer.compare(bytes, Buffer.from(pcapOf(getPreset('tun-course')!)))).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'lvs-flow-export-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const out = execFileSync(TSHARK, ['-r', file, '-V', '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(out.split('\n').filter((l) => /Malformed|\[Bad checksum|incorrect|Expert Info \(Error/.test(l))).toEqual([]);
    expect(out.split('\n').filter((l) => /^Frame \d+:/.test(l))).toHaveLength(framesOf('tun-course'));
    expect(out).toContain('Internet Protocol Version 4, Src: 44.55.66.77, Dst: 11.22.33.44');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the topology as SVG is a 1920×1080 document holding every host label as shown, in Chinese too', async ({ app, page }) => {
  await app.open('nat-course', { lang: 'zh-CN' });
  await app.toolbar.forward(2);
  const shown = await page.locator('[data-testid="topology"] .host-name').allTextContents();
  expect(shown.length).toBe(getPreset('nat-course')!.hosts.length);
  const { name, bytes } = await new ExportMenu(page).download('svg');
  expect(name).toBe('nat-course-step3.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName, ns: root.namespaceURI, width: root.getAttribute('width'), height: root.getAttribute('height'),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      label: doc.querySelector('[data-testid="packet-label"]')?.getAttribute('data-label') ?? null,
      // Self-contained: no class needs a stylesheet to be seen, no external reference.
      styled: [...doc.querySelectorAll('text')].every((t) => /fill:/.test(t.getAttribute('style') ?? '') && /font-size:/.test(t.getAttribute('style') ?? '')),
      hrefs: [...doc.querySelectorAll('[href], [*|href]')].length,
    };
  }, bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', width: '1920', height: '1080', styled: true, hrefs: 0 });
  for (const label of shown) expect(parsed.texts).toContain(label);
  expect(shown.join(' ')).toMatch(/[\u4e00-\u9fff]/);
  expect(parsed.label).toBe(await app.label());
});

test('the topology as PNG is 1920×1080 pixels', async ({ app, page }) => {
  await app.open('dr-lab');
  await app.toolbar.forward(1);
  const { name, bytes } = await new ExportMenu(page).download('png');
  expect(name).toBe('dr-lab-step2.png');
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
  // Drawn, not blank: the colours and labels of a topology do not compress to a few kB.
  expect(bytes.length).toBeGreaterThan(30_000);
});

test('the trace as CSV has a row per hop and is the CLI\'s bytes; the Markdown table too', async ({ app, page }) => {
  await app.open('nat-lab');
  const menu = new ExportMenu(page);
  const csv = await menu.download('csv');
  expect(csv.name).toBe('nat-lab.csv');
  const text = csv.bytes.toString('utf8');
  expect(text.trimEnd().split('\n')).toHaveLength(framesOf('nat-lab') + 1);
  expect(text).toBe(cliTrace('nat-lab', 'csv'));
  const md = await menu.download('md');
  expect(md.name).toBe('nat-lab.md');
  expect(md.bytes.toString('utf8')).toBe(cliTrace('nat-lab', 'md'));
});

test('the handout prints alone: the topology on top, then one row per course hop, in the chosen language', async ({ app, page }) => {
  await app.open('nat-course', { lang: 'zh-CN' });
  const total = await app.toolbar.total();
  await new ExportMenu(page).openHandout();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('handout-print')).toBeHidden();
  await expect(page.locator('.app-header .brand')).toBeHidden();
  await expect(page.getByTestId('topology')).toBeHidden();
  await expect(page.getByTestId('handout-row')).toHaveCount(total);
  await expect(page.getByTestId('handout-table')).toContainText('原为 11.12.13.14:80');
  const figure = await page.getByTestId('handout-topology').boundingBox();
  const table = await page.getByTestId('handout-table').boundingBox();
  expect(figure && table && figure.y + figure.height <= table.y).toBe(true);
  const shot = await page.screenshot({ fullPage: true });
  expect(shot.length).toBeGreaterThan(20_000);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('handout-close').click();
  await expect(page.getByTestId('handout')).toHaveCount(0);
});
