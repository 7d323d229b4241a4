/**
 * The classroom's screenshots (issue 14), as actions run after a shot's page is open at its step:
 * presenter mode (English, then with the bilingual caption), a quiz question asked and one
 * answered wrong with its misconception, and the embed snippet in a course page on another origin.
 * They drive the app through the e2e page objects, so a shot and a test cannot drift apart.
 */
import type { Page } from '@playwright/test';
import { servePage } from '../e2e/fixtures/course-page';
import { QuizPanel } from '../e2e/fixtures/quiz';
import { ShareMenu } from '../e2e/fixtures/share';

/** What a shot shows when not the page itself: another page, closed once shot. */
export interface Elsewhere {
  page: Page;
  close: () => Promise<void>;
}

export async function presenterMode(page: Page, bilingual: boolean): Promise<void> {
  await page.keyboard.press('p');
  await page.getByTestId('presenter').waitFor();
  if (bilingual) await page.keyboard.press('l');
  await page.mouse.move(0, 719);
}

/** Leave presenter mode, so the next shot opens the simulator. */
export async function leavePresenterMode(page: Page): Promise<void> {
  if (await page.getByTestId('presenter').count()) await page.keyboard.press('Escape');
}

/** The DR quiz's first question, asked, with the learner's choice made but not yet checked. */
export async function quizAsked(page: Page): Promise<void> {
  const quiz = new QuizPanel(page);
  await quiz.open();
  await page.getByTestId('quiz-field-to').selectOption('D');
}

/** The DR quiz up to the reply, answered as if the real server replied from its RIP. */
export async function quizWrong(page: Page): Promise<void> {
  const quiz = new QuizPanel(page);
  await quiz.open();
  await quiz.answer({ s: '192.168.1.200', d: '192.168.1.100:80', to: 'D' });
  await quiz.next();
  await quiz.answer({ s: '192.168.1.200', d: '192.168.1.100:80', to: 'RS3' });
  await quiz.next();
  await quiz.answer({ s: '192.168.1.14:80', d: '192.168.1.200', to: 'C' });
  // The answer against the truth, then the misconception's explanation, at the top of the panel.
  await page.getByTestId('quiz-result').evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

/** The Share menu's embed snippet pasted into a course page on another origin. */
export async function embedded(page: Page): Promise<Elsewhere> {
  await new ShareMenu(page).choose('embed-open');
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  await page.keyboard.press('Escape');
  const course = await servePage(snippet);
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to open the course page in');
  const host = await browser.newPage({ viewport: page.viewportSize() ?? { width: 1280, height: 720 } });
  await host.goto(course.url);
  await host.frameLocator('iframe').first().getByTestId('topology').waitFor();
  return { page: host, close: async () => { await host.close(); await course.close(); } };
}
