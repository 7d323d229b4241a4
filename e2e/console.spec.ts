/**
 * The console: terminals on the DR lab's machines. Lines typed change the topology, ↑ and Tab
 * work as in bash, curl's traffic plays on the timeline before its page is printed, Ctrl+Z
 * outside the terminal takes a line back, and a share link brings the lines back.
 */
import AxeBuilder from '@axe-core/playwright';
import { getBuildLab } from '../src/labs';
import { solution } from '../src/labs/solution';
import { encodeLink, linkStateFor } from '../src/share';
import { ConsolePage } from './fixtures/console';
import { expect, test } from './fixtures/test';

const LAB = getBuildLab('build-dr')!;
const VIP = '10.10.10.100';

test.beforeEach(async ({ app, page }) => {
  await app.open('routed-basic');
  await page.getByTestId('scenario-picker').selectOption('build-dr');
  await expect(page.getByTestId('host-RS1')).toBeVisible();
});

test('lines typed into D, RS1 and RS2 change the topology; Ctrl+Z outside the terminal takes the last back', async ({ page }) => {
  const consoles = new ConsolePage(page);
  await consoles.open('RS1');
  await consoles.run('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
  await consoles.run('RS1', `ifconfig lo:0 ${VIP} netmask 255.255.255.255 broadcast ${VIP} up`);
  await expect(page.getByTestId('host-RS1')).toContainText(`lo:0 ${VIP}`);
  await consoles.open('RS2');
  await consoles.run('RS2', `ifconfig lo:0 ${VIP} netmask 255.255.255.255 up`);
  await expect(page.getByTestId('host-RS2')).toContainText(`lo:0 ${VIP}`);
  await consoles.open('D');
  await consoles.run('D', `ifconfig eth0:0 ${VIP} netmask 255.255.255.255 up`);
  await expect(page.getByTestId('host-D')).toContainText(`eth0:0 ${VIP}`);
  await expect(page.getByTestId('console-tab-RS1')).toBeVisible();
  await expect(page.getByTestId('console-tab-RS2')).toBeVisible();
  await page.getByTestId('step-input').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('host-D')).not.toContainText('eth0:0');
  await expect(page.getByTestId('host-RS2')).toContainText(`lo:0 ${VIP}`);
});

test('↑ recalls the last line typed on the host, and Tab completes as bash does', async ({ page }) => {
  const consoles = new ConsolePage(page);
  await consoles.open('RS1');
  await consoles.run('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await consoles.rows('RS1')).at(-1)).toBe('root@RS1:~# ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
  await page.keyboard.press('Control+c');
  await page.keyboard.type('ipvsadm --sta');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await consoles.rows('RS1')).at(-1)).toBe('root@RS1:~# ipvsadm --stats');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('ifconfig ');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await consoles.rows('RS1')).at(-2)).toBe('eth0  lo');
});

test('curl on C plays its traffic on the timeline, then prints the page; a reload of the share link restores the lines', async ({ app, page, browser }) => {
  const link = encodeLink(linkStateFor(LAB.start, { lines: solution(LAB) }));
  await page.goto(`./?lang=en#${link}`);
  await expect(page.getByTestId('host-RS1')).toContainText(`lo:0 ${VIP}`);
  for (let i = 0; i < 3; i++) await page.getByTestId('action-faster').click();
  await expect(page.getByTestId('speed')).toHaveText('8×');
  const consoles = new ConsolePage(page);
  await consoles.open('C');
  await page.keyboard.type(`curl http://${VIP}/`);
  await page.keyboard.press('Enter');
  // While the traffic plays the terminal waits: the timeline moves and the page is not printed yet.
  await expect(page.getByTestId('action-playPause')).toHaveAttribute('aria-label', 'Pause');
  expect((await consoles.rows('C')).join('\n')).not.toContain('<h1>');
  await expect.poll(async () => (await consoles.rows('C')).join('\n'), { timeout: 20_000 }).toMatch(/<h1>RS[12] 10\.10\.10\.100<\/h1>\nroot@C:~#$/);
  const total = await app.toolbar.total();
  expect(await app.toolbar.step()).toBe(total);

  await page.getByTestId('share-menu').click();
  await page.getByTestId('copy-link').click();
  await expect(page).toHaveURL(/#v1\./);
  const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('host-RS1')).toContainText(`lo:0 ${VIP}`);
  await expect(fresh.getByTestId('step-total')).toHaveText(`of ${total}`);
  await fresh.context().close();
});

test('a loop that never ends stops at its round limit with a message, Ctrl+C skips its traffic, and the page stays usable', async ({ page }) => {
  const link = encodeLink(linkStateFor(LAB.start, { lines: solution(LAB) }));
  await page.goto(`./?lang=en#${link}`);
  await expect(page.getByTestId('host-RS1')).toContainText(`lo:0 ${VIP}`);
  const consoles = new ConsolePage(page);
  await consoles.open('C');
  await page.keyboard.type(`while true; do curl -s http://${VIP}/; done | sort | uniq -c`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('action-playPause')).toHaveAttribute('aria-label', 'Pause', { timeout: 60_000 });
  await page.keyboard.press('Control+c');
  // The message is wider than the terminal: read the rows as one text.
  await expect.poll(async () => (await consoles.rows('C')).join(''), { timeout: 30_000 })
    .toMatch(/the loop stopped after \d+ rounds: its traffic reached 10000 simulated events \(a real console runs it until Ctrl\+C\) +\d+ <h1>RS1 10\.10\.10\.100<\/h1> +\d+ <h1>RS2 10\.10\.10\.100<\/h1>root@C:~#$/);
  await consoles.run('C', 'echo still here');
  expect((await consoles.rows('C')).at(-2)).toBe('still here');
});

test('no serious or critical axe violations with two terminals open', async ({ page }) => {
  const consoles = new ConsolePage(page);
  await consoles.open('D');
  await consoles.open('RS1');
  await consoles.run('RS1', 'ip -br addr');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});
