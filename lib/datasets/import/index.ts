/**
 * The dataset import layer (CSV, XLSX, SPSS .sav/.zsav → {@link Dataset}). Pure: no I/O; the
 * server runs it in a worker thread. See import-dataset.ts for the flow.
 */
export {
  applyTypeOverrides,
  type DatasetFormat,
  type DatasetPreview,
  detectFormat,
  type ImportOptions,
  parseDataset,
  PREVIEW_ROWS,
  previewDataset,
} from './import-dataset';
export { type CsvDelimiter, detectDecimalComma, detectDelimiter, readCsvTable } from './csv';
export { decodeCsv, type DecodedCsv, detectEncoding, scoreGb18030 } from './encoding';
export { DatasetImportError, type DatasetImportErrorCode, type DatasetImportErrorData } from './errors';
export {
  type ColumnProfile,
  convertColumn,
  type DateOrder,
  inferVariables,
  overrideTypes,
  profileColumns,
  type TypeOverride,
  type TypeOverrides,
} from './infer';
export { DATASET_LIMITS, type DatasetLimits } from './limits';
export { readSav, type SavFile, type SavVariable, savToTable } from './sav';
export type { RawCell, RawColumn, RawTable } from './table';
export { listSheets, readXlsx } from './xlsx';
