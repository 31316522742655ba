import { writeFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

/**
 * The files researchers really have, through the Sources page: a two-hour interview (150 KB of
 * English, Chinese without spaces and emoji) and a 24 MB text, uploaded together. Both arrive
 * whole, the uploader shows each stage, and the interview opens and can be coded.
 */
const TURNS = [
  'Interviewer: When did you decide to sell abroad, and who helped you at the start?\n',
  'Respondent: 我们最开始是在亚马逊上卖，后来发现平台规则变化太快，所以自己建了独立站，慢慢积累客户。\n',
  'Respondent: Honestly my family 👩‍👩‍👧 carried us in the first year, my mother lent me the money 👍🏽 for the first container.\n',
  'Interviewer: 物流方面遇到过什么困难？\n',
  'Respondent: 物流太慢了，旺季的时候一个柜子要等一个多月，客户投诉很多，我们只好换了海外仓。\n',
];

/** Turns repeated to `bytes` (UTF-8), with a numbered marker line every 50 turns. */
function transcript(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 50 === 0 ? `Interviewer: [part ${i / 50 + 1}]\n` : TURNS[i % TURNS.length];
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return parts.join('');
}

test('a 150 KB interview and a 24 MB text upload together with progress, arrive whole, and the interview is coded', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Scale'));
  await page.getByLabel('Project name').fill('Research-scale study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = page.url().split('/projects/')[1].split('/')[0];
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Sources' }).click();

  const interview = transcript(150 * 1024);
  const big = transcript(24 * 1024 * 1024);
  const interviewPath = testInfo.outputPath('two-hour-interview.txt');
  const bigPath = testInfo.outputPath('field-archive-24mb.txt');
  writeFileSync(interviewPath, interview);
  writeFileSync(bigPath, big);
  expect(Buffer.byteLength(big)).toBeGreaterThan(24 * 1024 * 1024 - 200);

  // Record every status each upload shows, as the user would see them go by.
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __uploadStatuses: typeof seen }).__uploadStatuses = seen;
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('[data-testid="upload-item"]')) {
        const name = item.querySelector('.upload-name')?.textContent ?? '';
        const status = item.querySelector('.upload-status')?.textContent ?? '';
        const list = (seen[name] ??= []);
        if (list.at(-1) !== status) list.push(status);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel('Files to import').setInputFiles([interviewPath, bigPath]);
  await expect(page.getByTestId('upload-summary')).toHaveText('2 of 2 imported', { timeout: 150_000 });
  await page.screenshot({ path: testInfo.outputPath('research-scale-uploaded.png'), fullPage: true });
  const statuses = await page.evaluate(() => (window as unknown as { __uploadStatuses: Record<string, string[]> }).__uploadStatuses);
  for (const name of ['two-hour-interview.txt', 'field-archive-24mb.txt']) {
    // Queued items show "Waiting" until the uploader starts them; then each uploads and is imported.
    expect(['Waiting', 'Uploading']).toContain(statuses[name][0]);
    expect(statuses[name]).toContain('Uploading');
    expect(statuses[name].at(-1)).toBe('Imported');
  }
  // The server's own stages reach the browser for the large file, in order (the short "Saving…"
  // may be drawn in the same frame as "Imported", so it is not required).
  const big24 = statuses['field-archive-24mb.txt'];
  expect(big24).toContain('Counting words…');
  expect(big24.indexOf('Uploading')).toBeLessThan(big24.indexOf('Counting words…'));
  expect(big24.lastIndexOf('Extracting text…')).toBeLessThan(big24.indexOf('Counting words…'));

  // Stored whole: the exact length, in code points, of both files.
  const { sources } = (await (await page.request.get(`/api/projects/${projectId}/sources`)).json()) as { sources: Array<{ id: string; title: string }> };
  const byTitle = Object.fromEntries(sources.map((s) => [s.title, s.id]));
  for (const [title, text] of [
    ['two-hour-interview', interview],
    ['field-archive-24mb', big],
  ] as const) {
    const { source } = (await (await page.request.get(`/api/projects/${projectId}/sources/${byTitle[title]}`)).json()) as { source: { length: number; text: string } };
    expect(source.length).toBe([...text].length);
    expect(source.text === text).toBe(true);
  }

  // Open the interview and code in it.
  await page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: 'two-hour-interview' }).click();
  const doc = page.getByTestId('source-document');
  await expect(doc).toContainText('my mother lent me the money 👍🏽');
  await codeSelection(page, '物流太慢了，旺季的时候一个柜子要等一个多月', 'slow logistics');
  await expect(doc.locator('.gw-coding')).not.toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('research-scale-coded.png') });
  const { codings } = (await (await page.request.get(`/api/projects/${projectId}/sources/${byTitle['two-hour-interview']}/codings`)).json()) as {
    codings: Array<{ start: number; end: number }>;
  };
  expect(codings).toHaveLength(1);
  const at = interview.indexOf('物流太慢了，旺季的时候一个柜子要等一个多月');
  const start = [...interview.slice(0, at)].length;
  expect(codings[0]).toMatchObject({ start, end: start + [...'物流太慢了，旺季的时候一个柜子要等一个多月'].length });
});
