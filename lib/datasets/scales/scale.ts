/**
 * Scales (constructs): a named set of items scored together, e.g. "Trust in management" =
 * mean of t1–t4 with t3 reverse-keyed. A scale is plain JSON with a stable id the caller gives.
 */
import { z } from 'zod';
import type { ScaleScoreTransform } from '../transform/schema';

/** A scale definition. */
export const ZScaleSchema = z
  .strictObject({
    /** Stable id (caller-provided; survives renames). */
    id: z.string().min(1, 'The scale needs an id.'),
    name: z.string().trim().min(1, 'Name the scale.').max(200),
    /** Item variable names, in order. */
    items: z.array(z.string().min(1)).min(2, 'A scale needs at least 2 items.'),
    /** Reverse-keyed items (a subset of `items`), reversed as min + max − x before scoring. */
    reversed: z.array(z.string().min(1)),
    /** How the scale score is formed. */
    score: z.enum(['mean', 'sum']),
  })
  .refine((s) => new Set(s.items).size === s.items.length, { message: 'An item is listed twice.', path: ['items'] })
  .refine((s) => s.reversed.every((r) => s.items.includes(r)), { message: 'Every reversed item must be one of the items.', path: ['reversed'] });

/** A scale (construct). */
export type Scale = z.infer<typeof ZScaleSchema>;

/** Options of {@link scaleScoreTransform}. */
export interface ScaleScoreOptions {
  /** Name of the score variable (see transform/names for the rule). */
  name: string;
  /** Score rows with at least this many items answered (default all). */
  minValid?: number;
  /** Response range for reversing items that are not Likert variables. */
  min?: number;
  max?: number;
  /** Variable label; default "<scale name> (mean of k items)". */
  label?: string;
}

/**
 * The `scaleScore` recipe that scores a scale.
 *
 * @param scale - the scale.
 * @param options - name of the score variable, minimum answered items, range, label.
 * @returns the recipe (pass it to applyTransforms).
 * @example
 * ```ts
 * applyTransforms(ds, [scaleScoreTransform(trust, { name: 'trust', minValid: 3 })]);
 * ```
 */
export function scaleScoreTransform(scale: Scale, options: ScaleScoreOptions): ScaleScoreTransform {
  const k = scale.items.length;
  const answered = options.minValid !== undefined && options.minValid < k ? `, at least ${options.minValid} answered` : '';
  return {
    op: 'scaleScore',
    name: options.name,
    items: [...scale.items],
    ...(scale.reversed.length ? { reversed: [...scale.reversed] } : {}),
    score: scale.score,
    ...(options.minValid !== undefined ? { minValid: options.minValid } : {}),
    ...(options.min !== undefined ? { min: options.min } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    scaleId: scale.id,
    label: options.label ?? `${scale.name} (${scale.score} of ${k} items${scale.reversed.length ? `, ${scale.reversed.length} reversed` : ''}${answered})`,
  };
}
