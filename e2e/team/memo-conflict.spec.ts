import { expect, type Page, test } from '@playwright/test';

import { openTeam } from '../fixtures/team';

/**
 * No lost writes (issue 13): A (owner, instance 1) and B (coder, instance 2) edit the same code
 * memo from the same version. A saves first; B's save is refused with the conflict dialog
 * showing both texts; B merges, and the stored memo holds both.
 */
test('a concurrent memo edit on two instances gives the second writer a conflict to merge', async ({ browser }) => {
  // Two sign-ups, an invitation and two editors on two servers: more than the default minute.
  test.setTimeout(300_000);
  const team = await openTeam(browser, { projectName: 'Memo conflict study' });
  const { a, b } = team;

  // A adds a code on instance 1.
  await a.page.goto(`${team.projectPath}/codes`);
  await a.page.getByLabel('Code name').fill('platform trust');
  await a.page.getByRole('button', { name: 'Add code' }).click();
  await a.page.getByRole('link', { name: 'platform trust' }).click();
  await expect(a.page).toHaveURL(/\/codes\/[\w-]+$/);
  const codePath = new URL(a.page.url()).pathname;

  // B writes the memo on instance 2.
  await b.page.goto(codePath);
  await openMemos(b.page);
  await b.page.getByRole('textbox', { name: 'New memo' }).fill('Sellers trust the platform to pay out.');
  await b.page.getByRole('button', { name: 'Add memo' }).click();
  await expect(b.page.getByTestId('memo')).toContainText('Sellers trust the platform to pay out.');

  // Both open the memo for editing from version 1.
  await a.page.reload();
  for (const page of [a.page, b.page]) {
    await openMemos(page);
    await page.getByTestId('memo').getByRole('button', { name: 'Edit' }).click();
  }
  await replaceText(a.page, 'Trust grows after the first payout (A).');
  await replaceText(b.page, 'Trust is conditional on fast refunds (B).');

  // A saves first.
  await a.page.getByRole('button', { name: 'Save memo' }).click();
  await expect(a.page.getByTestId('memo')).toContainText('Trust grows after the first payout (A).');
  await expect(a.page.getByRole('textbox', { name: 'Edit memo' })).toHaveCount(0);

  // B saves second: the conflict dialog shows both versions.
  await b.page.getByRole('button', { name: 'Save memo' }).click();
  const dialog = b.page.getByRole('dialog', { name: 'Someone else changed this memo while you were editing' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs')).toContainText('Trust grows after the first payout (A).');
  await expect(dialog.getByTestId('conflict-theirs')).toContainText(a.user.name);
  await expect(dialog.getByTestId('conflict-yours')).toContainText('Trust is conditional on fast refunds (B).');
  await dialog.screenshot({ path: test.info().outputPath('conflict-dialog.png') });

  // Merge: their text, then B's, marked; B saves the combination.
  await dialog.getByRole('button', { name: 'Merge' }).click();
  const merged = dialog.getByRole('textbox', { name: 'Merged memo' });
  await expect(merged).toContainText('Trust grows after the first payout (A).');
  await expect(merged).toContainText('Trust is conditional on fast refunds (B).');
  await dialog.getByRole('button', { name: 'Save merged version' }).click();
  await expect(dialog).toHaveCount(0);

  // Both texts are stored: A sees them on instance 1 after a reload.
  await expect(b.page.getByTestId('memo')).toContainText('Trust is conditional on fast refunds (B).');
  await a.page.reload();
  await openMemos(a.page);
  const memo = a.page.getByTestId('memo');
  await expect(memo).toHaveCount(1);
  await expect(memo).toContainText('Trust grows after the first payout (A).');
  await expect(memo).toContainText('Trust is conditional on fast refunds (B).');
  await team.close();
});

async function openMemos(page: Page) {
  const summary = page.locator('summary', { hasText: 'Memos on this code' });
  if (!(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await summary.click();
}

/** Replaces the open memo editor's text (select all, type). */
async function replaceText(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Edit memo' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}
