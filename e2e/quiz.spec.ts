/**
 * Predict the next hop: a DR quiz answered right and wrong, the score, the explanation of the
 * classic mistake (DR's reply from the RIP), the teacher's quiz link on a fresh page, the link
 * banner for a quiz the scenario cannot ask, and axe in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { getPreset, type Scenario } from '../src/engine';
import { encodeLink, linkStateFor } from '../src/share';
import { QuizPanel } from './fixtures/quiz';
import { expect, test } from './fixtures/test';

const serious = async (page: Page) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
};

test('a DR quiz: right and wrong answers, the score, and why the reply does not come from the RIP', async ({ app, page }) => {
  const quiz = new QuizPanel(page);
  await app.open('dr-course');
  await quiz.open();
  await expect(quiz.question()).toContainText('Question 1 of 6');

  await quiz.answer({ s: '192.168.1.200', d: '192.168.1.100:80', to: 'D' });
  await expect(page.getByTestId('quiz-result')).toContainText('Right');
  await expect(quiz.score()).toHaveText('Score: 1 of 1 answered right (6 asked)');
  // The revealed step is the hop itself: the client's SYN to the VIP.
  expect(await app.label()).toContain('192.168.1.100:80');
  await quiz.next();

  // The next packet stays hidden: stepping on is held before it.
  const before = await page.getByTestId('narration-step').textContent();
  await app.toolbar.forward(3);
  await expect(page.getByTestId('narration-step')).toHaveText(before ?? '');

  await quiz.answer({ s: '192.168.1.200', d: '192.168.1.100:80', to: 'RS1' });
  await expect(page.getByTestId('quiz-result')).toContainText('Not quite');
  await expect(page.getByTestId('quiz-row-to')).toContainText('RS3');
  await expect(quiz.score()).toHaveText('Score: 1 of 2 answered right (6 asked)');
  await quiz.next();

  await quiz.answer({ s: '192.168.1.14:80', d: '192.168.1.200', to: 'C' });
  await expect(quiz.misconceptions()).toHaveAttribute('data-code', 'reply-from-rip');
  await expect(quiz.misconceptions()).toContainText('replies from the VIP 192.168.1.100, which it holds on lo:0');
  await expect(page.getByTestId('quiz-rule')).toContainText('accepts the connection');
  await expect(quiz.score()).toHaveText('Score: 1 of 3 answered right (6 asked)');
});

test('a teacher\'s quiz link opens the same asked hops on a fresh page, and the answers stay on that machine', async ({ app, page, browser }) => {
  const quiz = new QuizPanel(page);
  await app.open('tun-course');
  await quiz.open();
  await quiz.teacher();
  expect(await quiz.asked()).toEqual([0, 1, 2, 3, 4, 5]);
  await page.getByTestId('quiz-hop-0').uncheck();
  await page.getByTestId('quiz-hop-3').uncheck();
  expect(await quiz.asked()).toEqual([1, 2, 4, 5]);
  const link = await page.getByTestId('quiz-link').inputValue();

  const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await fresh.goto(link);
  const other = new QuizPanel(fresh);
  await other.question().waitFor();
  await expect(other.question()).toContainText('Question 1 of 4');
  await other.teacher();
  expect(await other.asked()).toEqual([1, 2, 4, 5]);
  // The first asked hop is the director's IP-in-IP packet: outer and inner headers are asked.
  await other.answer({ s: '44.55.66.77', d: '33.44.55.66', innerS: '44.55.66.77', innerD: '11.22.33.44:80', to: 'RS2' });
  await expect(other.misconceptions()).toHaveAttribute('data-code', 'tun-outer-source-client');
  await expect(other.score()).toHaveText('Score: 0 of 1 answered right (4 asked)');

  await fresh.reload();
  await expect(new QuizPanel(fresh).score()).toHaveText('Score: 0 of 1 answered right (4 asked)');
  await fresh.context().close();
});

test('a quiz link the scenario cannot ask opens with the link banner, saying why', async ({ page }) => {
  const dr = getPreset('dr-course') as Scenario;
  await page.goto(`./#${encodeLink(linkStateFor(dr, { quiz: [2, 99] }))}`);
  await expect(page.getByTestId('link-error')).toContainText('link.quiz[1]: the quiz asks hop 99, but this scenario has only 6 hops (0-5)');
  await expect(page.getByTestId('quiz-question')).toContainText('Question 1 of 6');
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no serious or critical axe violations in the quiz (${lang})`, async ({ app, page }) => {
    test.setTimeout(120_000);
    const quiz = new QuizPanel(page);
    await app.open('dr-course', { lang });
    await quiz.open();
    expect(await serious(page)).toEqual([]);
    await quiz.answer({ s: '192.168.1.200', d: '192.168.1.100:80', to: 'RS1' });
    await quiz.teacher();
    await page.waitForTimeout(300);
    expect(await serious(page)).toEqual([]);
  });
}
