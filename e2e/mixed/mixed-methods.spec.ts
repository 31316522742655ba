import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

const TEXT = [
  'Interviewer: How do buyers come to trust you?',
  'Seller: At first we had no reviews, so we sent samples to bloggers.',
  'Seller: We answer every complaint within a day, and the team trusts the manager to back them.',
].join('\n');

const CSV = readFileSync(join(process.cwd(), 'lib/stats/golden/mediate-survey.csv'));

const row = (page: Page, name: string) => page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last();

/** The text of word/document.xml with runs joined (XML entities decoded). */
function docxText(bytes: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)]
    .map((m) => (m[0] === '</w:p>' ? '\n' : m[1]))
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

test('link a category to a scale, see it marked, fill a joint display and export it as Word', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Mixer'));
  await page.getByLabel('Project name').fill('Mixed study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const nav = page.getByRole('navigation', { name: 'Project' });

  // Qualitative side: a transcript, two concepts grouped into a category (B1).
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('Interview 07');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await codeSelection(page, 'we sent samples to bloggers', 'seeding reviews');
  await codeSelection(page, 'the team trusts the manager to back them', 'trust in the manager');
  await nav.getByRole('link', { name: 'Theory' }).click();
  for (const name of ['seeding reviews', 'trust in the manager']) await row(page, name).getByRole('checkbox').first().check();
  await page.getByLabel('Name of the new category').fill('Climate of trust');
  await page.getByRole('button', { name: 'Group into new category' }).click();
  await expect(row(page, 'Climate of trust')).toBeVisible();

  // Quantitative side (through the API the Data pages use): a survey, a scale, its score, a regression on it.
  const api = `/api/projects/${projectId}`;
  const imported = await page.request.post(`${api}/datasets?name=Survey`, { data: CSV, headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'survey.csv' } });
  expect(imported.status(), await imported.text()).toBe(201);
  const dataset = ((await imported.json()) as { dataset: { id: string; versionId: string } }).dataset;
  const items = ['tl', 'pos', 'empower', 'trust'];
  const made = await page.request.post(`${api}/datasets/${dataset.id}/scales`, { data: { name: 'Climate', items } });
  expect(made.status()).toBe(201);
  const scaleId = ((await made.json()) as { scale: { id: string } }).scale.id;
  const scored = await page.request.post(`${api}/datasets/${dataset.id}/versions`, {
    data: { baseVersionId: dataset.versionId, transforms: [{ op: 'scaleScore', name: 'climate', items, score: 'mean', scaleId }], note: 'Climate score' },
  });
  expect(scored.status(), await scored.text()).toBe(201);
  const run = await page.request.post(`${api}/datasets/${dataset.id}/analyses`, { data: { kind: 'ols', title: 'Engagement on climate', options: ['--y', 'engage', '--x', 'climate,age'] } });
  expect(run.status(), await run.text()).toBe(201);
  const analysis = ((await run.json()) as { analysis: { result: { coefficients: Array<{ term: string; beta?: number }> } } }).analysis;
  const beta = analysis.result.coefficients.find((c) => c.term === 'climate')!.beta!;

  // Link the category to the scale from the outline.
  await page.reload();
  await row(page, 'Climate of trust').getByRole('button', { name: 'Link B1 to survey' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to survey construct' });
  await dialog.getByLabel('Dataset').selectOption({ label: 'Survey' });
  await dialog.getByLabel('Scale or variable').selectOption({ label: 'Climate' });
  await dialog.getByLabel('Rationale').fill('Interviewees describe the climate the scale measures.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const outlineBadge = row(page, 'Climate of trust').getByTestId('link-badge');
  await expect(outlineBadge).toContainText('Climate');
  await expect(outlineBadge).toContainText(`β = ${Math.abs(beta).toFixed(2).replace(/^0/, '')}`);
  await page.screenshot({ path: testInfo.outputPath('outline-linked.png'), fullPage: true });

  // The mark in the table.
  await page.goto(`/projects/${projectId}/hierarchy/table`);
  await expect(page.getByTestId('link-badge').filter({ hasText: 'Climate' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('table-linked.png'), fullPage: true });

  // The joint display: pick two exemplar quotes, write the meta-inference.
  await nav.getByRole('link', { name: 'Mixed methods' }).click();
  const jointRow = page.getByTestId('joint-row').filter({ hasText: 'Climate of trust' });
  await expect(jointRow).toContainText('Climate');
  await jointRow.getByRole('button', { name: 'Pick quotes' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick exemplar quotes' });
  await picker.getByRole('checkbox', { name: /we sent samples to bloggers/ }).check();
  await picker.getByRole('checkbox', { name: /the team trusts the manager/ }).check();
  await picker.getByRole('button', { name: 'Save quotes' }).click();
  await expect(picker).toBeHidden();
  await expect(jointRow).toContainText('we sent samples to bloggers');
  await expect(jointRow).toContainText('the team trusts the manager to back them');
  await jointRow.getByLabel('Meta-inference', { exact: true }).selectOption('convergent');
  await jointRow.getByLabel('Meta-inference note').fill('Both strands: a trusting climate goes with engagement.');
  await jointRow.getByRole('button', { name: 'Save meta-inference' }).click();
  await expect(jointRow.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('joint-display.png'), fullPage: true });

  // Export as Word: the quotes, the coefficient and the meta-inference are inside the file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export DOCX' }).click()]);
  const text = docxText(readFileSync((await download.path())!));
  expect(text).toContain('we sent samples to bloggers');
  expect(text).toContain('the team trusts the manager to back them');
  expect(text).toContain(`β = ${Math.abs(beta).toFixed(2).replace(/^0/, '')}`);
  expect(text).toContain('Engagement on climate');
  expect(text).toContain('Both strands: a trusting climate goes with engagement.');
  expect(text).toMatch(/Convergent/);
});
