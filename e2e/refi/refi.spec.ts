import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { signIn } from '../fixtures/users';

/**
 * REFI-QDA round trip through the UI on the seeded demo project: export it as .qdpx from the
 * overview, import the file as a new project from the projects page (the preview shows what the
 * file holds; confirm), then compare the Theory table of both projects. The copy gets a name of
 * its own so other tests that open the demo project by name never see two.
 */
test('export the demo project as .qdpx, import it as a new project, same Theory table', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole('link', { name: /Cross-border e-commerce marketing/ }).first().click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const originalUrl = page.url();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('refi-export-qdpx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  await page.goto('/projects');
  await page.getByTestId('refi-file').setInputFiles(file);
  const preview = page.getByTestId('refi-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('heading', { name: /Cross-border e-commerce marketing/ })).toBeVisible();
  await expect(preview).toContainText('written by Groundwork');
  for (const key of ['sources', 'codes', 'codings']) expect(Number(await page.getByTestId(`refi-count-${key}`).textContent())).toBeGreaterThan(0);
  await expect(preview.getByLabel('As recorded by Groundwork')).toBeChecked();
  await expect(preview.getByRole('combobox', { name: 'Dana Demo becomes' })).toHaveValue('me');
  await expect(preview.getByRole('combobox', { name: 'Lin Wei becomes' })).toHaveValue('placeholder');
  const copyName = `REFI copy ${randomUUID().slice(0, 8)}`;
  await preview.getByLabel('Name of the new project').fill(copyName);
  await page.screenshot({ path: testInfo.outputPath('refi-preview.png'), fullPage: true });
  await page.getByTestId('refi-confirm').click();
  await expect(page).toHaveURL(/\/projects\/[^/?]+\?imported=1$/, { timeout: 60_000 });
  await expect(page.getByTestId('project-name')).toHaveText(copyName);
  await page.screenshot({ path: testInfo.outputPath('refi-imported.png'), fullPage: true });
  const copyUrl = page.url().replace(/\?.*$/, '');

  // The theory columns of the Theory table, as text. Survey links (mixed methods) are not part of
  // REFI-QDA (datasets are not exported), so their column and markers are left out.
  const theoryTable = async (projectUrl: string) => {
    await page.goto(`${projectUrl}/hierarchy/table`);
    const table = page.getByTestId('hierarchy-table');
    await expect(table).toBeVisible();
    return table.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      const heads = [...copy.querySelectorAll('thead th')];
      if (heads.at(-1)?.textContent?.includes('Linked constructs')) {
        heads.at(-1)!.remove();
        for (const tr of copy.querySelectorAll('tbody tr')) tr.lastElementChild?.remove();
      }
      return [...copy.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/↔/g, '').replace(/\s+/g, ' ').trim()).join(' | '));
    });
  };
  const original = await theoryTable(originalUrl);
  const copy = await theoryTable(copyUrl);
  await page.screenshot({ path: testInfo.outputPath('refi-copy-theory-table.png'), fullPage: true });
  expect(original.length).toBeGreaterThan(5);
  expect(copy).toEqual(original);

  // The imported coder is listed on the Team page for the owner to assign.
  await page.goto(`${copyUrl}/team`);
  await expect(page.getByRole('region', { name: 'Imported coders' }).getByRole('cell', { name: 'Lin Wei' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('refi-team-imported-coders.png'), fullPage: true });
});
