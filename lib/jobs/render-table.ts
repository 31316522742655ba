/**
 * Publication tables as Office files, for the `renderAnalysisTable` worker job: building a
 * .docx or .xlsx (zip + XML) of a large table takes long enough to stall the request thread,
 * so the data layer (lib/server/data/dataset/analysis-export.ts) sends the built table here.
 */
import type { PubTable } from '../stats/tables';
import { renderDocx } from '../stats/tables/render-docx';
import { renderXlsx } from '../stats/tables/render-xlsx';

/** The formats rendered in a worker (text formats are cheap and stay in the request). */
export type OfficeFormat = 'docx' | 'xlsx';

/**
 * Renders a table as a Word or Excel file; a Word table with more than 7 columns is set on a
 * landscape page.
 *
 * @param table - the built table (analysisTable / comparisonOf).
 * @param format - 'docx' or 'xlsx'.
 * @returns the file bytes.
 * @example
 * ```ts
 * await renderOfficeTable(olsTable(result), 'docx');
 * ```
 */
export async function renderOfficeTable(table: PubTable, format: OfficeFormat): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'docx') return renderDocx(table, { landscape: table.columns[table.columns.length - 1].length > 7 });
  return renderXlsx(table);
}
