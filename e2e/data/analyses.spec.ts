import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

import { runAnalysis } from '@/lib/cli/run';
import { parseCsv } from '@/lib/stats/frame';

import { newUser, signUp } from '../fixtures/users';

// The golden survey of the mediation tests (420 rows, missing values in tl and others).
const CSV_PATH = join(process.cwd(), 'lib/stats/golden/mediate-survey.csv');
const CSV = readFileSync(CSV_PATH);
const frame = () => parseCsv(CSV.toString('utf8'));

type Coef = { term: string; estimate: number; se: number; t: number; p: number; beta?: number };
type Saved = { id: string; kind: string; options: string[]; result: Record<string, unknown> };

/** "0.27", "−0.01": a number as the APA/econ tables write unbounded statistics. */
const fmt = (v: number, d: number) => {
  const s = Math.abs(v).toFixed(d);
  return Number(s) === 0 || v >= 0 ? s : `−${s}`;
};
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

async function createProjectWithDataset(page: Page): Promise<{ projectId: string; datasetId: string; versionId: string }> {
  await signUp(page, newUser('Analyst'));
  await page.getByLabel('Project name').fill('Engagement survey');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];
  const response = await page.request.post(`/api/projects/${projectId}/datasets?name=Survey`, {
    data: CSV,
    headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'mediate-survey.csv' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { dataset } = (await response.json()) as { dataset: { id: string; versionId: string } };
  return { projectId, datasetId: dataset.id, versionId: dataset.versionId };
}

async function saved(page: Page, projectId: string, analysisId: string): Promise<Saved> {
  const response = await page.request.get(`/api/projects/${projectId}/analyses/${analysisId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { analysis: Saved }).analysis;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** Rows of the first table of a .docx as cell texts (runs joined: "0.27" + "***" → "0.27***"). */
function docxRows(bytes: Buffer): string[][] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .trim();
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0])));
}

/** Rows of the first worksheet as [text of column A, numbers of the row with their decimals]. */
async function xlsxRows(bytes: Buffer): Promise<Array<{ label: string; numbers: Array<{ value: number; decimals: number }> }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: Array<{ label: string; numbers: Array<{ value: number; decimals: number }> }> = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const label = String(row.getCell(1).value ?? '').trim();
    const numbers: Array<{ value: number; decimals: number }> = [];
    row.eachCell((cell, col) => {
      if (col > 1 && typeof cell.value === 'number') numbers.push({ value: cell.value, decimals: /0\.(0+)/.exec(cell.numFmt ?? '')?.[1].length ?? /\.(0+)/.exec(cell.numFmt ?? '')?.[1].length ?? 0 });
    });
    rows.push({ label, numbers });
  });
  return rows;
}

test('hierarchical OLS and bootstrap mediation from the form; a 3-model comparison; DOCX/XLSX numbers equal the engine', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const { projectId, datasetId } = await createProjectWithDataset(page);
  const base = `/projects/${projectId}/data/${datasetId}/analyses`;

  // 1. Hierarchical OLS: controls in block 1, tl and empower in block 2.
  await page.goto(`${base}/new?kind=ols`);
  await expect(page.getByRole('heading', { name: 'Linear regression (OLS)' })).toBeVisible();
  await page.getByLabel('Hierarchical regression').check();
  await page.getByLabel('Outcome (Y)').selectOption('engage');
  for (const v of ['age', 'female', 'tenure']) await page.getByLabel('Block 1: add a variable').selectOption(v);
  for (const v of ['tl', 'empower']) await page.getByLabel('Block 2: add a variable').selectOption(v);
  await page.getByLabel('Title').fill('Engagement: hierarchical regression');
  await expect(page.getByTestId('cli-line')).toContainText('--y engage --block age,female,tenure --block tl,empower');
  await page.screenshot({ path: testInfo.outputPath('ols-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/(?!new)[^/?]+$`), { timeout: 30_000 });
  await expect(page.getByTestId('analysis-title')).toHaveText('Engagement: hierarchical regression');
  const hierId = new URL(page.url()).pathname.split('/').pop()!;
  const table = page.getByTestId('pub-table');
  await expect(table).toContainText('Step 2');
  await expect(table).toContainText('ΔR²');
  await expect(page.getByTestId('analysis-version')).toContainText('Dataset version 1');
  await page.screenshot({ path: testInfo.outputPath('ols-hierarchical-apa.png'), fullPage: true });
  await page.getByRole('radio', { name: 'Econometrics' }).click();
  await expect(table).toContainText('(2)');
  await expect(table).toContainText('Observations');
  await page.screenshot({ path: testInfo.outputPath('ols-hierarchical-econ.png'), fullPage: true });

  // Its DOCX and XLSX (APA, 2 decimals) hold the engine's numbers for the same spec.
  const hier = await saved(page, projectId, hierId);
  expect(hier.options).toEqual(['--y', 'engage', '--block', 'age,female,tenure', '--block', 'tl,empower']);
  const engineOls = runAnalysis('ols', frame(), hier.options) as { coefficients: Coef[]; r2: number; n: number };
  await page.getByRole('radio', { name: 'APA 7' }).click();
  const [olsDocx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word (DOCX)' }).click()]);
  expect(olsDocx.suggestedFilename()).toMatch(/\.docx$/);
  const docRows = docxRows(await bytesOf(olsDocx));
  for (const c of engineOls.coefficients) {
    const label = c.term === '(Intercept)' ? 'Intercept' : c.term;
    const row = docRows.filter((r) => r[0] === label).at(-1); // the final step
    expect(row, `row ${label}`).toBeDefined();
    expect(row![1].replace(/\*+$/, '')).toBe(fmt(c.estimate, 2)); // B (stars follow)
    expect(row![2]).toBe(fmt(c.se, 2)); // SE
    expect(row![row!.length - 2]).toBe(fmt(c.t, 2)); // t
  }
  expect(docRows.find((r) => r[0] === 'N')?.[1]).toBe(String(engineOls.n));
  const [olsXlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
  const sheet = await xlsxRows(await bytesOf(olsXlsx));
  for (const c of engineOls.coefficients) {
    const label = c.term === '(Intercept)' ? 'Intercept' : c.term;
    const row = sheet.filter((r) => r.label === label).at(-1)!;
    expect(round(row.numbers[0].value, 2)).toBe(round(c.estimate, 2));
    expect(row.numbers[0].decimals).toBe(2);
    expect(round(row.numbers[1].value, 2)).toBe(round(c.se, 2));
    // Full precision is stored; only the format rounds.
    expect(row.numbers[0].value).toBeCloseTo(c.estimate, 10);
  }
  expect(round(sheet.filter((r) => r.label === 'R²').at(-1)!.numbers[0].value, 2)).toBe(round(engineOls.r2, 2));

  // "Copy as R script": the script reads the CSV of the version the analysis ran on.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as R script' }).click();
  const script = page.getByLabel('R script');
  await expect(script).toHaveValue(/Survey-v1\.csv/);
  await expect(script).toHaveValue(/lm\(/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the data (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toBe('Survey-v1.csv');
  expect((await bytesOf(csv)).toString('utf8').split(/\r?\n/)[0].replace(/^\uFEFF/, '')).toBe(CSV.toString('utf8').split(/\r?\n/)[0]);

  // 2. Mediation with 5,000 bootstrap draws: the progress text counts the draws.
  await page.goto(`${base}/new?kind=mediate`);
  await page.getByLabel('Outcome (Y)').selectOption('engage');
  await page.getByLabel('Predictor (X)').selectOption('tl');
  await page.getByLabel('Mediators (M): add a variable').selectOption('empower');
  await expect(page.getByLabel('Bootstrap draws')).toHaveValue('5000');
  // Record what the progress line says while the run streams (it changes faster than expect polls).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    setInterval(() => {
      const t = document.querySelector('[data-testid="run-progress-text"]')?.textContent;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }, 10);
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/(?!new)[^/?]+$`), { timeout: 60_000 });
  const progressTexts = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progressTexts.some((t) => /^[\d,]+ of 5,000 bootstrap draws$/.test(t)), progressTexts.join(' | ')).toBe(true);
  const medId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByTestId('pub-table')).toContainText('tl → empower → engage');
  await page.screenshot({ path: testInfo.outputPath('mediation-apa.png'), fullPage: true });
  await page.getByRole('radio', { name: 'Econometrics' }).click();
  await page.screenshot({ path: testInfo.outputPath('mediation-econ.png'), fullPage: true });

  const med = await saved(page, projectId, medId);
  expect(med.options).toEqual(['--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '5000', '--seed', '1']);
  type Path = { estimate: number; se: number; t: number };
  const engineMed = runAnalysis('mediate', frame(), med.options) as { mediators: Array<{ a: Path; b: Path }>; c: Path; cPrime: Path; indirect: { estimate: number; bootSe: number; ciLower: number; ciUpper: number } };
  // Same seed, same draws: the saved bootstrap CI is the engine's.
  expect((med.result as typeof engineMed).indirect.ciLower).toBeCloseTo(engineMed.indirect.ciLower, 12);
  const [medDocx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word (DOCX)' }).click()]);
  const medRows = docxRows(await bytesOf(medDocx));
  const rowStarting = (prefix: string) => medRows.find((r) => r[0].startsWith(prefix))!;
  const d = 3; // econometrics style: 3 decimals
  expect(rowStarting('a (')[1].replace(/\*+$/, '')).toBe(fmt(engineMed.mediators[0].a.estimate, d));
  expect(rowStarting('b (')[1].replace(/\*+$/, '')).toBe(fmt(engineMed.mediators[0].b.estimate, d));
  expect(rowStarting('c′ (')[1].replace(/\*+$/, '')).toBe(fmt(engineMed.cPrime.estimate, d));
  expect(rowStarting('c (')[1].replace(/\*+$/, '')).toBe(fmt(engineMed.c.estimate, d));
  const ind = rowStarting('tl → empower → engage');
  expect(ind.slice(1).filter(Boolean)).toEqual([fmt(engineMed.indirect.estimate, d), fmt(engineMed.indirect.bootSe, d), fmt(engineMed.indirect.ciLower, d), fmt(engineMed.indirect.ciUpper, d)]);
  const [medXlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
  const medSheet = await xlsxRows(await bytesOf(medXlsx));
  const indRow = medSheet.find((r) => r.label.startsWith('tl → empower → engage'))!;
  expect(indRow.numbers.map((n) => round(n.value, d))).toEqual([engineMed.indirect.estimate, engineMed.indirect.bootSe, engineMed.indirect.ciLower, engineMed.indirect.ciUpper].map((v) => round(v, d)));

  // 3. Two more models through the API, then a 3-model comparison table from the list.
  const post = async (kind: string, options: string[], title: string) => {
    const r = await page.request.post(`/api/projects/${projectId}/datasets/${datasetId}/analyses`, { data: { kind, options, title } });
    expect(r.status(), await r.text()).toBe(201);
    return ((await r.json()) as { analysis: Saved }).analysis;
  };
  const robust = await post('ols', ['--y', 'engage', '--x', 'tl,empower,age,female,tenure', '--se', 'hc3'], 'Engagement, HC3');
  const median = await post('qreg', ['--y', 'engage', '--x', 'tl,empower,age,female,tenure', '--tau', '0.5'], 'Engagement, median');
  await page.goto(`${base}/compare`);
  await page.getByLabel('Engagement: hierarchical regression').check();
  await page.getByLabel('Engagement, HC3').check();
  await page.getByLabel('Engagement, median').check();
  await page.getByRole('button', { name: 'Compare 3 models' }).click();
  await expect(page).toHaveURL(new RegExp(`ids=${hierId},${robust.id},${median.id}`));
  const comparison = page.getByTestId('comparison-table');
  for (const h of ['(1)', '(2)', '(3)', 'Observations', 'R²', 'Constant', '* p<0.1, ** p<0.05, *** p<0.01']) await expect(comparison).toContainText(h);
  await expect(comparison).not.toContainText('ΔR²'); // steps' changes do not belong between different models
  await page.screenshot({ path: testInfo.outputPath('comparison-econ.png'), fullPage: true });

  const [cmpDocx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word (DOCX)' }).click()]);
  const cmpRows = docxRows(await bytesOf(cmpDocx));
  const engines = [engineOls, runAnalysis('ols', frame(), robust.options), runAnalysis('qreg', frame(), median.options)] as Array<{ coefficients?: Coef[]; quantiles?: Array<{ coefficients: Coef[] }> }>;
  const coefsOf = (e: (typeof engines)[number]): Coef[] => e.coefficients ?? e.quantiles?.[0]?.coefficients ?? [];
  for (const term of ['tl', 'empower', '(Intercept)']) {
    const i = cmpRows.findIndex((r) => r[0] === (term === '(Intercept)' ? 'Constant' : term));
    expect(i, term).toBeGreaterThan(0);
    engines.forEach((e, k) => {
      const c = coefsOf(e).find((x) => x.term === term)!;
      expect(cmpRows[i][k + 1].replace(/\*+$/, ''), `${term} (${k + 1})`).toBe(fmt(c.estimate, 3));
      expect(cmpRows[i + 1][k + 1], `${term} SE (${k + 1})`).toBe(`(${fmt(c.se, 3)})`);
    });
  }
  const [cmpXlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
  const cmpSheet = await xlsxRows(await bytesOf(cmpXlsx));
  const tlRow = cmpSheet.find((r) => r.label === 'tl')!;
  expect(tlRow.numbers.map((n) => round(n.value, 3))).toEqual(engines.map((e) => round(coefsOf(e).find((x) => x.term === 'tl')!.estimate, 3)));

  await page.getByRole('radio', { name: 'APA 7' }).click();
  await expect(comparison).toContainText('Model 3');
  await page.screenshot({ path: testInfo.outputPath('comparison-apa.png'), fullPage: true });

  // LaTeX, CSV and HTML exports answer with their types.
  for (const [format, type] of [
    ['tex', 'application/x-tex'],
    ['csv', 'text/csv'],
    ['html', 'text/html'],
  ] as const) {
    const r = await page.request.get(`/api/projects/${projectId}/analyses/compare/export?ids=${hierId},${robust.id},${median.id}&format=${format}&style=econ&decimals=3`);
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toContain(type);
  }
  // A mediation is not a column of a comparison; bad decimals are refused.
  expect((await page.request.get(`/api/projects/${projectId}/analyses/compare/export?ids=${hierId},${medId}&format=csv`)).status()).toBe(400);
  expect((await page.request.get(`/api/projects/${projectId}/analyses/${hierId}/export?format=csv&decimals=9`)).status()).toBe(400);
});

test('a long bootstrap can be cancelled and nothing is saved; form errors are explained; a stale analysis re-runs on the new version', async ({ page }, testInfo) => {
  const { projectId, datasetId, versionId } = await createProjectWithDataset(page);
  const base = `/projects/${projectId}/data/${datasetId}/analyses`;
  await page.goto(`${base}/new?kind=mediate`);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-error')).toHaveText('Choose a variable for “Outcome (Y)”.');
  await page.getByLabel('Outcome (Y)').selectOption('engage');
  await page.getByLabel('Predictor (X)').selectOption('tl');
  await page.getByLabel('Mediators (M): add a variable').selectOption('empower');
  await page.getByLabel('Bootstrap draws').fill('100000');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-progress-text')).toContainText('of 100,000 bootstrap draws', { timeout: 30_000 });
  // The page stays responsive while the run streams.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-error')).toHaveText('Cancelled: nothing was saved.');
  await expect(page).toHaveURL(new RegExp(`${base}/new\\?kind=mediate$`));
  const list = await page.request.get(`/api/projects/${projectId}/datasets/${datasetId}/analyses`);
  expect(((await list.json()) as { analyses: unknown[] }).analyses).toHaveLength(0);

  // An error from the engine is shown as sent: engage as both outcome and mediator.
  await page.getByLabel('Bootstrap draws').fill('1000');
  await page.getByLabel('Mediators (M): add a variable').selectOption('engage');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-error')).toContainText('engage');

  // A new dataset version makes a saved analysis stale; Re-run saves it again on the latest version.
  const ols = await page.request.post(`/api/projects/${projectId}/datasets/${datasetId}/analyses`, { data: { kind: 'ols', options: ['--y', 'engage', '--x', 'tl,empower'], title: 'Engagement on tl' } });
  expect(ols.status()).toBe(201);
  const olsId = ((await ols.json()) as { analysis: { id: string } }).analysis.id;
  const version = await page.request.post(`/api/projects/${projectId}/datasets/${datasetId}/versions`, { data: { baseVersionId: versionId, transforms: [{ op: 'standardize', name: 'z_trust', variable: 'trust' }], note: 'Added z_trust' } });
  expect(version.status(), await version.text()).toBe(201);
  await page.goto(`${base}/${olsId}`);
  const stale = page.getByTestId('stale-notice');
  await expect(stale).toContainText('Stale — the dataset has a newer version (v2)');
  await expect(page.getByTestId('analysis-version')).toHaveText('Dataset version 1 (latest: 2)');
  await page.screenshot({ path: testInfo.outputPath('stale-analysis.png'), fullPage: true });
  await stale.getByRole('button', { name: 'Re-run' }).click();
  await expect(page).not.toHaveURL(new RegExp(`${olsId}$`), { timeout: 30_000 });
  await expect(page.getByTestId('analysis-version')).toHaveText('Dataset version 2 (latest)');
  await expect(page.getByTestId('analysis-title')).toHaveText('Engagement on tl');
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
});
