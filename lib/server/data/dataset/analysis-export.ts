import 'server-only';

import { analysisTable, comparisonOf, type TableChoice } from '@/lib/stats/tables/analysis-table';
import { COMPARABLE_KINDS } from '@/lib/stats/analysis-spec';
import { AppError } from '@/lib/errors/app-error';
import { CliUsageError } from '@/lib/cli/args';
import { StatsError } from '@/lib/stats/errors';
import { rScript, RScriptUnsupportedError } from '@/lib/stats/r-script';
import { escapeHtml, renderCsv, renderHtml, renderLatex, type PubTable } from '@/lib/stats/tables';

import { fileSlug } from '../../api/download';
import { runJob } from '../../jobs/pool';
import { getAnalysis, type SavedAnalysis } from './analyses';
import { getDataset } from './datasets';

/** Export formats of analysis tables. */
export const TABLE_FORMATS = ['docx', 'xlsx', 'csv', 'tex', 'html'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A file ready for `download()`. */
export interface ExportFile {
  body: Uint8Array<ArrayBuffer>;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<TableFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  tex: 'application/x-tex; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Builds a table; a builder's refusal (bad decimals, an unsupported by-group run) is the user's input error. */
function build(make: () => PubTable): PubTable {
  try {
    return make();
  } catch (error) {
    if (error instanceof StatsError || error instanceof RangeError) throw new AppError('INVALID_INPUT', { userMessage: `This table cannot be built: ${error.message}.` });
    throw error;
  }
}

/**
 * Renders a table in one format. Word and Excel files are built in a worker thread
 * (`renderAnalysisTable`, lib/jobs/render-table.ts) so a big export never blocks the event
 * loop; CSV, LaTeX and HTML are plain strings and stay here.
 */
export async function renderTable(table: PubTable, format: TableFormat, baseName: string): Promise<ExportFile> {
  const text = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
  let body: Uint8Array<ArrayBuffer>;
  switch (format) {
    case 'docx':
    case 'xlsx':
      body = await runJob('renderAnalysisTable', { table, format });
      break;
    case 'csv':
      body = text(renderCsv(table));
      break;
    case 'tex':
      body = text(`% Needs \\usepackage{booktabs} (and threeparttable if you wrap the note).\n${renderLatex(table)}\n`);
      break;
    case 'html':
      body = text(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(table.title)}</title>\n<style>body{font-family:'Times New Roman',serif;font-size:12pt;margin:2rem}</style></head>\n<body>\n${renderHtml(table)}\n</body></html>\n`);
      break;
  }
  return { body, fileName: `${fileSlug(baseName)}.${format}`, contentType: CONTENT_TYPES[format] };
}

/**
 * One saved analysis as a publication-table file (members).
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function exportAnalysis(options: { userId: string; projectId: string; analysisId: string; format: TableFormat } & TableChoice): Promise<ExportFile> {
  const analysis = await getAnalysis(options);
  const table = build(() => analysisTable(analysis, options));
  return renderTable(table, options.format, `${analysis.title}-${options.style}`);
}

/**
 * Loads 2+ saved regression-type analyses of the project for a comparison (members).
 * @throws AppError NOT_FOUND (any id not in the project) | INVALID_INPUT (fewer than 2, or not a regression)
 */
export async function loadComparison(options: { userId: string; projectId: string; ids: readonly string[] }): Promise<SavedAnalysis[]> {
  const ids = [...new Set(options.ids)];
  if (ids.length < 2) throw new AppError('INVALID_INPUT', { userMessage: 'Choose at least two analyses to compare.' });
  if (ids.length > 12) throw new AppError('INVALID_INPUT', { userMessage: 'Compare at most 12 models at once.' });
  const analyses = await Promise.all(ids.map((analysisId) => getAnalysis({ userId: options.userId, projectId: options.projectId, analysisId })));
  const bad = analyses.find((a) => !COMPARABLE_KINDS.includes(a.kind) || a.options.includes('--group'));
  if (bad) throw new AppError('INVALID_INPUT', { userMessage: `“${bad.title}” is not a single regression model (OLS, panel, DID or quantile regression); it cannot be a column of a comparison.` });
  return analyses;
}

/**
 * Several saved models side by side as a file (members).
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function exportComparison(options: { userId: string; projectId: string; ids: readonly string[]; format: TableFormat; title?: string } & TableChoice): Promise<ExportFile> {
  const analyses = await loadComparison(options);
  const table = build(() => comparisonOf(analyses, options, options.title));
  return renderTable(table, options.format, `model-comparison-${options.style}`);
}

/**
 * "Copy as R script": R code that reproduces a saved analysis on the CSV of the version it ran
 * on (the file GET /api/projects/:id/datasets/:datasetId/csv?versionId= downloads, same name).
 * @throws AppError NOT_FOUND | INVALID_INPUT (an option combination R cannot reproduce, named)
 */
export async function analysisRScript(options: { userId: string; projectId: string; analysisId: string }): Promise<{ text: string; fileName: string; csvFileName: string }> {
  const analysis = await getAnalysis(options);
  const dataset = await getDataset({ userId: options.userId, projectId: options.projectId, datasetId: analysis.datasetId });
  // The same name as the CSV download of that version (app/api/.../datasets/[datasetId]/csv).
  const csvFileName = `${fileSlug(dataset.name)}-v${analysis.versionNumber}.csv`;
  try {
    return { text: rScript(analysis.kind, analysis.options, csvFileName), fileName: `${fileSlug(analysis.title)}.R`, csvFileName };
  } catch (error) {
    if (error instanceof RScriptUnsupportedError || error instanceof CliUsageError) throw new AppError('INVALID_INPUT', { userMessage: `No R script for this analysis: ${error.message}.` });
    throw error;
  }
}
