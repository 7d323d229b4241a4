/** Stepping shows the slides' hops in order, and stepping back restores exactly what was shown. */
import { expect, test } from './fixtures/test';

// COURSE.md's NAT table; rr picks the last real server added first, so RS3 (192.168.1.13).
const NAT_SLIDE = [
  'S: 10.11.12.13  D: 11.12.13.14:80',
  'S: 10.11.12.13  D: 192.168.1.13:80',
  'S: 192.168.1.13  D: 10.11.12.13',
  'S: 11.12.13.14  D: 10.11.12.13',
];

test('nat-course shows the slide\'s four S/D labels in order', async ({ app }) => {
  await app.open('nat-course');
  const seen: string[] = [];
  for (let i = 0; i < 12 && seen.length < NAT_SLIDE.length; i++) {
    const label = await app.label();
    if (label && label !== seen[seen.length - 1]) seen.push(label);
    await app.toolbar.forward();
  }
  expect(seen).toEqual(NAT_SLIDE);
});

test('the director\'s DNAT is highlighted on the label and in the inspector', async ({ app, page }) => {
  await app.open('nat-course');
  await app.toolbar.forward(2);
  expect(await app.label()).toBe(NAT_SLIDE[1]);
  await expect(page.getByTestId('rewrite-tag')).toHaveText('DNAT');
  await expect(app.inspector.changedFields()).toContainText(['192.168.1.13']);
  await expect(page.getByTestId('narration-cause')).toContainText('DNAT');
});

test('stepping back restores the exact earlier state: label, narration, tables', async ({ app, page }) => {
  await app.open('nat-course');
  await app.tab('host');
  await app.toolbar.forward(3);
  const snapshot = async () => ({
    step: await app.toolbar.step(),
    label: await app.label(),
    narration: await app.narration().textContent(),
    host: await page.getByTestId('host-inspector').textContent(),
  });
  const before = await snapshot();
  await app.toolbar.forward(4);
  expect((await snapshot()).host).not.toBe(before.host);
  await app.toolbar.back(4);
  expect(await snapshot()).toEqual(before);
});

test('dr-lab shows the destination MAC change at the director, the IP header unchanged', async ({ app, page }) => {
  await app.open('dr-lab');
  expect(await app.label()).toBe('S: 10.10.10.240  D: 10.10.10.100:80  DMAC: D');
  await app.toolbar.forward();
  expect(await app.label()).toBe('S: 10.10.10.240  D: 10.10.10.100:80  DMAC: RS2');
  await expect(page.getByTestId('rewrite-tag')).toHaveText('MAC only');
  await expect(app.inspector.layer('eth').getByTestId('changed-field')).toContainText('(RS2)');
  await expect(app.inspector.layer('ip').getByTestId('changed-field')).toHaveCount(0);
});

test('tun-course shows the outer and the inner header', async ({ app, page }) => {
  await app.open('tun-course');
  await app.toolbar.forward(2);
  expect(await app.label()).toBe('S: 11.22.33.44  D: 33.44.55.66 [ S: 44.55.66.77  D: 11.22.33.44:80 ]');
  await expect(page.getByTestId('rewrite-tag')).toHaveText('IP-in-IP');
  await expect(app.inspector.layer('ip')).toContainText('33.44.55.66');
  await expect(app.inspector.layer('inner')).toContainText('44.55.66.77');
});

test('the event list jumps to the clicked event, switching to full view for a hidden one', async ({ app, page }) => {
  await app.open('nat-course');
  await app.tab('events');
  const arp = app.timeline.row(2);
  await expect(arp).toContainText('ARP');
  await arp.click();
  await expect.poll(() => app.timeline.currentEvent()).toBe(2);
  await expect(page.getByTestId('depth-full')).toHaveAttribute('aria-checked', 'true');
  await expect(arp).toHaveAttribute('aria-current', 'step');
  await app.timeline.filter('arp').uncheck();
  await expect(app.timeline.rows().filter({ hasText: 'who-has' })).toHaveCount(0);
});

test('the sequence view draws one arrow per frame and jumps to a clicked one', async ({ app, page }) => {
  await app.open('nat-course');
  await app.tab('sequence');
  const rows = page.getByTestId('sequence-row');
  await expect(rows).toHaveCount(await app.toolbar.total());
  await rows.nth(3).click();
  expect(await app.toolbar.step()).toBe(4);
  await expect(rows.nth(3)).toHaveClass(/is-current/);
  await page.getByRole('radio', { name: 'MAC addresses' }).click();
  await expect(rows.nth(2)).toContainText('D → RS3');
});
