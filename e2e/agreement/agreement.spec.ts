import { expect as baseExpect, type Page, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

// The e2e machine is shared and slow: allow server round trips their time.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Adds a pasted-text source through the Sources page; returns the workbench path. */
async function addTextSource(page: Page, projectPath: string, title: string, text: string): Promise<string> {
  await page.goto(`${projectPath}/sources`);
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('source-title')).toHaveText(title);
  await expect(page.getByTestId('source-document')).toContainText(text.slice(0, 20));
  return new URL(page.url()).pathname;
}

// 40 characters: "We trust the platform." (0–22) " " "Shipping is slow." (23–40).
const TEXT = 'We trust the platform. Shipping is slow.';

test('two coders code a source blind; the agreement table shows κ; resolving a disagreement is recorded', async ({ browser }) => {
  test.setTimeout(300_000);
  const ownerContext = await browser.newContext();
  const coderContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const coder = await coderContext.newPage();
  const ana = newUser('Ana');
  const ben = newUser('Ben');
  await signUp(coder, ben);
  await signUp(owner, ana);

  await owner.getByLabel('Project name').fill('Agreement study');
  await owner.getByRole('button', { name: 'Create project' }).click();
  await expect(owner).toHaveURL(/\/projects\/[\w-]+$/);
  const projectPath = new URL(owner.url()).pathname;
  await owner.goto(`${projectPath}/team`);
  await owner.getByLabel('Email of a registered user').fill(ben.email);
  await owner.getByLabel('Role', { exact: true }).selectOption('coder');
  await owner.getByRole('button', { name: 'Invite' }).click();
  await expect(owner.getByTestId('form-message')).toHaveText(`${ben.name} joined as coder.`);

  // Blind coding on for the project.
  await owner.goto(`${projectPath}/settings`);
  await owner.getByRole('button', { name: 'Turn on blind coding' }).click();
  await expect(owner.getByTestId('blind-project-status')).toContainText('On: coders see only their own codings');

  const sourcePath = await addTextSource(owner, projectPath, 'Interview 1', TEXT);
  await codeSelection(owner, 'We trust the platform', 'Trust');
  await expect(owner.getByText('1 coding', { exact: true })).toBeVisible();

  // The coder sees the notice and none of the owner's codings.
  await coder.goto(sourcePath);
  await expect(coder.getByTestId('blind-notice')).toHaveText('Blind coding: you see only your own codings until the owner releases them.');
  await expect(coder.getByTestId('source-document')).toContainText('We trust');
  await expect(coder.getByText('0 codings', { exact: true })).toBeVisible();
  await codeSelection(coder, 'trust the platform', 'Trust');
  await expect(coder.getByText('1 coding', { exact: true })).toBeVisible();

  // Character level, "Trust": both 18 characters, Ana only 3, neither 19 of 40.
  // p_o = 37/40 = 92.5%; ΣEF = 21·18/40 + 19·22/40 = 19.9; κ = (37 − 19.9)/(40 − 19.9) = 0.851.
  await owner.goto(`${projectPath}/team/agreement`);
  await owner.getByLabel('Character level', { exact: false }).check();
  await owner.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(owner.getByRole('heading', { name: 'Agreement — Character level' })).toBeVisible();
  const table = owner.getByTestId('agreement-table');
  const trust = table.getByRole('row', { name: /Trust/ }).first();
  await expect(trust.getByRole('cell').nth(0)).toHaveText('40');
  await expect(trust.getByRole('cell').nth(1)).toHaveText('92.5%');
  await expect(trust.getByRole('cell').nth(2)).toHaveText('0.851');

  // The export names the level.
  const csv = await owner.request.get(await owner.getByRole('link', { name: 'Export CSV' }).getAttribute('href') as string);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Level: Character level');

  // The two Trust codings differ by three characters: one disagreement, side by side. Merge it.
  const item = owner.getByTestId('disagreement');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('We trust the platform');
  await expect(item).toContainText('trust the platform');
  await item.getByRole('button', { name: 'Merge' }).click();
  await expect(owner.getByTestId('disagreement')).toHaveCount(0);
  // The merged coding is Ana's: Ben has no codings left, so there is nothing to compare.
  await expect(owner.getByText('So far fewer than two people have coded in this project.')).toBeVisible();
  const resolutions = owner.getByRole('table', { name: 'Recorded resolutions' });
  await expect(resolutions.getByRole('row')).toHaveCount(2);
  await expect(resolutions).toContainText('Merged');
  await expect(resolutions).toContainText(ana.name);

  // Released: the coder sees the owner's coding that the merge kept (their own was merged into it).
  await owner.goto(`${projectPath}/settings`);
  await owner.getByRole('button', { name: 'Release codings' }).click();
  await expect(owner.getByTestId('blind-project-status')).toContainText('Released');
  await coder.goto(sourcePath);
  await expect(coder.getByTestId('blind-notice')).toHaveCount(0);
  await expect(coder.getByText('1 coding', { exact: true })).toBeVisible();

  await ownerContext.close();
  await coderContext.close();
});
