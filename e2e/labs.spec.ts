/**
 * The build labs as a learner does them: the course's commands typed into the consoles of the
 * bare machines, then Check, which sends requests and says what the traffic showed. A lab
 * handed out half-built as a link opens at the same commands.
 */
import { getBuildLab, type BuildLab, type TypedLine } from '../src/labs';
import { solution } from '../src/labs/solution';
import { encodeLink, linkStateFor } from '../src/share';
import { ConsolePage } from './fixtures/console';
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';

const DR = getBuildLab('build-dr')!;
const NAT = getBuildLab('build-nat')!;

async function openLab(page: Page, lab: BuildLab, lines: readonly TypedLine[] = []) {
  await page.goto(`./?lang=en#${encodeLink(linkStateFor(lab.start, lines.length ? { lines } : {}))}`);
  await expect(page.getByTestId('lab-guide')).toBeVisible();
  await expect(page.getByTestId('lab-typed-count')).toHaveText(`${lines.length} commands typed`);
}

async function check(page: Page) {
  await page.getByTestId('lab-check').click();
  const verdict = page.getByTestId('lab-verdict');
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  return verdict;
}

test('the course\'s DR lab typed into the consoles of C, D, RS1 and RS2 passes the check', async ({ app, page }) => {
  await app.open('routed-basic');
  await page.getByTestId('scenario-picker').selectOption('build-dr');
  await expect(page.getByTestId('tab-lab')).toHaveAttribute('aria-selected', 'true');
  const consoles = new ConsolePage(page);
  const lines = solution(DR);
  for (const l of lines) {
    await consoles.open(l.host);
    await consoles.run(l.host, l.line);
  }
  await expect(page.getByTestId('lab-typed-count')).toHaveText(`${lines.length} commands typed`);
  await expect(page.getByTestId('host-RS2')).toContainText('lo:0 10.10.10.100');
  const verdict = await check(page);
  await expect(verdict).toHaveClass(/is-pass/);
  await expect(verdict).toContainText('Passed: 6 requests, every one through the director (rr)');
  await expect(verdict).toContainText('RS1 ×3, RS2 ×3');
});

test('the DR lab without its four arp lines reports the ARP problem and its step', async ({ page }) => {
  const arp = DR.steps.findIndex((s) => s.id === 'arp') + 1;
  await openLab(page, DR, solution(DR, ['arp']));
  const verdict = await check(page);
  await expect(verdict).toHaveClass(/is-fail/);
  await expect(verdict).toContainText('set arp_ignore and arp_announce on the real servers');
  await expect(verdict).toContainText(`(step ${arp})`);
});

test('the NAT lab passes with the real servers\' default route through the director, and says why without it', async ({ page }) => {
  await openLab(page, NAT, solution(NAT));
  await expect(await check(page)).toHaveClass(/is-pass/);

  const gateway = NAT.steps.findIndex((s) => s.id === 'gateway') + 1;
  await openLab(page, NAT, solution(NAT, ['gateway']));
  const verdict = await check(page);
  await expect(verdict).toHaveClass(/is-fail/);
  await expect(verdict).toContainText('gateway');
  await expect(verdict).toContainText(`(step ${gateway})`);
});

test('a half-built lab\'s link opens at the same commands on a fresh page, and Reset goes back to bare machines', async ({ app, page }) => {
  const half = DR.steps.slice(0, 2).flatMap((s) => s.commands);
  await openLab(page, DR, half);
  await expect(page.getByTestId('host-D')).toContainText('eth0:0 10.10.10.100');
  await expect(page.getByTestId('host-RS1')).toContainText('eth0 10.10.10.12');
  await expect(page.getByTestId('host-RS1')).not.toContainText('lo:0');
  await page.getByTestId('lab-reset').click();
  await expect(page.getByTestId('lab-typed-count')).toHaveText('0 commands typed');
  await expect(page.getByTestId('host-D')).not.toContainText('10.10.10.11');
  await expect(page.getByTestId('scenario-picker')).toHaveValue('build-dr');
  void app;
});

test('tcpdump on RS1\'s eth0 prints the DR request\'s lines while C\'s curl plays', async ({ page }) => {
  await openLab(page, DR, solution(DR));
  const consoles = new ConsolePage(page);
  await consoles.open('RS1');
  await consoles.run('RS1', 'tcpdump -n -i eth0 -c 3 port 80');
  // Rows are the terminal's width: a long line wraps, so read the screen as one string.
  const rs1 = async () => (await consoles.rows('RS1')).join('');
  await expect.poll(rs1).toContain('listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
  await consoles.open('C');
  // rr from a fresh director: the first request goes to the last real server added (RS2), the second to RS1.
  await consoles.run('C', 'curl -s http://10.10.10.100/');
  await consoles.run('C', 'curl -s http://10.10.10.100/');
  // The VIP's request arrives with its IP header untouched; RS1 answers from the VIP straight to C.
  await expect.poll(rs1).toMatch(/\d\d:\d\d:\d\d\.\d{6} IP 10\.10\.10\.240\.\d+ > 10\.10\.10\.100\.80: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0/);
  await expect.poll(rs1).toMatch(/IP 10\.10\.10\.100\.80 > 10\.10\.10\.240\.\d+: Flags \[S\.\], seq \d+, ack \d+, win 65160/);
  await expect.poll(rs1).toMatch(/IP 10\.10\.10\.240\.\d+ > 10\.10\.10\.100\.80: Flags \[\.\], ack 1, win \d+/);
  await expect.poll(rs1).toContain('3 packets captured');
});
