import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';

import { newUser, signUp } from '../fixtures/users';
import { codeSelection } from '../fixtures/code-selection';
import { selectText } from '../fixtures/select-text';

const fixture = (name: string) => join(process.cwd(), 'lib/io/fixtures', name);

/** coding id → its highlighted text, read from the decorations in document order. */
async function highlights(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-testid="source-document"]').evaluate((root) => {
    const out: Record<string, string> = {};
    for (const span of root.querySelectorAll<HTMLElement>('.gw-coding[data-coding-ids]')) {
      for (const id of (span.dataset.codingIds ?? '').split(/\s+/).filter(Boolean)) out[id] = (out[id] ?? '') + (span.textContent ?? '');
    }
    return out;
  });
}

test('code three segments (overlapping, emoji, Chinese), reload at the same characters, export CSV', async ({ page }, testInfo) => {
  const user = newUser('Coder');
  await signUp(page, user);
  await page.getByLabel('Project name').fill('Returning entrepreneurs');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByLabel('Files to import').setInputFiles([fixture('interview.docx'), fixture('article.pdf')]);
  await expect(page.getByTestId('upload-summary')).toHaveText('2 of 2 imported', { timeout: 30_000 });
  await page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: /returning entrepreneur/i }).click();
  await expect(page.getByTestId('source-document')).toContainText('My mother lent me the money');

  await codeSelection(page, 'My mother lent me the money 👍🏽', 'family support');
  await codeSelection(page, 'lent me the money', 'financing');
  // The third one in vivo: the selected Chinese words become the code's name.
  await selectText(page.getByTestId('source-document'), '我在上海工作了十年');
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await page.getByTestId('selection-bar').getByRole('button', { name: /in vivo/i }).click();

  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await expect(codebook).toContainText('family support');
  await expect(codebook).toContainText('financing');
  await expect(codebook).toContainText('我在上海工作了十年');
  await expect.poll(async () => Object.keys(await highlights(page)).length).toBe(3);
  const before = await highlights(page);
  await page.screenshot({ path: testInfo.outputPath('workbench-coded.png') });

  await page.reload();
  await expect.poll(async () => Object.keys(await highlights(page)).length).toBe(3);
  const after = await highlights(page);
  expect(after).toEqual(before);
  expect(Object.values(after).sort()).toEqual(['lent me the money', 'My mother lent me the money 👍🏽', '我在上海工作了十年'].sort());
  await expect(page.locator('.gw-coding--overlap')).toContainText('lent me the money');

  // The CSV export has the three rows at code-point offsets of the stored text.
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const csv = await page.request.get(`/api/projects/${projectId}/exports/coded-segments?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toContain('.csv');
  const parsed = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  // .docx paragraphs are one line each (issue 14, item 5).
  const stored = 'Interview 3: returning entrepreneur\nInterviewer: How did you start?\nParticipant: My mother lent me the money 👍🏽 and we opened in 2019.\nSecond part\n受访者：我在上海工作了十年。';
  const cp = (s: string) => [...s].length;
  const expected = [
    { Segment: 'My mother lent me the money 👍🏽', Code: 'family support' },
    { Segment: 'lent me the money', Code: 'financing' },
    { Segment: '我在上海工作了十年', Code: '我在上海工作了十年' },
  ].map((e) => {
    const at = stored.indexOf(e.Segment);
    return { ...e, Start: String(cp(stored.slice(0, at))), End: String(cp(stored.slice(0, at)) + cp(e.Segment)), Coder: user.name, Kind: 'Interview' };
  });
  const rows = parsed.data.map((r) => ({ Segment: r.Segment, Code: r.Code, Start: r.Start, End: r.End, Coder: r.Coder, Kind: r.Kind }));
  expect(rows.sort((a, b) => Number(a.Start) - Number(b.Start) || a.Code.localeCompare(b.Code))).toEqual(
    expected.sort((a, b) => Number(a.Start) - Number(b.Start) || a.Code.localeCompare(b.Code)),
  );
});
