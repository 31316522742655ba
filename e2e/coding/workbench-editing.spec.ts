import { expect, type Page, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { selectText } from '../fixtures/select-text';
import { newUser, signIn, signUp } from '../fixtures/users';

const TEXT = [
  'Interviewer: How do buyers come to trust you?',
  'Seller: At first we had no reviews, so we sent samples to bloggers. We answer every complaint within a day.',
].join('\n');

/** Highlighted text per coding id. */
async function highlights(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('source-document').evaluate((root) => {
    const out: Record<string, string> = {};
    for (const span of root.querySelectorAll<HTMLElement>('.gw-coding[data-coding-ids]')) {
      for (const id of (span.dataset.codingIds ?? '').split(/\s+/).filter(Boolean)) out[id] = (out[id] ?? '') + (span.textContent ?? '');
    }
    return out;
  });
}
const coded = async (page: Page) => Object.values(await highlights(page));

/** Viewport point at the left edge of the first occurrence of `phrase` in the document. */
async function pointBefore(page: Page, phrase: string): Promise<{ x: number; y: number }> {
  return page.getByTestId('source-document').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    }
    throw new Error(`not found: ${wanted}`);
  }, phrase);
}

test('undo and redo coding with Ctrl+Z, drag a coding’s start, and the picker keeps the passage selected', async ({ page }, testInfo) => {
  await signUp(page, newUser('Editor'));
  await page.getByLabel('Project name').fill('Undo study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('Interview 01');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  // The picker open: the passage stays painted as selected.
  await selectText(page.getByTestId('source-document'), 'we sent samples to bloggers');
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('code-picker')).toBeVisible();
  await expect(page.locator('.gw-held-selection')).toHaveText('we sent samples to bloggers');
  await page.screenshot({ path: testInfo.outputPath('picker-held-selection.png') });
  await page.getByTestId('code-picker').getByRole('combobox').fill('seeding reviews');
  await page.keyboard.press('Enter');
  await expect.poll(() => coded(page)).toEqual(['we sent samples to bloggers']);
  // Coded: the quick actions are gone, and so is the held selection.
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await expect(page.locator('.gw-held-selection')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect.poll(() => coded(page)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => coded(page)).toEqual(['we sent samples to bloggers']);
  // The redo re-created the coding: it is stored (a reload shows it).
  await page.reload();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => coded(page)).toEqual(['we sent samples to bloggers']);

  // Select the coding: grips appear at its ends; drag the start back to "At first".
  await page.locator('.gw-coding').first().click();
  const start = page.getByTestId('extent-handle-start');
  await expect(start).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('extent-handles.png') });
  const box = (await start.boundingBox())!;
  const target = await pointBefore(page, 'At first');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((box.x + target.x) / 2, target.y, { steps: 4 });
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => coded(page)).toEqual(['At first we had no reviews, so we sent samples to bloggers']);

  // Undo from the toolbar restores the previous extent.
  await page.getByRole('toolbar', { name: 'Coding view' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => coded(page)).toEqual(['we sent samples to bloggers']);
  await page.reload();
  await expect.poll(() => coded(page)).toEqual(['we sent samples to bloggers']);
});

test('the codebook beside the text is the hierarchy, collapsible, with C/B/A labels', async ({ page }, testInfo) => {
  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await page.getByRole('link', { name: /cross-border/i }).first().click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('table', { name: 'Sources' }).getByRole('link').first().click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  const collapse = codebook.getByRole('button', { name: /^Collapse B\d+ / }).first();
  await expect(collapse).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('codebook-tree.png') });
  const rows = await codebook.getByTestId('codebook-code').count();
  await collapse.click();
  await expect.poll(() => codebook.getByTestId('codebook-code').count()).toBeLessThan(rows);
  await codebook.getByRole('button', { name: /^Expand B\d+ / }).first().click();
  await expect.poll(() => codebook.getByTestId('codebook-code').count()).toBe(rows);
});
