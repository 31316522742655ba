/**
 * Benchmark: the survey-data and mixed-methods paths at research scale, timed as the worker jobs
 * run them (in-process here): importing a 100,000-row × 50-column CSV (read, infer, check,
 * store), a scale score on it, quantitizing 100,000 codings of 300 sources in 150 cases into
 * per-case variables, matching the cases to the 100,000 respondents, and rendering a joint
 * display of 6 links as Word and Excel. Median of 3 runs after a warm-up.
 */
import { matchCases } from '@/lib/mixed/case-match';
import { jointDisplayDocx } from '@/lib/mixed/joint-display-docx';
import { jointDisplayXlsx } from '@/lib/mixed/joint-display-xlsx';
import { quantitize } from '@/lib/mixed/quantitize';
import type { JointDisplayRow } from '@/lib/mixed/types';
import { parseDataset } from '@/lib/datasets/import';
import { encodeDataset } from '@/lib/datasets/storage';
import { applyTransforms } from '@/lib/datasets/transform';

import { median, normalSource, timeIt } from './support/measure';

const ROWS = 100_000;
const ITEMS = 48;

function surveyCsv(): Uint8Array {
  const { normal } = normalSource(77);
  const header = ['id', 'group', ...Array.from({ length: ITEMS }, (_, j) => `q${j + 1}`)];
  const lines = [header.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const latent = normal();
    const row = [`R${i + 1}`, i % 3 === 0 ? 'a' : 'b'];
    for (let j = 0; j < ITEMS; j++) row.push(String(Math.min(5, Math.max(1, Math.round(3 + 0.8 * latent + 0.7 * normal())))));
    lines.push(row.join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function codingData() {
  const { uniform } = normalSource(5);
  const cases = Array.from({ length: 150 }, (_, i) => ({ id: `c${i}`, name: `R${i * 600 + 1}` }));
  const sources = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, caseId: cases[i % 150].id, length: 150_000 }));
  const codes = [
    ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, name: `category ${i}`, label: `B${i + 1}`, level: 2 as const, parentId: null })),
    ...Array.from({ length: 40 }, (_, i) => ({ id: `k${i}`, name: `concept ${i}`, label: `C${i + 1}`, level: 1 as const, parentId: `b${i % 5}` })),
  ];
  const codings = Array.from({ length: 100_000 }, (_, i) => {
    const start = Math.floor(uniform() * 149_000);
    return { id: `g${i}`, sourceId: `s${i % 300}`, codeId: `k${Math.floor(uniform() * 40)}`, start, end: start + 20 + Math.floor(uniform() * 400), coderId: i % 2 ? 'u1' : 'u2' };
  });
  return { cases, sources, codes, codings };
}

function jointRows(): JointDisplayRow[] {
  return Array.from({ length: 6 }, (_, i) => ({
    linkId: `l${i}`,
    code: { id: `b${i}`, label: `B${i + 1}`, name: `category ${i}`, level: 2, definition: 'A definition of two sentences. It says what the category covers.' },
    target: { kind: 'scale' as const, name: `Scale ${i}`, datasetName: 'Survey' },
    rationale: 'Why linked.',
    qualitative: {
      sources: 12,
      segments: 40,
      exemplars: Array.from({ length: 5 }, (_, q) => ({ codingId: `q${q}`, sourceId: 's', sourceTitle: `Interview ${q}`, start: 0, end: 200, text: 'A quote of some length that a researcher picked as an exemplar. '.repeat(3) })),
    },
    quantitative: { variable: `s${i}`, n: 312, mean: 3.7, sd: 0.8, alpha: 0.86, omega: 0.88, items: 4, versionNumber: 2 },
    coefficients: Array.from({ length: 8 }, (_, c) => ({ analysisId: `a${c}`, analysisTitle: `Model ${c}`, kind: 'ols', label: `s${i} → y`, outcome: 'y', estimate: 0.4, beta: 0.38, se: 0.1, p: 0.001, ciLower: 0.2, ciUpper: 0.6, stars: '**', stale: false })),
    inference: 'convergent' as const,
    inferenceNote: 'Both strands agree.',
    changed: false,
  }));
}

/** Runs the benchmark. @returns one row per step. */
export default async function bench() {
  const csv = surveyCsv();
  const imported = await timeAsync(async () => encodeDataset(await parseDataset(csv, 'survey.csv')), 3);
  const dataset = await parseDataset(csv, 'survey.csv');
  const score = timeIt(() => applyTransforms(dataset, [{ op: 'scaleScore', name: 'score', items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], score: 'mean' }]), 3);
  const { cases, sources, codes, codings } = codingData();
  const spec = { codes: codes.filter((c) => c.level === 2).map((c) => ({ codeId: c.id, rollUp: true })), measure: 'share' as const };
  const quant = timeIt(() => quantitize({ cases, sources, codes, codings, spec }), 3);
  const count = timeIt(() => quantitize({ cases, sources, codes, codings, spec: { ...spec, measure: 'count' } }), 3);
  const match = timeIt(() => matchCases(cases.map((c) => c.name), dataset.columns.id), 3);
  const rows = jointRows();
  const docx = await timeAsync(() => jointDisplayDocx(rows, { title: 'Joint display', projectName: 'Bench', generatedAt: new Date(0) }), 3);
  const xlsx = await timeAsync(() => jointDisplayXlsx(rows, { title: 'Joint display', projectName: 'Bench', generatedAt: new Date(0) }), 3);
  return [
    { name: `dataset import: CSV ${ROWS.toLocaleString('en')} rows × ${ITEMS + 2} columns (${(csv.length / 1e6).toFixed(1)} MB), read + infer + store`, ms: imported, note: 'worker job; the request thread only streams the upload' },
    { name: `scale score (mean of 6 items) on ${ROWS.toLocaleString('en')} rows`, ms: score },
    { name: 'quantitize: 100,000 codings, 300 sources, 150 cases, 5 categories rolled up (share of text)', ms: quant },
    { name: 'quantitize: same (count of distinct segments)', ms: count },
    { name: `match 150 cases to ${ROWS.toLocaleString('en')} respondent ids`, ms: match },
    { name: 'joint display DOCX: 6 links × 5 quotes × 8 coefficients', ms: docx },
    { name: 'joint display XLSX: same', ms: xlsx },
  ];
}
