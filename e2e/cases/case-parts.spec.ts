import { expect, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { selectText } from '../fixtures/select-text';
import { newUser, signUp } from '../fixtures/users';

// A focus group with two speakers, each a case of their own.
const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Anna>I love the little shop on the corner.</v>',
  '',
  '00:00:04.500 --> 00:00:08.000',
  '<v Ben>The prices are too high for me.</v>',
  '',
  '00:00:08.500 --> 00:00:11.000',
  '<v Anna>We share photos of it with friends.</v>',
  '',
].join('\n');

test('a focus group’s two speakers become two cases; the case matrix counts each speaker’s coding', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Parter'));
  await page.getByLabel('Project name').fill('Focus groups');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const nav = page.getByRole('navigation', { name: 'Project' });

  // Upload the transcript and code one phrase of each speaker with the same code.
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByLabel('Files to import').setInputFiles([{ name: 'focus-group-1.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT, 'utf8') }]);
  await expect(page.getByTestId('upload-summary')).toHaveText('1 of 1 imported', { timeout: 30_000 });
  await page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: /focus-group-1/i }).first().click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await codeSelection(page, 'I love the little shop', 'shop talk');
  // The same code again, through the selection bar's last-code button.
  await selectText(page.getByTestId('source-document'), 'prices are too high');
  await page.getByTestId('selection-bar').getByRole('button', { name: /shop talk/ }).click();
  await expect(page.getByText('2 codings')).toBeVisible();

  // Two cases, created on the Cases page.
  await page.goto(`/projects/${projectId}/cases`);
  for (const name of ['Anna', 'Ben']) {
    await page.getByLabel('Case identifier').fill(name);
    await page.getByRole('button', { name: 'Create case', exact: true }).click();
    await expect(page.getByText(`Created the case “${name}”.`)).toBeVisible();
  }

  // Each speaker into their case: choose the transcript, then the speaker.
  for (const name of ['Anna', 'Ben']) {
    const row = page.getByTestId('case').filter({ hasText: new RegExp(`^${name} ·`) });
    await row.getByRole('button', { name: 'Add a speaker' }).click();
    const form = row.getByRole('form', { name: `Add a speaker to ${name}` });
    await form.getByLabel('Transcript').selectOption({ label: 'focus-group-1' });
    await expect(form.getByLabel('Speaker')).toBeVisible();
    await expect(form.getByLabel('Speaker').locator('option')).toHaveText(['Anna (2 turns)', 'Ben (1 turn)']);
    await form.getByLabel('Speaker').selectOption(name);
    await form.getByRole('button', { name: 'Add speaker' }).click();
    await expect(row.getByTestId('case-part')).toHaveText([`focus-group-1 — speaker “${name}”×`]);
  }
  await expect(page.getByRole('list', { name: 'Parts of sources in Anna' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('case-parts.png'), fullPage: true });

  // The case matrix at the concept level: one segment for each speaker's case.
  await page.getByRole('link', { name: 'Case comparison matrix' }).click();
  await page.getByLabel('Codes at level').selectOption('1');
  await expect(page).toHaveURL(/level=1/);
  const matrix = page.getByRole('table', { name: 'Case comparison matrix' });
  await expect(matrix.getByRole('button', { name: /^Anna × .*shop talk: 1 segments?$/ })).toHaveText('1');
  await expect(matrix.getByRole('button', { name: /^Ben × .*shop talk: 1 segments?$/ })).toHaveText('1');
  await page.screenshot({ path: testInfo.outputPath('case-parts-matrix.png'), fullPage: true });

  // The workbench: "Assign to case…" makes a selected passage part of a case.
  await page.goto(`/projects/${projectId}/sources`);
  await page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: /focus-group-1/i }).first().click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true');
  await selectText(page.getByTestId('source-document'), 'We share photos');
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Assign to case…' }).click();
  const dialog = page.getByTestId('assign-to-case');
  await dialog.getByLabel('Case').selectOption({ label: 'Ben' });
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(dialog.getByRole('status')).toContainText('to Ben.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto(`/projects/${projectId}/cases`);
  const ben = page.getByTestId('case').filter({ hasText: /^Ben ·/ });
  await expect(ben.getByTestId('case-part')).toHaveCount(2);
  await expect(ben.getByTestId('case-part').filter({ hasText: 'characters' })).toHaveCount(1);
});
