import { expect, type Page, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

/**
 * Full-text search: a Chinese phrase found across sources (no spaces, no word segmentation),
 * all hits coded with one code after a confirmation that counts them (one hit the user had
 * already coded is skipped), the codings checked on the code's page and in the stored rows,
 * and a hit opened in the workbench's find bar.
 */

const INTERVIEW = ['访谈一', '卖家：我们信任平台，但物流太慢。', '买家：我不太信任平台的评价。'].join('\n');
const FIELD_NOTE = '田野笔记：大家都说信任平台很重要。\n另一段没有关键词。';
const OTHER = 'An English note about trust and shipping.';
const PHRASE = '信任平台';

/** Code point offsets of every occurrence of `phrase` in `text`. */
function occurrences(text: string, phrase: string): Array<{ start: number; end: number }> {
  const cps = [...text];
  const p = [...phrase];
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + p.length <= cps.length; i++) if (p.every((c, k) => cps[i + k] === c)) out.push({ start: i, end: i + p.length });
  return out;
}

async function post<T>(page: Page, path: string, data: unknown, headers?: Record<string, string>): Promise<T> {
  const response = await page.request.post(path, { data: data as never, headers });
  expect(response.status(), `POST ${path}`).toBe(201);
  return (await response.json()) as T;
}

test('search a Chinese phrase across sources, code all hits after a confirmation, open a hit in the find bar', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, newUser('Searcher'));
  const { project } = await post<{ project: { id: string } }>(page, '/api/projects', { name: 'Platform trust study' });
  const base = `/api/projects/${project.id}`;
  const upload = async (name: string, text: string) =>
    (await post<{ source: { id: string } }>(page, `${base}/sources`, Buffer.from(text), { 'x-file-name': encodeURIComponent(name), 'content-type': 'text/plain' })).source.id;
  const interview = await upload('访谈一.txt', INTERVIEW);
  const fieldNote = await upload('田野笔记.txt', FIELD_NOTE);
  const other = await upload('english note.txt', OTHER);
  const { code } = await post<{ code: { id: string } }>(page, `${base}/codes`, { name: '平台信任' });
  // The first hit is already coded with this code by this user: it must be skipped, not doubled.
  const interviewHits = occurrences(INTERVIEW, PHRASE);
  expect(interviewHits).toHaveLength(2);
  await post(page, `${base}/sources/${interview}/codings`, { codeId: code.id, ...interviewHits[0] });

  await page.goto(`/projects/${project.id}`);
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search for').fill(PHRASE);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-summary')).toHaveText(`3 hits for “${PHRASE}” in 2 of 3 sources`);
  const results = page.getByTestId('search-results');
  const interviewGroup = results.locator(`section[data-source-id="${interview}"]`);
  await expect(interviewGroup.getByRole('listitem')).toHaveCount(2);
  await expect(interviewGroup.locator('mark')).toHaveText([PHRASE, PHRASE]);
  // Context stays within the hit's paragraph.
  await expect(interviewGroup.getByRole('listitem').first()).toHaveText(`卖家：我们${PHRASE}，但物流太慢。`);
  await expect(results.locator(`section[data-source-id="${fieldNote}"] mark`)).toHaveText([PHRASE]);
  await page.screenshot({ path: testInfo.outputPath('search-page.png'), fullPage: true });

  // Code all hits: the confirmation counts what will be created, and where.
  const panel = page.getByTestId('code-hits');
  await panel.getByLabel('Code to apply').selectOption(code.id);
  await panel.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByTestId('code-hits-plan')).toHaveText('This will create 2 codings in 2 sources; 1 already coded by you is skipped.');
  await page.screenshot({ path: testInfo.outputPath('code-all-hits-confirm.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Create 2 codings' }).click();
  await expect(panel.getByRole('status')).toHaveText('Created 2 codings of “平台信任” in 2 sources (1 already coded, skipped).');

  // The stored rows: exactly the hits, once each.
  const stored = async (sourceId: string) => {
    const res = await page.request.get(`${base}/sources/${sourceId}/codings`);
    const { codings } = (await res.json()) as { codings: Array<{ codeId: string; start: number; end: number }> };
    return codings.filter((c) => c.codeId === code.id).map(({ start, end }) => ({ start, end }));
  };
  expect(await stored(interview)).toEqual(interviewHits);
  expect(await stored(fieldNote)).toEqual(occurrences(FIELD_NOTE, PHRASE));

  // The code's page lists the three segments.
  await page.goto(`/projects/${project.id}/codes/${code.id}`);
  await expect(page.locator('.page-header p')).toHaveText('concept · 3 segments in 2 sources');
  await expect(page.getByTestId('segment')).toHaveCount(3);
  for (const s of await page.getByTestId('segment').all()) await expect(s).toContainText(PHRASE);

  // A hit opens in the workbench on that hit, with the find bar counting.
  await page.goto(`/projects/${project.id}/search?q=${encodeURIComponent(PHRASE)}`);
  await page.getByRole('link', { name: `Hit 2 of 2 in 访谈一: ${PHRASE}` }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  const bar = page.getByTestId('find-bar');
  await expect(bar.getByRole('searchbox')).toHaveValue(PHRASE);
  await expect(bar.getByTestId('find-count')).toHaveText('2 of 2');
  await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('gw-find')?.size ?? 0)).toBe(2);
  await bar.getByRole('button', { name: 'Next hit' }).click();
  await expect(bar.getByTestId('find-count')).toHaveText('1 of 2');
  await page.screenshot({ path: testInfo.outputPath('find-bar.png') });

  // Ctrl+F in another source: case and width are ignored.
  await page.goto(`/projects/${project.id}/sources/${other}`);
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+f');
  const box = page.getByTestId('find-bar').getByRole('searchbox');
  await expect(box).toBeFocused();
  await box.fill('ＴＲＵＳＴ');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await box.fill('信任');
  await expect(page.getByTestId('find-count')).toHaveText('No hits');
  await box.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  // The toolbar's Find button opens it too.
  await page.getByRole('toolbar', { name: 'Coding view' }).getByRole('button', { name: 'Find' }).click();
  await expect(page.getByTestId('find-bar').getByRole('searchbox')).toBeFocused();
});
