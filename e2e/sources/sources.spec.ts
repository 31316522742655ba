import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

const fixture = (name: string) => join(process.cwd(), 'lib/io/fixtures', name);

test('import a .docx interview and a .pdf article with per-file progress; bad files explain themselves', async ({ page }, testInfo) => {
  await signUp(page, newUser('Importer'));
  await page.getByLabel('Project name').fill('Sources study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByText('No sources yet.', { exact: false })).toBeVisible();

  await page.getByLabel('Files to import').setInputFiles([fixture('interview.docx'), fixture('article.pdf'), fixture('scanned.pdf'), fixture('corrupt.docx')]);
  await expect(page.getByTestId('upload-summary')).toHaveText('2 of 4 imported, 2 failed', { timeout: 30_000 });
  const items = page.getByTestId('upload-item');
  await expect(items.filter({ hasText: 'interview.docx' })).toContainText('Imported');
  await expect(items.filter({ hasText: 'scanned.pdf' })).toContainText(/scanned PDF: no text to code/i);
  await expect(items.filter({ hasText: 'corrupt.docx' })).toContainText('Failed');
  await page.screenshot({ path: testInfo.outputPath('sources-upload.png'), fullPage: true });

  const table = page.getByRole('table', { name: 'Sources' });
  await expect(table.getByRole('row')).toHaveCount(3); // header + 2 sources
  await expect(table).toContainText('Word');
  await expect(table).toContainText('PDF');

  // Open the PDF: its text is in the coding view; its details are on the next tab.
  await table.getByRole('link').filter({ hasNotText: /interview/i }).first().click();
  await expect(page.getByTestId('workbench')).toContainText('Results (page two)');
  // Page numbers kept at import are shown where each page begins.
  await expect(page.locator('.gw-marker--page')).toHaveCount(2);
  expect(await page.locator('.gw-marker--page').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.label))).toEqual(['p. 1', 'p. 2']);
  await page.screenshot({ path: testInfo.outputPath('source-pdf.png'), fullPage: true });
  await page.getByRole('link', { name: 'Details & memos' }).click();

  // Edit its details as literature.
  await page.getByLabel('Kind').selectOption('literature');
  await page.getByLabel('Authors').fill('Glaser, B.; Strauss, A.');
  await page.getByLabel('Year').fill('1967');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('form-message').first()).toHaveText('Details saved.');
  await page.reload();
  await expect(page.getByText('Glaser, B.; Strauss, A. (1967)')).toBeVisible();
});

test('pasted text with Chinese, emoji and markup is stored and shown as text', async ({ page }) => {
  await signUp(page, newUser('Paster'));
  await page.getByLabel('Project name').fill('Paste study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('访谈笔记 🙂');
  const text = '卖家说：我们先做亚马逊🙂\n<script>window.__pwned = true</script><b>not bold</b>';
  await page.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('source-title')).toHaveText('访谈笔记 🙂');
  await expect(page.getByTestId('workbench')).toContainText('<script>window.__pwned = true</script><b>not bold</b>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(page.locator('[data-testid="workbench"] b')).toHaveCount(0);
});

test('search and filter the Sources list; the filtered view has its own address', async ({ page }, testInfo) => {
  await signUp(page, newUser('Filterer'));
  await page.getByLabel('Project name').fill('Filter study');
  await page.getByRole('button', { name: 'Create project' }).click();
  const toSources = () => page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await toSources();
  await page.getByLabel('New folder name').fill('Sellers');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Folders' })).toContainText('Sellers');

  const paste = async (title: string, kind: string, folder: string) => {
    await page.getByText('Or paste text').click();
    await page.getByLabel('Title').fill(title);
    await page.getByRole('form', { name: 'Paste text' }).getByLabel('Kind').selectOption(kind);
    await page.getByRole('form', { name: 'Paste text' }).getByLabel('Folder').selectOption({ label: folder });
    await page.getByLabel('Text', { exact: true }).fill(`${title}: some words to code.`);
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect(page.getByTestId('source-title')).toHaveText(title);
    await toSources();
  };
  await paste('卖家访谈 Li Ming', 'interview', 'Sellers');
  await paste('Returning entrepreneur', 'interview', 'No folder');
  await paste('Platform literature 综述', 'literature', 'Sellers');

  const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);

  // Search ignores case and width: full-width "ＬＩ ＭＩＮＧ" finds "Li Ming"; Chinese as a substring.
  await page.getByLabel('Search sources').fill('ＬＩ ＭＩＮＧ');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/sources\?q=%EF%BC%AC/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('卖家访谈 Li Ming');
  await expect(page.getByTestId('source-filter-summary')).toContainText('1 of 3 sources');
  await page.getByLabel('Search sources').fill('综述');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Platform literature 综述');

  // Kind and folder filters apply as soon as they are chosen, with the search cleared.
  await page.getByLabel('Search sources').fill('');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Filter by kind').selectOption('interview');
  await expect(page).toHaveURL(/\/sources\?kind=interview$/);
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Filter by folder').selectOption({ label: 'Sellers' });
  await expect(page).toHaveURL(/\/sources\?kind=interview&folder=[^&]+$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('卖家访谈 Li Ming');
  await page.screenshot({ path: testInfo.outputPath('sources-filtered.png'), fullPage: true });

  // The address alone reproduces the view (a link shared with a colleague).
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel('Filter by kind')).toHaveValue('interview');
  await page.getByLabel('Filter by folder').selectOption('none');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Returning entrepreneur');
  await page.getByLabel('Search sources').fill('nowhere');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('no-matching-sources')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);
});
