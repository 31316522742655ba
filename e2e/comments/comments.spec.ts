import { expect, type Page, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Project' });

async function addCode(page: Page, name: string) {
  await page.getByLabel('Code name').fill(name);
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByTestId(`code-${name}`)).toBeVisible();
}

test('comment on a category mentioning a member and a code; unread count; activity feed with before → after', async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const owner = newUser('Owner');
  const coder = newUser('Coder');
  const coderCtx = await browser.newContext();
  const coderPage = await coderCtx.newPage();
  await signUp(coderPage, coder);

  const ownerCtx = await browser.newContext();
  const page = await ownerCtx.newPage();
  await signUp(page, owner);
  await page.getByLabel('Project name').fill('Delivery study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[\w-]+$/);
  const projectPath = new URL(page.url()).pathname;
  await nav(page).getByRole('link', { name: 'Team' }).click();
  await page.getByLabel('Email of a registered user').fill(coder.email);
  await page.getByLabel('Role', { exact: true }).selectOption('coder');
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('form-message')).toHaveText(`${coder.name} joined as coder.`);

  // Two concepts, and a category above one of them.
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  await addCode(page, 'Late delivery');
  await addCode(page, 'Courier delay');
  await nav(page).getByRole('link', { name: 'Theory' }).click();
  await page.locator('li[data-code-id]', { has: page.getByRole('link', { name: 'Late delivery', exact: true }) }).last().getByRole('checkbox').first().check();
  await page.getByLabel('Name of the new category').fill('Delivery risk');
  await page.getByRole('button', { name: 'Group into new category' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText('Delivery risk');

  // The owner comments on the category, mentioning the coder and a code through @-suggestions.
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  await page.getByTestId('code-Delivery risk').getByRole('link', { name: 'Delivery risk' }).click();
  await expect(page.getByTestId('code-name')).toContainText('Delivery risk');
  const categoryPath = new URL(page.url()).pathname;
  await page.getByText('Comments (0)').click();
  const box = page.getByLabel('New comment');
  await box.fill('Please check ');
  await box.pressSequentially(`@${coder.name.split(' ')[0]}`);
  const suggestions = page.getByRole('listbox', { name: 'Members and codes to mention' });
  await expect(suggestions.getByRole('option', { name: new RegExp(coder.name) })).toBeVisible();
  await page.keyboard.press('Enter');
  await box.pressSequentially('whether @Cour');
  await suggestions.getByRole('option', { name: /Courier delay/ }).click();
  await box.pressSequentially('belongs here.');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = page.getByTestId('comment').first();
  await expect(comment.getByTestId('mention-user')).toHaveText(`@${coder.name}`);
  await expect(comment.getByTestId('mention-code')).toHaveText(/@C\d+ Courier delay/);
  await expect(comment).toContainText('belongs here.');
  await page.screenshot({ path: testInfo.outputPath('comment-thread.png'), fullPage: true });
  // The code mention links to the code's page.
  await expect(comment.getByTestId('mention-code')).toHaveAttribute('href', /\/codes\//);

  // The coder sees one unread comment on Team, opens the thread from the comments page; the count clears.
  // (The coder is still signed in from signing up.)
  await coderPage.goto(projectPath);
  await expect(nav(coderPage).getByTestId('nav-badge')).toHaveText('1');
  await expect(nav(coderPage).getByRole('link', { name: /Team.*1 unread comment/ })).toBeVisible();
  await coderPage.screenshot({ path: testInfo.outputPath('unread-badge.png'), fullPage: true });
  await nav(coderPage).getByRole('link', { name: /Team/ }).click();
  await coderPage.getByRole('navigation', { name: 'Team views' }).getByRole('link', { name: 'Comments' }).click();
  const threadRow = coderPage.getByTestId('thread-row').first();
  await expect(threadRow).toContainText('1 new');
  await expect(threadRow).toContainText('mentions you');
  await coderPage.getByRole('link', { name: /Mentions of me \(1, 1 new\)/ }).click();
  await expect(coderPage.getByTestId('mention-row')).toContainText('Please check');
  await coderPage.getByTestId('mention-row').getByRole('link', { name: /Delivery risk/ }).click();
  await expect(coderPage).toHaveURL(new RegExp(`${categoryPath}#comments$`));
  await expect(coderPage.getByTestId('comment').first()).toContainText('belongs here.');
  await expect(nav(coderPage).getByTestId('nav-badge')).toHaveCount(0);
  // The coder replies (a comment.created by the coder for the member filter below).
  await coderPage.getByLabel('New comment').fill('Yes, it does.');
  await coderPage.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(coderPage.getByTestId('comment')).toHaveCount(2);
  await coderPage.reload();
  await expect(nav(coderPage).getByTestId('nav-badge')).toHaveCount(0);

  // The owner renames a concept; the activity feed shows it with before → after.
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  const row = page.getByTestId('code-Courier delay');
  await row.getByText('Edit', { exact: true }).click();
  await row.getByLabel('Name').fill('Courier delays');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('code-Courier delays')).toBeVisible();
  // The owner now has the coder's reply unread.
  await expect(nav(page).getByTestId('nav-badge')).toHaveText('1');

  await page.goto(`${projectPath}/team/activity`);
  const rename = page.getByTestId('activity-event').filter({ hasText: 'Courier delays' }).first();
  await expect(rename).toHaveAttribute('data-type', 'code.updated');
  await expect(rename).toContainText(owner.name);
  await rename.getByText(/Before → after/).click();
  const nameChange = rename.getByTestId('change').filter({ hasText: 'Name' });
  await expect(nameChange).toContainText('"Courier delay"');
  await expect(nameChange).toContainText('"Courier delays"');
  await page.screenshot({ path: testInfo.outputPath('activity-feed.png'), fullPage: true });

  // Filter by member: the coder's changes are only their comment.
  await page.getByLabel('Member').selectOption({ label: coder.name });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/member=/);
  await expect(page.getByTestId('activity-event')).toHaveCount(1);
  await expect(page.getByTestId('activity-event')).toHaveAttribute('data-type', 'comment.created');
  // Owner + codebook: only code events.
  await page.getByLabel('Member').selectOption({ label: owner.name });
  await page.getByLabel('Type').selectOption('codebook');
  await page.getByRole('button', { name: 'Filter' }).click();
  const types = await page.getByTestId('activity-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(types.length).toBeGreaterThan(0);
  expect(types.every((t) => t?.startsWith('code.'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('activity-filtered.png'), fullPage: true });

  // The renamed code's history page.
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  await page.getByTestId('code-Courier delays').getByRole('link', { name: 'Courier delays' }).click();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-title')).toContainText('Courier delays');
  const historyRename = page.getByTestId('activity-event').filter({ hasText: 'Courier delays' }).first();
  await historyRename.getByText(/Before → after/).click();
  await expect(historyRename.getByTestId('change').filter({ hasText: 'Name' })).toContainText('"Courier delay"');
  await page.screenshot({ path: testInfo.outputPath('code-history.png'), fullPage: true });

  // A merge into the code shows in its history, naming the code merged away.
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  await addCode(page, 'Parcel lost');
  await nav(page).getByRole('link', { name: 'Theory' }).click();
  for (const name of ['Parcel lost', 'Courier delays']) {
    await page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last().getByRole('checkbox').first().check();
  }
  await page.getByRole('button', { name: /^Merge C\d+ into C2$/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText('Merged');
  await nav(page).getByRole('link', { name: 'Codebook' }).click();
  await page.getByTestId('code-Courier delays').getByRole('link', { name: 'Courier delays' }).click();
  await page.getByRole('link', { name: 'History' }).click();
  const merge = page.locator('[data-testid="activity-event"][data-type="hierarchy.merged"]');
  await expect(merge).toContainText('Parcel lost');
  await merge.getByText(/Before → after/).click();
  await expect(merge.getByTestId('change').filter({ hasText: 'Merged code' })).toContainText('"Parcel lost"');
  await page.screenshot({ path: testInfo.outputPath('code-history-merge.png'), fullPage: true });

  await ownerCtx.close();
  await coderCtx.close();
});
