/**
 * Computed variables as serialisable recipes. A recipe is plain JSON (stored with the dataset
 * version it made, so the version can be explained and rebuilt) and is checked with zod before
 * it runs; {@link applyTransforms} then checks it against the data.
 *
 * Every op reads existing variables (or variables made by earlier transforms in the same list)
 * and appends new ones; nothing is modified in place. Missing in → missing out. The one
 * exception is `setMetadata`, which edits a variable's metadata (and converts its cells to the
 * new type) in the next version; the version it was made from stays as it was.
 */
import { z } from 'zod';
import { nameProblem } from './names';

/** A variable the recipe reads (must exist when the recipe runs). */
const ZSource = z.string().min(1, 'Choose a variable.');
/** The name of a variable the recipe creates (see ./names for the rule). */
const ZNewName = z.string().superRefine((name, ctx) => {
  const problem = nameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'name' } });
});
/** Variable label of the new variable; default made from the recipe ("log of income"). */
const ZLabel = z.string().max(256).optional();
const ZFinite = z.number().refine(Number.isFinite, 'Enter a finite number.');

const range = <T extends { min?: number; max?: number }>(v: T) => (v.min === undefined) === (v.max === undefined) && (v.min === undefined || v.max! > v.min);
const rangeMessage = { message: 'Give both min and max, with min < max.', path: ['max'] };

/** Natural log by default; `base` (e.g. 10, 2) and `offset` (log(x + offset)) optional. */
export const ZLogTransform = z.strictObject({
  op: z.literal('log'),
  name: ZNewName,
  variable: ZSource,
  base: ZFinite.refine((b) => b > 0 && b !== 1, 'The base must be positive and not 1.').optional(),
  offset: ZFinite.optional(),
  label: ZLabel,
});

/** z-scores: (x − mean)/SD with the sample SD (n − 1), as R `scale()` and SPSS DESCRIPTIVES /SAVE. */
export const ZStandardizeTransform = z.strictObject({ op: z.literal('standardize'), name: ZNewName, variable: ZSource, label: ZLabel });

/** x − mean(x): grand-mean centring, or within `group` (group-mean centring, as R `ave`). */
export const ZCenterTransform = z.strictObject({
  op: z.literal('center'),
  name: ZNewName,
  variable: ZSource,
  group: ZSource.optional(),
  label: ZLabel,
});

/** min + max − x, the range taken from the Likert metadata unless `min` and `max` are given. */
export const ZReverseTransform = z
  .strictObject({ op: z.literal('reverse'), name: ZNewName, variable: ZSource, min: ZFinite.optional(), max: ZFinite.optional(), label: ZLabel })
  .refine(range, rangeMessage);

/** A value, or an inclusive range of numbers (open at one end when min or max is left out: SPSS LO THRU 2). */
export const ZRecodeFrom = z.union([
  ZFinite,
  z.string(),
  z
    .strictObject({ min: ZFinite.optional(), max: ZFinite.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, 'Give min, max or both.')
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not be above max.'),
]);

/** One recode rule: values matching `from` become `to` (null = missing). The first matching rule wins. */
export const ZRecodeRule = z.strictObject({ from: ZRecodeFrom, to: z.union([ZFinite, z.string(), z.null()]) });

/** Old → new values (ranges allowed); other values are copied (default) or set missing. */
export const ZRecodeTransform = z.strictObject({
  op: z.literal('recode'),
  name: ZNewName,
  variable: ZSource,
  rules: z.array(ZRecodeRule).min(1, 'Add at least one rule.'),
  otherwise: z.enum(['copy', 'missing']).optional(),
  /** Value labels of the new variable (keys are the stored values as strings). */
  valueLabels: z.record(z.string(), z.string()).optional(),
  label: ZLabel,
});

/**
 * One 0/1 column per level except `reference`, named `<prefix>_<level>` (prefix defaults to the
 * variable name; `names` overrides the name of a level).
 */
export const ZDummyTransform = z.strictObject({
  op: z.literal('dummy'),
  variable: ZSource,
  reference: z.union([z.string(), ZFinite]),
  prefix: z.string().min(1).optional(),
  names: z.record(z.string(), ZNewName).optional(),
});

/** The product of two numeric variables, optionally each mean-centred first. */
export const ZInteractionTransform = z.strictObject({
  op: z.literal('interaction'),
  name: ZNewName,
  variables: z.tuple([ZSource, ZSource]),
  center: z.boolean().optional(),
  label: ZLabel,
});

const panelFields = {
  name: ZNewName,
  variable: ZSource,
  /** Entity (person, firm, country) identifying the panel unit. */
  entity: ZSource,
  /** Whole-number time (year, wave); a missing period gives null, not the row before it. */
  time: ZSource,
  /** Number of periods (default 1). */
  k: z.number().int('k is a whole number.').min(1, 'k is at least 1.').max(1000).optional(),
  label: ZLabel,
};
/** x at time t − k of the same entity (null when that period is not observed), as plm::lag. */
export const ZLagTransform = z.strictObject({ op: z.literal('lag'), ...panelFields });
/** x at time t + k of the same entity, as plm::lead. */
export const ZLeadTransform = z.strictObject({ op: z.literal('lead'), ...panelFields });
/** x_t − x_{t−k} within entity, as plm's diff. */
export const ZDiffTransform = z.strictObject({ op: z.literal('diff'), ...panelFields });

/**
 * Scale score: mean or sum of the items, reversed items reversed first (range from the Likert
 * metadata unless min/max given). A row is scored when at least `minValid` items are answered
 * (default: all): the mean of the answered items (SPSS MEAN.n); the sum is then prorated to
 * all k items (mean × k), so a skipped item does not lower the total.
 */
export const ZScaleScoreTransform = z
  .strictObject({
    op: z.literal('scaleScore'),
    name: ZNewName,
    items: z.array(ZSource).min(2, 'A scale needs at least 2 items.'),
    reversed: z.array(ZSource).optional(),
    score: z.enum(['mean', 'sum']).optional(),
    minValid: z.number().int('minValid is a whole number.').min(1, 'minValid is at least 1.').optional(),
    min: ZFinite.optional(),
    max: ZFinite.optional(),
    /** The {@link Scale} this score was made from, if any. */
    scaleId: z.string().min(1).optional(),
    label: ZLabel,
  })
  .refine(range, rangeMessage)
  .refine((t) => new Set(t.items).size === t.items.length, { message: 'An item is listed twice.', path: ['items'] })
  .refine((t) => (t.reversed ?? []).every((r) => t.items.includes(r)), { message: 'Every reversed item must be one of the items.', path: ['reversed'] })
  .refine((t) => t.minValid === undefined || t.minValid <= t.items.length, { message: 'minValid cannot exceed the number of items.', path: ['minValid'] });

/**
 * Edit a variable's metadata after import: label, type (with the Likert range), value labels and
 * missing-value codes. Fields left out keep their current value. See ./ops/set-metadata.ts for
 * what a change does to the values.
 */
export const ZSetMetadataTransform = z
  .strictObject({
    op: z.literal('setMetadata'),
    variable: ZSource,
    label: z.string().max(256, 'The label is at most 256 characters.').optional(),
    type: z.enum(['numeric', 'categorical', 'likert', 'text', 'date']).optional(),
    /** The Likert range; required when the type becomes Likert (kept when it already is). */
    likert: z.strictObject({ min: ZFinite, max: ZFinite }).refine((r) => r.max > r.min, { message: 'The Likert range needs min < max.', path: ['max'] }).optional(),
    /** Code → label; replaces the whole set (keys are the stored values as strings). */
    valueLabels: z.record(z.string().min(1, 'A value label needs its value.').max(200), z.string().max(256)).optional(),
    /** Codes that mean missing; replaces the list. Cells equal to a code become missing. */
    missingCodes: z.array(ZFinite).max(50, 'At most 50 missing codes.').optional(),
  })
  .refine((t) => t.label !== undefined || t.type !== undefined || t.likert !== undefined || t.valueLabels !== undefined || t.missingCodes !== undefined, {
    message: 'Change at least one of label, type, Likert range, value labels or missing codes.',
  })
  .refine((t) => t.likert === undefined || t.type === undefined || t.type === 'likert', { message: 'A Likert range is only for the Likert type.', path: ['likert'] });

/** Any transform (discriminated by `op`). */
export const ZTransformSchema = z.discriminatedUnion('op', [
  ZLogTransform,
  ZStandardizeTransform,
  ZCenterTransform,
  ZReverseTransform,
  ZRecodeTransform,
  ZDummyTransform,
  ZInteractionTransform,
  ZLagTransform,
  ZLeadTransform,
  ZDiffTransform,
  ZScaleScoreTransform,
  ZSetMetadataTransform,
]);

/** A transform recipe (plain JSON). */
export type Transform = z.infer<typeof ZTransformSchema>;
/** The names of the ops. */
export type TransformOp = Transform['op'];
export type LogTransform = z.infer<typeof ZLogTransform>;
export type StandardizeTransform = z.infer<typeof ZStandardizeTransform>;
export type CenterTransform = z.infer<typeof ZCenterTransform>;
export type ReverseTransform = z.infer<typeof ZReverseTransform>;
export type RecodeRule = z.infer<typeof ZRecodeRule>;
export type RecodeTransform = z.infer<typeof ZRecodeTransform>;
export type DummyTransform = z.infer<typeof ZDummyTransform>;
export type InteractionTransform = z.infer<typeof ZInteractionTransform>;
export type LagTransform = z.infer<typeof ZLagTransform>;
export type LeadTransform = z.infer<typeof ZLeadTransform>;
export type DiffTransform = z.infer<typeof ZDiffTransform>;
export type ScaleScoreTransform = z.infer<typeof ZScaleScoreTransform>;
export type SetMetadataTransform = z.infer<typeof ZSetMetadataTransform>;
