import { z } from 'zod';

import { ZText } from './text';

/** A dataset's name: one line, unique in the project. */
export const ZDatasetName = ZText({ max: 120, required: 'Name the dataset.', singleLine: true, label: 'The name' });

/** Type overrides from the preview: variable name → type (and Likert range). */
export const ZTypeOverrides = z.record(
  z.string().max(200),
  z.object({ type: z.enum(['numeric', 'categorical', 'likert', 'text', 'date']), likert: z.object({ min: z.number().int(), max: z.number().int() }).optional() }),
);

/**
 * Query of a dataset upload (preview and import): how to read the file. The file itself is the
 * raw body, its name in X-File-Name, as for sources.
 */
export const ZDatasetReadOptions = z.object({
  sheet: ZText({ max: 200, singleLine: true, label: 'The sheet' }).optional(),
  encoding: z.enum(['utf-8', 'gb18030', 'windows-1252']).optional(),
  /** Comma, semicolon, tab or pipe (lib/datasets/import/csv.ts detects the same four). */
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  decimalComma: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TDatasetReadOptions = z.infer<typeof ZDatasetReadOptions>;

/** A scale (construct) as the form sends it; the id is assigned on creation and never changes. */
export const ZScaleInput = z.object({
  name: ZText({ max: 120, required: 'Name the scale.', singleLine: true, label: 'The name' }),
  items: z.array(z.string().min(1).max(200)).min(2, 'Choose at least two items.').max(200),
  reversed: z.array(z.string().min(1).max(200)).max(200).default([]),
  score: z.enum(['mean', 'sum']).default('mean'),
});
export type TScaleInput = z.infer<typeof ZScaleInput>;

/**
 * An analysis to run: the engine's analysis name and the CLI's options for it (`--y`, `--x`, …),
 * so a saved analysis is reproduced by `npm run cli -- stats <kind> --data export.csv <options>`.
 * The engine checks the options themselves and names any it does not know.
 */
export const ZAnalysisSpec = z.object({
  kind: z.enum(['describe', 'reliability', 'correlation', 'ols', 'mediate', 'moderate', 'panel', 'did', 'qreg']),
  title: ZText({ max: 200, singleLine: true, label: 'The title' }).optional(),
  options: z.array(z.string().max(2000)).max(200),
  /** Version to run on; the latest when absent. */
  versionId: z.string().max(64).optional(),
});
export type TAnalysisSpec = z.infer<typeof ZAnalysisSpec>;
