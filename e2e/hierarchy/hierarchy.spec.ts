import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, type Page, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

const TEXT = [
  'Interviewer: How do buyers come to trust you?',
  'Seller: At first we had no reviews, so we sent samples to bloggers. We answer every complaint within a day.',
  'Seller: When the platform suspended our account we lost a month, so now we also run our own shop and sell on a second marketplace.',
].join('\n');

const CONCEPTS: Array<[phrase: string, name: string]> = [
  ['we sent samples to bloggers', 'seeding reviews'],
  ['We answer every complaint within a day', 'fast complaint handling'],
  ['the platform suspended our account', 'account suspension'],
  ['we also run our own shop', 'own web shop'],
];

const row = (page: Page, name: string) => page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last();

async function select(page: Page, names: string[]) {
  for (const name of names) await row(page, name).getByRole('checkbox').first().check();
}

async function group(page: Page, names: string[], level: string, name: string) {
  await select(page, names);
  await page.getByLabel(`Name of the new ${level}`).fill(name);
  await page.getByRole('button', { name: `Group into new ${level}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created` })).toContainText(name);
  await expect(row(page, name)).toBeVisible();
}

/** Text of every cell of a Word table, row by row (w:t runs joined, paragraphs by "\n"). */
function docxTableRows(xml: string): string[][] {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: false, isArray: (name) => ['w:tr', 'w:tc', 'w:p', 'w:r', 'w:tbl'].includes(name) });
  const doc = parser.parse(xml);
  const tables = doc['w:document']['w:body']['w:tbl'];
  expect(tables).toHaveLength(1);
  const text = (node: unknown): string => {
    if (node === null || node === undefined) return '';
    if (typeof node === 'string' || typeof node === 'number') return String(node);
    if (Array.isArray(node)) return node.map(text).join('');
    const obj = node as Record<string, unknown>;
    if ('#text' in obj) return String(obj['#text']);
    return Object.entries(obj)
      .filter(([k]) => !k.startsWith('@_') && k !== 'w:rPr' && k !== 'w:pPr' && k !== 'w:tcPr')
      .map(([, v]) => text(v))
      .join('');
  };
  return (tables[0]['w:tr'] as Array<Record<string, unknown>>).map((tr) =>
    (tr['w:tc'] as Array<Record<string, unknown>>).map((tc) => ((tc['w:p'] as unknown[]) ?? []).map(text).join('\n')),
  );
}

test('build categories, a main and a core category, relate them, write a storyline, export the table', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, newUser('Theorist'));
  await page.getByLabel('Project name').fill('Seller trust study');
  await page.getByRole('button', { name: 'Create project' }).click();
  const nav = page.getByRole('navigation', { name: 'Project' });
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('Interview 07');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  for (const [phrase, name] of CONCEPTS) await codeSelection(page, phrase, name);
  // The same span coded with a second concept: the category must count it once.
  await codeSelection(page, 'we sent samples to bloggers', 'fast complaint handling');

  await nav.getByRole('link', { name: 'Theory' }).click();
  await expect(page.getByTestId('hierarchy-summary')).toHaveText('4 coded segments · 4 concepts · 0 categories · 0 main categories · 0 core categories');
  await expect(row(page, 'seeding reviews').getByTestId('code-label')).toHaveText('C1');

  // Axial coding: two categories from the concepts, one main category, one core category.
  await group(page, ['seeding reviews', 'fast complaint handling'], 'category', 'Substituting for reputation');
  await group(page, ['account suspension'], 'category', 'Platform dependence');
  // Drag the fourth concept into its category, undo, and drag again.
  await row(page, 'own web shop').locator('> div').first().dragTo(row(page, 'Platform dependence').locator('> div').first());
  await expect(page.getByRole('status')).toContainText('Moved C4 own web shop into B2 Platform dependence');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('is back where it was');
  await expect(page.getByTestId('unplaced-1')).toContainText('own web shop');
  await row(page, 'own web shop').locator('> div').first().dragTo(row(page, 'Platform dependence').locator('> div').first());
  await expect(page.getByTestId('unplaced-1')).not.toContainText('own web shop');

  await group(page, ['Substituting for reputation', 'Platform dependence'], 'main category', 'Building trust without a brand');
  await group(page, ['Building trust without a brand'], 'core category', 'Borrowed trust');
  await expect(page.getByTestId('hierarchy-summary')).toHaveText('4 coded segments · 4 concepts · 2 categories · 1 main category · 1 core category');
  // Roll-up: the category's two concepts share one span, so it has 2 segments, not 3.
  await expect(row(page, 'Substituting for reputation').locator('> div').first()).toContainText('2 segments · 1 source');
  await page.screenshot({ path: testInfo.outputPath('hierarchy-outline.png'), fullPage: true });

  // A relation between the two categories, with a memo.
  await page.getByRole('link', { name: 'Relations & network' }).click();
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'B2 Platform dependence' });
  await page.getByLabel('Relation type', { exact: true }).selectOption({ label: 'causal condition' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'B1 Substituting for reputation' });
  await page.getByRole('textbox', { name: 'Relation memo' }).fill('Suspension makes sellers invest in their own reputation.');
  await page.getByRole('button', { name: 'Add relation' }).click();
  await expect(page.getByTestId('relation-row')).toHaveCount(1);
  await expect(page.getByTestId('relation-row')).toContainText('B2 Platform dependence → (causal condition of) → B1 Substituting for reputation');
  await expect(page.getByTestId('code-network').getByTestId('relation-label')).toHaveText('causal condition of');
  await page.screenshot({ path: testInfo.outputPath('hierarchy-network.png'), fullPage: true });

  // Selective coding: the storyline mentions the core category.
  await page.getByRole('link', { name: 'Storyline' }).click();
  await expect(page.getByTestId('core-category')).toContainText('Borrowed trust');
  const editor = page.getByRole('textbox', { name: 'Storyline' });
  await editor.click();
  await page.keyboard.type('Sellers without a brand rely on ');
  await page.keyboard.type('@Borr');
  await page.getByRole('option', { name: /Borrowed trust/ }).click();
  await page.keyboard.type(' to win buyers.');
  await page.getByRole('button', { name: 'Save storyline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Storyline saved.' })).toBeVisible();
  await page.reload();
  const storyline = page.getByTestId('storyline');
  await expect(storyline).toContainText('Sellers without a brand rely on @CC1 Borrowed trust to win buyers.');
  await page.screenshot({ path: testInfo.outputPath('hierarchy-storyline.png'), fullPage: true });
  // The mention links to the core category's segments.
  await storyline.getByRole('link', { name: '@CC1 Borrowed trust' }).click();
  await expect(page.getByTestId('code-name')).toContainText('Borrowed trust');
  await expect(page.getByTestId('segment')).toHaveCount(5);
  await page.goBack();

  // The table, on screen and exported.
  await page.getByRole('link', { name: 'Table' }).click();
  const table = page.getByTestId('hierarchy-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('CC1 Borrowed trust (4)');
  await page.screenshot({ path: testInfo.outputPath('hierarchy-table.png'), fullPage: true });
  const projectId = new URL(page.url()).pathname.split('/')[2];

  const docx = await page.request.get(`/api/projects/${projectId}/exports/hierarchy?format=docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()['content-type']).toContain('wordprocessingml');
  const files = unzipSync(new Uint8Array(await docx.body()));
  const rows = docxTableRows(strFromU8(files['word/document.xml']));
  expect(rows[0]).toEqual(['Core category', 'Main category', 'Category', 'Concepts']);
  expect(rows.slice(1)).toEqual([
    ['CC1 Borrowed trust (4)', 'A1 Building trust without a brand (4)', 'B1 Substituting for reputation (2)', 'C1 seeding reviews (1)\nC2 fast complaint handling (2)'],
    ['', '', 'B2 Platform dependence (2)', 'C3 account suspension (1)\nC4 own web shop (1)'],
  ]);

  const xlsx = await page.request.get(`/api/projects/${projectId}/exports/hierarchy?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Hierarchy')!;
  const header = sheet.getRow(4).values as unknown[];
  expect(header.slice(1)).toEqual(['Core category', 'Main category', 'Category', 'Concepts']);
  expect(sheet.getCell('A5').value).toBe('CC1 Borrowed trust (4)');
  expect(sheet.getCell('A6').isMerged).toBe(true);
  expect(sheet.getCell('C6').value).toBe('B2 Platform dependence (2)');
  expect(sheet.getCell('D5').value).toBe('C1 seeding reviews (1)\nC2 fast complaint handling (2)');

  // The tree: one rectangle per code, sized by segments; a click opens the code's segments.
  await page.getByRole('link', { name: 'Tree' }).click();
  const icicle = page.getByTestId('hierarchy-icicle');
  await expect(icicle.locator('[data-code-id]')).toHaveCount(8);
  await page.screenshot({ path: testInfo.outputPath('hierarchy-tree.png'), fullPage: true });
  await icicle.getByRole('link', { name: /B1 Substituting for reputation/ }).click();
  await expect(page.getByTestId('code-name')).toContainText('Substituting for reputation');
  await expect(page.getByTestId('segment')).toHaveCount(3);
});

test('merge two concepts after confirming, split one off on its page, and undo the split', async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newUser('Merger'));
  await page.getByLabel('Project name').fill('Merge study');
  await page.getByRole('button', { name: 'Create project' }).click();
  const nav = page.getByRole('navigation', { name: 'Project' });
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('Interview 08');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await codeSelection(page, 'we sent samples to bloggers', 'seeding reviews');
  await codeSelection(page, 'We answer every complaint within a day', 'fast answers');
  await codeSelection(page, 'the platform suspended our account', 'fast answers');

  await nav.getByRole('link', { name: 'Theory' }).click();
  await select(page, ['seeding reviews', 'fast answers']);
  await page.getByRole('button', { name: 'Merge C1 into C2' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Merge C1 seeding reviews into C2 fast answers?');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText('Merged C1 seeding reviews into C2 fast answers: 1 coding moved, 0 duplicates collapsed.');
  await expect(row(page, 'seeding reviews')).toHaveCount(0);
  await expect(page.getByTestId('hierarchy-summary')).toHaveText('3 coded segments · 1 concept · 0 categories · 0 main categories · 0 core categories');

  // Split: the suspension segment does not belong with the others.
  await row(page, 'fast answers').getByRole('link', { name: 'fast answers', exact: true }).click();
  await expect(page.getByTestId('segment')).toHaveCount(3);
  await page.getByRole('button', { name: 'Split code…' }).click();
  await page.getByRole('checkbox', { name: /the platform suspended our account/ }).check();
  await page.getByLabel('New code name').fill('platform risk');
  await page.getByRole('button', { name: 'Move 1 to new code' }).click();
  await expect(page.getByRole('status')).toContainText('Moved 1 segment to C3 platform risk.');
  await expect(page.getByTestId('segment')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone: the segments are back in C2 fast answers.');
  await expect(page.getByTestId('segment')).toHaveCount(3);
  await nav.getByRole('link', { name: 'Theory' }).click();
  await expect(row(page, 'platform risk')).toHaveCount(0);
});
