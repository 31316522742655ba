import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

const FIRST = 'Seller: At first we had no reviews, so we sent samples to bloggers. We answer every complaint within a day.';
const SECOND = 'Seller: Samples again: we sent samples to bloggers in every new city we entered.';
const ARTICLE = 'Sellers on marketplaces report that the platform suspended their account without warning, so they diversify channels.';

async function pasteSource(page: Page, title: string, kind: string, text: string) {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  const form = page.getByRole('form', { name: 'Paste text' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
}

async function openSource(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: title, exact: true }).first().click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
}

/** Codes a phrase and waits until the codebook beside the text lists the code (the server answered). */
async function code(page: Page, phrase: string, name: string) {
  await codeSelection(page, phrase, name);
  await expect(page.getByRole('complementary', { name: 'Codebook' }).getByRole('button', { name: new RegExp(`${name} : .* in this source`) })).toBeVisible();
}

/** Waits until the open source has `n` codings stored: reloads and counts the highlighted codings. */
async function expectStoredCodings(page: Page, n: number) {
  const count = () =>
    page.getByTestId('source-document').evaluate((root) => {
      const ids = new Set<string>();
      for (const span of root.querySelectorAll<HTMLElement>('.gw-coding[data-coding-ids]')) for (const id of (span.dataset.codingIds ?? '').split(/\s+/).filter(Boolean)) ids.add(id);
      return ids.size;
    });
  await expect.poll(count).toBe(n);
  await page.reload();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await expect.poll(count).toBe(n);
}

const codeRow = (page: Page, name: string) => page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last();

async function groupIntoCategory(page: Page, concepts: string[], name: string) {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Theory' }).click();
  for (const c of concepts) await codeRow(page, c).getByRole('checkbox').first().check();
  await page.getByLabel('Name of the new category').fill(name);
  await page.getByRole('button', { name: 'Group into new category' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(name);
}

test('mark two sources as a saturation test set, code them, and read the saturation report', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Saturator'));
  await page.getByLabel('Project name').fill('Saturation study');
  await page.getByRole('button', { name: 'Create project' }).click();
  const nav = page.getByRole('navigation', { name: 'Project' });

  // The main sample: one interview coded, its concepts grouped into a category.
  await pasteSource(page, 'Interview 01', 'interview', FIRST);
  await code(page, 'we sent samples to bloggers', 'seeding reviews');
  await code(page, 'We answer every complaint within a day', 'fast complaint handling');
  await expectStoredCodings(page, 2);
  await groupIntoCategory(page, ['seeding reviews', 'fast complaint handling'], 'Substituting for reputation');

  // Two more sources, not coded yet: they become the test set.
  await pasteSource(page, 'Interview 02', 'interview', SECOND);
  await pasteSource(page, 'Article 01', 'literature', ARTICLE);

  await nav.getByRole('link', { name: 'Saturation' }).click();
  await expect(page.getByRole('heading', { name: 'Saturation', level: 1 })).toBeVisible();
  const chooser = page.getByRole('list', { name: 'Sources for the test set' });
  await chooser.getByLabel(/Interview 02/).check();
  await chooser.getByLabel(/Article 01/).check();
  await page.getByRole('button', { name: 'Mark as test set and take snapshot' }).click();
  const verdict = page.getByTestId('holdout-verdict');
  await expect(verdict).toHaveText('2 test sources (1 article, 1 interview) added no new categories, relations or concepts. Note: 2 test sources are not coded yet.');

  // Code the test sources after the snapshot: the interview only with a known concept, the
  // article with a new concept that becomes a new category.
  await openSource(page, 'Interview 02');
  await code(page, 'we sent samples to bloggers', 'seeding reviews');
  await expectStoredCodings(page, 1);
  await openSource(page, 'Article 01');
  await code(page, 'the platform suspended their account', 'account suspension');
  await expectStoredCodings(page, 1);
  await groupIntoCategory(page, ['account suspension'], 'Platform dependence');

  await nav.getByRole('link', { name: 'Saturation' }).click();
  await expect(verdict).toHaveText(/^2 test sources \(1 article, 1 interview\) added 1 new category \(B\d Platform dependence\) and no new relations\.$/);
  const perSource = page.getByRole('list', { name: 'New in each test source' });
  const interview = perSource.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Interview 02/ }) });
  const article = perSource.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Article 01/ }) });
  await expect(interview).toContainText('Nothing new.');
  await expect(article).toContainText(/New category B\d Platform dependence/);
  await expect(article).toContainText(/New concept C\d account suspension — under B\d Platform dependence/);
  // Links lead to the code and the source.
  await expect(article.getByRole('link', { name: /Platform dependence/ }).first()).toHaveAttribute('href', /\/codes\//);
  await expect(article.getByRole('link', { name: 'Article 01' })).toHaveAttribute('href', /\/sources\//);

  // The emergence curve: three sources in coding order, the last two shaded as test sources.
  await expect(page.getByRole('img', { name: /Emergence curve/ })).toBeVisible();
  await expect(page.getByTestId('test-band')).toHaveCount(2);
  await page.getByText('New codes per source (table)').click();
  const rows = page.getByTestId('emergence-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Interview 01');
  await expect(rows.nth(0).locator('td').last()).toHaveText('2 / 1 / 0');
  await expect(rows.nth(2).locator('td').last()).toHaveText('3 / 2 / 0');
  // Guest et al. need base + run = 6 sources; with 3 they say so.
  await expect(page.getByTestId('guest-sentence')).toHaveText('Not reached (base 4, run 2, ≤ 5 %)');
  // Thin categories: each category rests on one source.
  await expect(page.getByTestId('thin-categories')).toContainText('Platform dependence');

  await page.getByRole('heading', { name: 'Emergence curve' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('saturation-emergence.png'), fullPage: false });
  const section = (name: string) => page.locator('section', { has: page.getByRole('heading', { name, level: 2 }) });
  // The sticky page header would cover the top of an element screenshot.
  const style = 'header { visibility: hidden !important; }';
  await section('Hold-out saturation test').screenshot({ path: testInfo.outputPath('saturation-report.png'), style });
  await section('Guest, Namey & Chen (2020) assessment').screenshot({ path: testInfo.outputPath('saturation-guest.png'), style });

  // Adjusted parameters: base 1 (2 codes), run 1: source 2 adds 0 of 2 (0 %) → reached at source 1; source 3 adds 1 (50 %).
  await page.getByLabel('Base size').fill('1');
  await page.getByLabel('Run length').fill('1');
  await page.getByRole('button', { name: 'Recalculate' }).click();
  await expect(page).toHaveURL(/base=1&run=1&threshold=5/);
  await expect(page.getByTestId('guest-runs').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('guest-sentence')).toHaveText('Saturation reached at source 1 of 3 (base 1, run 1, ≤ 5 %)');
  await expect(page.getByTestId('guest-later')).toContainText('source 3 (50.0 %)');
  await section('Guest, Namey & Chen (2020) assessment').screenshot({ path: testInfo.outputPath('saturation-guest-runs.png'), style });

  // The stored data: the test set and the report through the JSON API; the CSV export.
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const json = await (await page.request.get(`/api/projects/${projectId}/saturation`)).json();
  expect(json.report.testSourceIds).toHaveLength(2);
  expect(json.report.holdOut.sources.map((s: { title: string }) => s.title)).toEqual(['Interview 02', 'Article 01']);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export report (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toMatch(/hold-out,1,Interview 02,interview,true,nothing new/);
  expect(csv).toMatch(/hold-out,2,Article 01,literature,true,new category,B\d,Platform dependence/);
  const docx = await page.request.get(`/api/projects/${projectId}/saturation/export?format=docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()['content-type']).toContain('wordprocessingml');
  const documentXml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']);
  expect(documentXml).toMatch(/2 test sources \(1 article, 1 interview\) added 1 new category \(B\d Platform dependence\) and no new relations\./);
});
