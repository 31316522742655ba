import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

const fixture = (name: string) => join(process.cwd(), 'lib/io/fixtures', name);

// Issue 14 (5, 6): duplicates, "Detect from file" for a .docx transcript, one kind label, encodings.
test('a file uploaded twice waits for Skip or Import anyway; a .docx transcript is an interview; the encoding can be chosen', async ({ page }, testInfo) => {
  test.setTimeout(400_000);
  await signUp(page, newUser('Uploader'));
  await page.getByLabel('Project name').fill('Upload choices');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  const table = page.getByRole('table', { name: 'Sources' });
  const items = page.getByTestId('upload-item');

  // "Detect from file": Interviewer:/Participant: turns make the .docx an interview.
  await expect(page.getByRole('combobox', { name: 'Kind', exact: true })).toHaveValue('auto');
  await page.getByLabel('Files to import').setInputFiles(fixture('interview.docx'));
  await expect(page.getByTestId('upload-summary')).toHaveText('1 of 1 imported', { timeout: 120_000 });
  await expect(table.getByRole('row')).toHaveCount(2);
  const badge = table.locator('.badge').first();
  expect(await badge.evaluate((el) => (el as HTMLElement).innerText)).toBe('Interview');

  // The same file again: nothing stored until the user chooses.
  await page.getByLabel('Files to import').setInputFiles(fixture('interview.docx'));
  const duplicate = items.nth(1);
  await expect(duplicate).toContainText('Already in the project');
  await expect(duplicate).toContainText('Already in this project as “Interview with a returning entrepreneur”.');
  await expect(duplicate.getByRole('link', { name: 'Open “Interview with a returning entrepreneur”' })).toBeVisible();
  await expect(page.getByTestId('upload-summary')).toHaveText('1 of 2 imported, 1 already in the project: import anyway or skip');
  await page.screenshot({ path: testInfo.outputPath('upload-duplicate.png'), fullPage: true });
  await page.reload();
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByLabel('Files to import').setInputFiles(fixture('interview.docx'));
  await expect(items.first()).toContainText('Already in the project');
  await items.first().getByRole('button', { name: 'Skip' }).click();
  await expect(items.first()).toContainText('Skipped: already in this project as “Interview with a returning entrepreneur”.');

  await page.getByLabel('Files to import').setInputFiles(fixture('interview.docx'));
  await expect(items.nth(1)).toContainText('Already in the project');
  await items.nth(1).getByRole('button', { name: 'Import anyway' }).click();
  await expect(items.nth(1)).toContainText('Imported', { timeout: 120_000 });
  await expect(table.getByRole('row')).toHaveCount(3);

  // Paragraphs of the .docx are lines, without empty paragraphs between them.
  await table.getByRole('link', { name: 'Interview with a returning entrepreneur' }).first().click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  const paragraphs = page.getByTestId('source-document').locator('p');
  await expect(paragraphs).toHaveCount(6);
  await expect(paragraphs.nth(1)).toHaveText('Interviewer: How did you start?');
  await page.goBack();

  // A GBK file read as Windows-1252 on purpose: the choice reaches the importer.
  await page.getByRole('combobox', { name: 'Text encoding', exact: true }).selectOption('windows-1252');
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('fieldnote');
  await page.getByLabel('Files to import').setInputFiles(fixture('gbk-interview.txt'));
  await expect(items.filter({ hasText: 'gbk-interview.txt' })).toContainText('Imported', { timeout: 120_000 });
  await expect(table.getByRole('row')).toHaveCount(4);
  const fieldNote = table.getByRole('row').filter({ hasText: 'gbk-interview' }).locator('.badge');
  // Written as in the select: no CSS capitalising into "Field Note".
  expect(await fieldNote.evaluate((el) => (el as HTMLElement).innerText)).toBe('Field note');
  await page.screenshot({ path: testInfo.outputPath('upload-encoding.png'), fullPage: true });
  await table.getByRole('link', { name: 'gbk-interview' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('source-document')).not.toContainText('采访者');
});
