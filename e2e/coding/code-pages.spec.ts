import { expect, type Page, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

/**
 * Research-scale code pages, small enough to set up in seconds: a code page lists its segments
 * 50 at a time with the counts of all of them, and the codebook lists 200 codes a page, finds
 * codes by name, label or definition, and builds a row's edit form only when it is opened.
 */

// 130 lines of equal length, so line i starts at code point i × (LINE + 1).
const LINE = 60;
const line = (i: number) => `Line ${String(i + 1).padStart(3, '0')}: sellers talk about trust and slow shipping.`.padEnd(LINE, '.');
const TEXT = Array.from({ length: 130 }, (_, i) => line(i)).join('\n');
const at = (i: number, from: number, to: number) => ({ start: i * (LINE + 1) + from, end: i * (LINE + 1) + to });

async function json<T>(page: Page, path: string, data: unknown, headers?: Record<string, string>): Promise<T> {
  const response = await page.request.post(path, { data: data as never, headers });
  expect(response.status(), `POST ${path}`).toBe(201);
  return (await response.json()) as T;
}

const range = (page: Page) => page.getByTestId('pager-range').first();

test('a code page shows 50 segments a page with exact counts; the codebook pages, finds and edits codes', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Pages'));
  const { project } = await json<{ project: { id: string } }>(page, '/api/projects', { name: 'Paging study' });
  const base = `/api/projects/${project.id}`;
  const { source } = await json<{ source: { id: string } }>(page, `${base}/sources`, Buffer.from(TEXT), {
    'x-file-name': encodeURIComponent('long interview.txt'),
    'content-type': 'text/plain',
  });
  const code = async (input: Record<string, unknown>) => (await json<{ code: { id: string } }>(page, `${base}/codes`, input)).code.id;
  const category = await code({ name: 'platform dependence', level: 2 });
  const trust = await code({ name: 'trust', level: 1, parentId: category, definition: 'Buyers rely on the platform.' });
  const shipping = await code({ name: 'slow shipping', level: 1, parentId: category });
  const coding = (codeId: string, span: { start: number; end: number }) => json(page, `${base}/sources/${source.id}/codings`, { codeId, ...span });
  for (let i = 0; i < 120; i++) await coding(trust, at(i, 0, 8));
  for (let i = 0; i < 3; i++) await coding(shipping, at(i, 40, 53));
  await coding(category, at(5, 20, 30));

  // The concept: 120 segments, 50 a page.
  await page.goto(`/projects/${project.id}/codes/${trust}`);
  await expect(page.getByTestId('code-name')).toContainText('trust');
  await expect(page.locator('.page-header p')).toHaveText('concept · 120 segments in 1 source');
  await expect(page.getByTestId('segment')).toHaveCount(50);
  await expect(range(page)).toHaveText('Coded segments 1–50 of 120');
  await expect(page.getByTestId('segment').first()).toContainText('Line 001');
  await page.getByRole('link', { name: 'Next ›' }).first().click();
  await expect(range(page)).toHaveText('Coded segments 51–100 of 120');
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.getByTestId('segment').first()).toContainText('Line 051');
  await expect(page.getByTestId('segment')).toHaveCount(50);
  await page.getByRole('link', { name: 'Last page' }).first().click();
  await expect(range(page)).toHaveText('Coded segments 101–120 of 120');
  await expect(page.getByTestId('segment')).toHaveCount(20);
  await expect(page.getByTestId('segment').last()).toContainText('Line 120');
  // The counts never depend on the page shown; a page past the end shows the last one.
  await expect(page.locator('.page-header p')).toHaveText('concept · 120 segments in 1 source');
  await page.goto(`/projects/${project.id}/codes/${trust}?page=99`);
  await expect(range(page)).toHaveText('Coded segments 101–120 of 120');
  await page.getByRole('link', { name: '‹ Previous' }).first().click();
  await expect(range(page)).toHaveText('Coded segments 51–100 of 120');

  // The category: its own coding and its concepts', counted over all pages.
  await page.goto(`/projects/${project.id}/codes/${category}`);
  await expect(page.locator('.page-header p')).toHaveText('category · 124 segments in 1 source (with everything below it; 1 coding on the category itself)');
  await expect(range(page)).toHaveText('Coded segments 1–50 of 124');
  await page.getByRole('link', { name: 'Last page' }).first().click();
  await expect(range(page)).toHaveText('Coded segments 101–124 of 124');
  await expect(page.getByTestId('segment')).toHaveCount(24);

  // The codebook: 203 codes, 200 a page, and a search over all of them.
  for (let i = 0; i < 200; i++) await code({ name: `filler ${String(i + 1).padStart(3, '0')}` });
  await page.goto(`/projects/${project.id}/codes`);
  await expect(page.locator('.page-header p')).toHaveText('203 codes · 124 coded segments');
  const rows = page.getByRole('table', { name: 'Codes' }).locator('tbody tr');
  await expect(rows).toHaveCount(200);
  await expect(range(page)).toHaveText('Codes 1–200 of 203');
  await page.getByRole('link', { name: 'Next ›' }).first().click();
  await expect(range(page)).toHaveText('Codes 201–203 of 203');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'trust', exact: true })).toBeVisible();

  await page.getByLabel('Find a code').fill('rely on');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page).toHaveURL(/\?q=rely\+on$/);
  await expect(page.getByText('1 code matches “rely on”')).toBeVisible();
  await expect(rows).toHaveCount(1);
  const row = page.getByTestId('code-trust');
  await expect(row).toContainText('Buyers rely on the platform.');
  await expect(row).toContainText('120');

  // No edit form is in the page until its row is opened.
  await expect(page.locator('form[aria-label^="Edit "]')).toHaveCount(0);
  await row.getByText('Edit', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit trust' });
  await expect(form).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete code and 120 codings' })).toBeVisible();
  await form.getByLabel('Name').fill('trust in the platform');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByTestId('code-trust in the platform')).toBeVisible();
  await page.getByRole('link', { name: 'Show all' }).click();
  await expect(range(page)).toHaveText('Codes 1–200 of 203');
});
