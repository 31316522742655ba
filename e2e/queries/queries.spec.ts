import { expect, test } from '@playwright/test';

import { signIn } from '../fixtures/users';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Queries on the seeded demo project (read-only: two coders' overlapping codings): open a
 * co-occurrence cell and read its segments; the code × source matrix and its drill-down.
 */
test('open a co-occurrence cell and see its segments', async ({ page }, testInfo) => {
  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole('link', { name: /Cross-border e-commerce marketing/ }).click();
  await page.getByRole('link', { name: 'Queries', exact: true }).click();
  await page.getByRole('link', { name: 'Co-occurrence' }).click();
  await expect(page).toHaveURL(/tab=cooccurrence/);
  await expect(page.getByLabel('Co-occur when')).toHaveValue('overlap');

  const cells = page.getByRole('button', { name: /×.*: \d+ co-occurrences$/ });
  await expect(cells.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('co-occurrence-overlap.png'), fullPage: true });

  // The cell's count is the number of units the drill-down lists, each with a segment of each code.
  const cell = cells.first();
  const label = (await cell.getAttribute('aria-label'))!;
  const [, rowCode, columnCode, n] = /^(.*) × (.*): (\d+) co-occurrences$/.exec(label)!;
  expect(Number(n)).toBeGreaterThan(0);
  await cell.click();
  const panel = page.getByRole('region', { name: 'Segments of the selected cell' });
  await expect(panel.getByRole('heading', { name: `${rowCode} × ${columnCode}` })).toBeVisible();
  await expect(panel.getByText(new RegExp(`^${n} co-occurrences?`))).toBeVisible();
  const units = panel.getByRole('list', { name: 'Units where the two codes co-occur' }).locator(':scope > li');
  await expect(units).toHaveCount(Number(n));
  const first = units.first();
  await expect(first.locator('blockquote')).toHaveCount(2);
  await expect(first.locator('blockquote').first()).not.toBeEmpty();
  const href = await first.getByRole('link', { name: 'Open in source' }).first().getAttribute('href');
  expect(href).toMatch(/^\/projects\/[^/]+\/sources\/[^/?]+\?coding=[^&]+$/);
  await page.screenshot({ path: testInfo.outputPath('co-occurrence-drill-down.png'), fullPage: true });

  // Same paragraph: two codes whose segments overlap also share a paragraph.
  await page.getByLabel('Co-occur when').selectOption('paragraph');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('img', { name: /Code co-occurrence: same paragraph/ })).toBeVisible();
  const samePair = page.getByRole('button', { name: new RegExp(`^${escape(rowCode)} × ${escape(columnCode)}: \\d+ co-occurrences$`) });
  expect(Number(await samePair.getAttribute('data-count'))).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('co-occurrence-paragraph.png'), fullPage: true });

  // The link opens the source at the coding.
  await page.goto(href!);
  await expect(page).toHaveURL(/\/sources\/.+\?coding=/);
});

test('code × source matrix: roll-up rows, a cell drills down to its segments', async ({ page }, testInfo) => {
  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await page.getByRole('link', { name: /Cross-border e-commerce marketing/ }).click();
  await page.getByRole('link', { name: 'Queries', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Code × source' })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Rows').selectOption('2');
  const cells = page.getByRole('button', { name: /×.*: \d+ segments$/ });
  await expect(cells.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('code-by-source.png'), fullPage: true });
  const label = (await cells.first().getAttribute('aria-label'))!;
  const n = Number(/: (\d+) segments$/.exec(label)![1]);
  await cells.first().click();
  const panel = page.getByRole('region', { name: 'Segments of the selected cell' });
  await expect(panel.getByText(new RegExp(`^${n} segments?`))).toBeVisible();
  await expect(panel.locator('blockquote')).toHaveCount(n);
  // Export: the CSV holds the same count in the same cell.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv.startsWith('\uFEFFLabel,Code,Level,')).toBe(true);
});
