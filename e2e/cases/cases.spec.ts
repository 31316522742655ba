import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

const TEXT = [
  'Interviewer: How do buyers come to trust you?',
  'Seller: At first we had no reviews, so we sent samples to bloggers.',
  'Seller: Later we sent samples to every new buyer as well.',
].join('\n');

test('add an attribute, edit a value, open the case matrix, drill into a cell and export it as XLSX', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Caser'));
  await page.getByLabel('Project name').fill('Case study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const nav = page.getByRole('navigation', { name: 'Project' });

  // A transcript with two segments coded "seeding" (one concept).
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('Interview P01');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  const sourceId = new URL(page.url()).pathname.split('/')[4];
  await codeSelection(page, 'we sent samples to bloggers', 'seeding');
  await codeSelection(page, 'we sent samples to every new buyer', 'seeding');

  // The case, holding the transcript (the existing cases API), and a second case without sources.
  const api = `/api/projects/${projectId}`;
  expect((await page.request.post(`${api}/cases`, { data: { name: 'P01', sourceIds: [sourceId] } })).status()).toBe(200);
  expect((await page.request.post(`${api}/cases`, { data: { name: 'P02' } })).status()).toBe(200);

  // Attribute table: add a number attribute, type a value, see it stored in its canonical form.
  await page.goto(`/projects/${projectId}/cases`);
  const attributes = page.getByRole('region', { name: 'Attributes' }).or(page.locator('section[aria-labelledby="attributes-heading"]'));
  await attributes.getByLabel('Attribute name').fill('Age');
  await attributes.getByLabel('Type').selectOption('number');
  await attributes.getByRole('button', { name: 'Add attribute' }).click();
  const age = page.getByLabel('Age of P01');
  await expect(age).toBeVisible();
  await age.fill('thirty');
  await age.press('Enter');
  await expect(attributes.getByRole('alert')).toContainText('“thirty” is not a number');
  await age.fill('34.0');
  await age.press('Enter');
  await expect(age).toHaveValue('34');
  await expect(attributes.getByRole('alert')).toHaveCount(0);
  const table = (await (await page.request.get(`${api}/cases/table`)).json()) as { attributes: Array<{ id: string; name: string }>; cases: Array<{ name: string; values: Record<string, string> }> };
  const ageId = table.attributes.find((a) => a.name === 'Age')!.id;
  expect(table.cases.find((c) => c.name === 'P01')!.values[ageId]).toBe('34');
  await page.screenshot({ path: testInfo.outputPath('attribute-table.png'), fullPage: true });

  // The case matrix at the concept level: P01 has 2 segments of "seeding", P02 none.
  await page.getByRole('link', { name: 'Case comparison matrix' }).click();
  await expect(page.getByRole('heading', { name: 'Case comparison matrix' })).toBeVisible();
  await page.getByLabel('Codes at level').selectOption('1');
  await expect(page).toHaveURL(/level=1/);
  const matrix = page.getByRole('table', { name: 'Case comparison matrix' });
  await expect(matrix.getByRole('columnheader', { name: 'Age' })).toBeVisible();
  await expect(matrix.getByRole('row', { name: /P01/ }).getByRole('cell').first()).toHaveText('34');
  const cell = matrix.getByRole('button', { name: /^P01 × C1 seeding: 2 segments$/ });
  await expect(cell).toHaveText('2');
  await expect(matrix.getByLabel(/^P02 × C1 seeding: 0 segments$/)).toHaveText('0');

  // Drill down: both segments, each linking to its place in the source.
  await cell.click();
  const drill = page.getByRole('region', { name: 'Segments of the cell' });
  await expect(drill).toContainText('2 coded segments');
  await expect(drill.locator('blockquote')).toHaveText(['we sent samples to bloggers', 'we sent samples to every new buyer']);
  await expect(drill.getByRole('link', { name: 'Interview P01' }).first()).toHaveAttribute('href', new RegExp(`/projects/${projectId}/sources/${sourceId}\\?coding=`));
  await page.screenshot({ path: testInfo.outputPath('case-matrix.png'), fullPage: true });

  // Export XLSX: the count 2 is a number in P01's row under "C1 seeding"; Age 34 too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export XLSX' }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const shared = strFromU8(files['xl/sharedStrings.xml']);
  expect(shared).toContain('C1 seeding');
  expect(shared).toContain('P01');
  // Row 2 = P01 (cases by name): A2 case, B2 Age = 34, C2 seeding = 2.
  expect(sheet).toMatch(/<c r="B2"[^>]*><v>34<\/v><\/c>/);
  expect(sheet).toMatch(/<c r="C2"[^>]*><v>2<\/v><\/c>/);
  expect(sheet).toMatch(/<c r="C3"[^>]*><v>0<\/v><\/c>/);

  // Summary mode: write the team's summary in a cell; it is stored.
  await page.getByLabel('Cells show').selectOption('summary');
  const summary = page.getByLabel('Summary of C1 seeding for P01');
  await summary.fill('Seeds reviews through bloggers, then buyers.');
  await summary.blur();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const stored = (await (await page.request.get(`${api}/cases/matrix?level=1`)).json()) as { rows: Array<{ caseName: string; summaries: string[] }> };
  expect(stored.rows.find((r) => r.caseName === 'P01')!.summaries).toEqual(['Seeds reviews through bloggers, then buyers.']);
  await page.screenshot({ path: testInfo.outputPath('case-matrix-summaries.png'), fullPage: true });

  // Triangulation page renders its chart.
  await page.getByRole('link', { name: 'Triangulation' }).click();
  await expect(page.getByRole('heading', { name: 'Triangulation' })).toBeVisible();
});
