/**
 * Publication-ready tables from the statistics engine's results (issue 10).
 *
 * Build a {@link PubTable} from a result with a builder, then render it:
 * ```ts
 * import { olsTable, renderHtml, renderLatex, renderCsv } from '@/lib/stats/tables';
 * import { renderDocx } from '@/lib/stats/tables/render-docx';
 * import { renderXlsx } from '@/lib/stats/tables/render-xlsx'; // Node.js only
 * const table = olsTable(ols(df, { y: 'satisfaction', x: ['age', 'tenure'] }), { style: 'apa', decimals: 2 });
 * renderHtml(table, { number: 1 });
 * ```
 * The DOCX and XLSX renderers are imported from their own modules: they pull in `docx` and
 * exceljs (XLSX also node:stream), which client bundles should not carry.
 */
export * from './model';
export { formatNumber, starLegend, tableContext, termLabel, type Quantity, type TableContext, type TableOptions } from './format';
export { describeTable, type DescribeTableOptions } from './describe-table';
export { reliabilityTable, type ReliabilityTableOptions } from './reliability-table';
export { correlationTable, type CorrelationTableOptions } from './correlation-table';
export { olsTable, type OlsTableOptions } from './ols-table';
export { mediationTable, type MediationTableOptions } from './mediation-table';
export { moderationTable, type ModerationTableOptions } from './moderation-table';
export { didMeansTable, didTable, panelTable, type PanelTableOptions } from './panel-table';
export { qregTable, type QregTableOptions } from './qreg-table';
export { comparisonTable, hierarchicalModels, type ComparableResult, type ComparisonModel, type ComparisonTableOptions } from './comparison-table';
export { byGroupTable, type ByGroupTableInput, type ByGroupTableOptions } from './by-group-table';
export type { SideBySideOptions, SideStat } from './side-by-side';
export { escapeHtml, renderHtml, type HtmlOptions } from './render-html';
export { escapeLatex, renderLatex, type LatexOptions } from './render-latex';
export { renderCsv, type CsvOptions } from './render-csv';
