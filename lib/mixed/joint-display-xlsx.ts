/**
 * The joint display as a spreadsheet: one sheet, one row per link, for sorting, filtering and
 * re-analysis. Numbers are numbers (full precision) in columns of their own — α, ω, M, SD, n
 * and the strongest coefficient's B, β, SE, p and CI — shown with the APA formats of the
 * publication tables (../stats/tables/render-xlsx's excelNumberFormat); the exemplar quotes
 * are one wrapped cell, a quote per line; the header row is frozen and filterable. Written
 * through the streaming writer (lib/io/export/xlsx-writer). Node.js only.
 */
import { XLSX_CELL_MAX } from '@/lib/io/export/coded-segments';
import { streamingWorkbook, xmlSafe } from '@/lib/io/export/xlsx-writer';
import { tableContext, type Quantity } from '@/lib/stats/tables/format';
import { excelNumberFormat, textValue } from '@/lib/stats/tables/render-xlsx';

import { strongestCoefficient } from './coefficients';
import { coefficientText, figuresText, inferenceLabel, levelName, quoteSource, quoteText, type JointDisplayExportOptions } from './joint-display';
import type { JointDisplayRow } from './types';

/** Sheet name of the export. */
export const JOINT_DISPLAY_SHEET = 'Joint display';

type Value = string | number | boolean | null;
interface Column {
  header: string;
  width: number;
  /** How a number is shown; text columns have none. */
  quantity?: Quantity;
  wrap?: boolean;
  value: (row: JointDisplayRow) => Value;
}

const strongest = (row: JointDisplayRow) => strongestCoefficient(row.coefficients);
const q = (row: JointDisplayRow) => row.quantitative;

/** The columns, in order (exported for tests and for documentation of the format). */
export const JOINT_DISPLAY_XLSX_COLUMNS: readonly Column[] = [
  { header: 'Label', width: 8, value: (r) => r.code.label },
  { header: 'Category', width: 24, wrap: true, value: (r) => r.code.name },
  { header: 'Level', width: 14, value: (r) => levelName(r.code.level) },
  { header: 'Definition', width: 40, wrap: true, value: (r) => r.code.definition },
  { header: 'Sources', width: 9, quantity: 'count', value: (r) => r.qualitative.sources },
  { header: 'Segments', width: 10, quantity: 'count', value: (r) => r.qualitative.segments },
  { header: 'Exemplar quotes', width: 60, wrap: true, value: (r) => quotesCell(r) },
  { header: 'Target', width: 9, value: (r) => r.target.kind },
  { header: 'Construct', width: 24, wrap: true, value: (r) => r.target.name },
  { header: 'Dataset', width: 22, wrap: true, value: (r) => r.target.datasetName },
  { header: 'Dataset version', width: 9, quantity: 'count', value: (r) => q(r)?.versionNumber ?? null },
  { header: 'Variable', width: 16, value: (r) => q(r)?.variable ?? null },
  { header: 'Items', width: 7, quantity: 'count', value: (r) => q(r)?.items ?? null },
  { header: 'α', width: 7, quantity: 'bounded', value: (r) => q(r)?.alpha ?? null },
  { header: 'ω', width: 7, quantity: 'bounded', value: (r) => q(r)?.omega ?? null },
  { header: 'M', width: 8, quantity: 'stat', value: (r) => q(r)?.mean ?? null },
  { header: 'SD', width: 8, quantity: 'stat', value: (r) => q(r)?.sd ?? null },
  { header: 'n', width: 8, quantity: 'count', value: (r) => q(r)?.n ?? null },
  { header: 'Strongest coefficient', width: 30, wrap: true, value: (r) => strongest(r)?.label ?? null },
  { header: 'Analysis', width: 22, wrap: true, value: (r) => strongest(r)?.analysisTitle ?? null },
  { header: 'Outcome', width: 14, value: (r) => strongest(r)?.outcome ?? null },
  { header: 'B', width: 8, quantity: 'stat', value: (r) => strongest(r)?.estimate ?? null },
  { header: 'β (r)', width: 8, quantity: 'bounded', value: (r) => strongest(r)?.beta ?? null },
  { header: 'SE', width: 8, quantity: 'stat', value: (r) => strongest(r)?.se ?? null },
  { header: 'p', width: 8, quantity: 'p', value: (r) => strongest(r)?.p ?? null },
  { header: 'Stars', width: 6, value: (r) => strongest(r)?.stars ?? null },
  { header: 'CI lower', width: 9, quantity: 'stat', value: (r) => strongest(r)?.ciLower ?? null },
  { header: 'CI upper', width: 9, quantity: 'stat', value: (r) => strongest(r)?.ciUpper ?? null },
  { header: 'Stale', width: 7, value: (r) => strongest(r)?.stale ?? null },
  { header: 'All coefficients', width: 60, wrap: true, value: (r) => r.coefficients.map((c) => coefficientText(c, q(r)?.versionNumber)).join('\n') },
  { header: 'Statistics', width: 36, wrap: true, value: (r) => figuresText(q(r)) },
  { header: 'Meta-inference', width: 15, value: (r) => inferenceLabel(r.inference) },
  { header: 'Meta-inference note', width: 40, wrap: true, value: (r) => r.inferenceNote },
  { header: 'Rationale', width: 40, wrap: true, value: (r) => r.rationale },
  { header: 'Changed since review', width: 10, value: (r) => r.changed },
];

/**
 * The quotes, one per line ("“…” — Interview 4"); quotes that would push the cell past
 * Excel's limit are left out with a count, so no quote is cut in half.
 */
function quotesCell(row: JointDisplayRow): string {
  const lines: string[] = [];
  let length = 0;
  const quotes = row.qualitative.exemplars;
  for (let i = 0; i < quotes.length; i++) {
    const line = `${quoteText(quotes[i])} ${quoteSource(quotes[i])}`;
    if (length + line.length + 1 > XLSX_CELL_MAX - 40) {
      lines.push(`[… ${quotes.length - i} more quotes]`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * Renders the joint display as an .xlsx workbook (one sheet, {@link JOINT_DISPLAY_SHEET}).
 *
 * @param rows - the rows, in the order to write (see filterAndSortRows).
 * @param options - title (the workbook's title), project name, generation date (the
 *   workbook's creation date).
 * @returns the file bytes.
 * @example
 * ```ts
 * const bytes = await jointDisplayXlsx(rows, { title: 'Joint display', projectName: 'Brands', generatedAt: new Date() });
 * ```
 */
export async function jointDisplayXlsx(rows: readonly JointDisplayRow[], options: JointDisplayExportOptions): Promise<Uint8Array<ArrayBuffer>> {
  const ctx = tableContext();
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork', created: options.generatedAt });
  workbook.title = xmlSafe(options.title);
  workbook.subject = xmlSafe(`Joint display: ${options.projectName}`);
  const cols = JOINT_DISPLAY_XLSX_COLUMNS;
  const sheet = workbook.addWorksheet(JOINT_DISPLAY_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }] });
  sheet.columns = cols.map((c) => ({ width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };

  const header = sheet.getRow(1);
  cols.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = textValue(c.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'bottom', wrapText: true };
  });
  header.commit();

  rows.forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    cols.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      const v = c.value(row);
      cell.alignment = { vertical: 'top', ...(c.wrap ? { wrapText: true } : {}) };
      if (v === null || v === '') return;
      if (typeof v === 'number') {
        cell.value = v;
        if (c.quantity) cell.numFmt = excelNumberFormat(ctx.format(c.quantity), '', v);
      } else if (typeof v === 'boolean') cell.value = v;
      else cell.value = textValue(v);
    });
    r.commit();
  });
  sheet.commit();
  return finish();
}
