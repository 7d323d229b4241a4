/**
 * A segment's id in the editor: renaming it re-simulates under the new id (the topology's
 * highlighted segment is the trace's `segment`), undoes in one step, survives a reload, and a
 * duplicate or malformed id stays typed at its field with the message beside it.
 */
import type { Page } from '@playwright/test';
import { Editor } from './fixtures/editor';
import { expect, test } from './fixtures/test';

/** The topology highlights the segment the current frame crosses, by its id. */
const segment = (page: Page, id: string) => page.getByTestId(`segment-${id}`);

test('renaming a segment renames it in the trace, the topology and the autosave; undo brings the old id back', async ({ app, page }) => {
  await app.open('nat-lab');
  await app.toolbar.goTo(1);
  await expect(segment(page, 'lan-public')).toHaveClass(/is-active/);
  const editor = new Editor(page);
  await editor.open();
  await editor.view('segments');

  // Typed key by key: the block must keep the focus while its id changes under it.
  const id = editor.field('segments[0].id');
  await id.fill('');
  await expect(editor.message('segments[0].id')).toContainText('a letter');
  await id.pressSequentially('wan');
  await expect(id).toHaveValue('wan');
  await expect(id).toBeFocused();
  await expect(editor.segment('wan')).toBeVisible();
  await expect(editor.status()).toHaveClass(/ed-ok/);

  await expect(segment(page, 'wan')).toHaveClass(/is-active/);
  await expect(segment(page, 'lan-public')).toHaveCount(0);
  expect(await app.toolbar.step()).toBe(1);
  // The attached interfaces came along.
  await expect(editor.segment('wan').locator('caption')).toContainText('(2)');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lvs-flow.working') ?? '')).toContain('"id":"wan"');

  // Typing the id was one edit: one undo restores it everywhere.
  await editor.button('undo').click();
  await expect(editor.field('segments[0].id')).toHaveValue('lan-public');
  await expect(segment(page, 'lan-public')).toHaveClass(/is-active/);
  await expect(segment(page, 'wan')).toHaveCount(0);
  await editor.button('redo').click();
  await expect(segment(page, 'wan')).toHaveClass(/is-active/);

  await expect.poll(() => page.evaluate(() => localStorage.getItem('lvs-flow.working') ?? '')).toContain('"id":"wan"');
  await page.reload();
  await page.getByTestId('topology').waitFor();
  await expect(segment(page, 'wan')).toBeVisible();
  await expect(segment(page, 'lan-public')).toHaveCount(0);
});

test('a duplicate id stays typed with the validator message at its field, and the last valid scenario keeps simulating', async ({ app, page }) => {
  await app.open('nat-lab');
  const editor = new Editor(page);
  await editor.open();
  await editor.view('segments');

  const id = editor.field('segments[1].id');
  await id.fill('lan-public');
  await expect(id).toHaveValue('lan-public');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.message('segments[1].id')).toContainText('"lan-public" is already the id of another segment');
  await expect(editor.status()).not.toHaveClass(/ed-ok/);
  await expect(segment(page, 'lan-private')).toBeVisible();
  await expect(page.getByTestId('sim-error')).toHaveCount(0);

  // A space is no id: the parser says so and the scenario is not touched.
  await id.fill('back lan');
  await expect(editor.message('segments[1].id')).toContainText('a letter, then up to 31 letters');

  await id.fill('lan-back');
  await expect(id).toHaveAttribute('aria-invalid', 'false');
  await expect(editor.message('segments[1].id')).toHaveCount(0);
  await expect(editor.status()).toHaveClass(/ed-ok/);
  await expect(segment(page, 'lan-back')).toBeVisible();
  await expect(segment(page, 'lan-private')).toHaveCount(0);
});
