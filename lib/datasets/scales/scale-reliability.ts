/**
 * Reliability of a {@link Scale} on a {@link Dataset}: a wrapper over lib/stats/reliability that
 * reverse-codes items from their own Likert ranges, checks the scale against the dataset first
 * (so errors name the scale, the item and the rows) and reports in scale terms.
 *
 * ω is McDonald's ω total from a one-factor model fitted by unweighted least squares (minres),
 * solved to convergence, combined as psych::omega does: ω_t = (1'R1 − Σu²_j)/1'R1 with
 * u²_j = 1 − λ_j². Checked against R psych 2.2.9: psych::fa(fm = "pa") iterated to
 * min.err = 1e-15 (the same ULS fixed point) to 1e-8, and psych::omega(nfactors = 1)'s
 * omega.tot (optim-based minres, ~1e-6 accurate) to 1e-6.
 */
import { isStatsError, type StatsErrorCode } from '@/lib/stats/errors';
import { reliability } from '@/lib/stats/reliability';
import type { Dataset } from '../types';
import { numericValues } from '../transform/columns';
import { DatasetTransformError, isDatasetTransformError, type DatasetTransformErrorCode } from '../transform/errors';
import { reverseRange, reverseValues } from '../transform/ops/reverse';
import { ZScaleSchema, type Scale } from './scale';

/** Options of {@link scaleReliability}. */
export interface ScaleReliabilityOptions {
  /** Response range for reversed items that are not Likert variables (Likert items use their own range). */
  min?: number;
  max?: number;
}

/** Statistics of one item (on the listwise sample, after reversal). */
export interface ScaleItemStatistics {
  name: string;
  reversed: boolean;
  /** Mean of the item as scored (after reversal). */
  mean: number;
  /** Sample SD (n − 1). */
  sd: number;
  /** Corrected item–total correlation: r(item, sum of the other items) (psych r.drop). */
  itemTotalCorrelation: number;
  /** Cronbach's α without this item; null with 2 items. */
  alphaIfDeleted: number | null;
  /** One-factor (ULS/minres) loading; null with 2 items. */
  loading: number | null;
}

/** Result of {@link scaleReliability}. */
export interface ScaleReliability {
  scaleId: string;
  scaleName: string;
  /** Rows used: every item answered (listwise). */
  n: number;
  /** Rows left out for a missing item. */
  nDropped: number;
  /** Cronbach's α (psych raw_alpha). */
  alpha: number;
  /** α of the standardized items (psych std.alpha). */
  standardizedAlpha: number;
  /** McDonald's ω total from one factor (see the module comment); null with 2 items. */
  omegaTotal: number | null;
  items: ScaleItemStatistics[];
  /** Non-fatal issues (2 items: no ω; a negatively correlating item; a Heywood case). */
  warnings: string[];
}

const CODES: Record<StatsErrorCode, DatasetTransformErrorCode> = {
  'constant-column': 'zero-variance',
  'non-finite': 'zero-variance',
  'too-few-observations': 'too-few-values',
  'non-numeric': 'non-numeric',
  'missing-column': 'missing-variable',
  'invalid-option': 'invalid-recipe',
  'not-converged': 'not-converged',
  collinear: 'zero-variance',
  'perfect-fit': 'zero-variance',
  'single-cluster': 'too-few-values',
};

/**
 * Cronbach's α, standardized α, McDonald's ω total and item statistics of a scale (listwise).
 *
 * @param dataset - the data.
 * @param scale - the scale (validated).
 * @param options - a response range for reversed items that are not Likert.
 * @returns reliability statistics.
 * @throws {DatasetTransformError} `invalid-recipe` (fewer than 2 items, an item listed twice, a
 *   reversed item that is not an item); `missing-variable` (an item not in the dataset);
 *   `non-numeric` (an item that is not numeric/Likert); `no-range` / `out-of-domain`
 *   (reversing); `too-few-values` (fewer than 3 rows with every item answered);
 *   `zero-variance` (a constant item, or items whose total has no variance).
 * @example
 * ```ts
 * scaleReliability(ds, { id: 's1', name: 'Trust', items: ['t1', 't2', 't3'], reversed: ['t3'], score: 'mean' }).alpha;
 * ```
 */
export function scaleReliability(dataset: Dataset, scale: Scale, options: ScaleReliabilityOptions = {}): ScaleReliability {
  const parsed = ZScaleSchema.safeParse(scale);
  const label = `scale '${typeof scale?.name === 'string' && scale.name.trim() ? scale.name : (scale?.id ?? '?')}'`;
  if (!parsed.success) {
    const text = parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
    throw new DatasetTransformError('invalid-recipe', `${label}: ${text}`);
  }
  const s = parsed.data;
  const reversed = new Set(s.reversed);
  const given = options.min !== undefined && options.max !== undefined ? { min: options.min, max: options.max } : undefined;
  try {
    const ds = { variables: [...dataset.variables], columns: { ...dataset.columns }, rowCount: dataset.rowCount };
    const columns = s.items.map((item) => {
      const { variable, values } = numericValues(ds, item, 'item');
      return reversed.has(item) ? reverseValues(item, values, reverseRange(variable, given)) : values;
    });
    const complete: number[] = [];
    for (let i = 0; i < dataset.rowCount; i++) if (columns.every((c) => c[i] !== null)) complete.push(i);
    if (complete.length < 3) {
      const empty = s.items.filter((_, j) => columns[j].every((v) => v === null));
      const why = empty.length ? ` (${empty.map((e) => `'${e}'`).join(', ')} ${empty.length === 1 ? 'has' : 'have'} no answers)` : '';
      throw new DatasetTransformError(
        'too-few-values',
        `${complete.length === 0 ? 'no row has' : `only ${complete.length} row${complete.length === 1 ? ' has' : 's have'}`} every item answered${why}; reliability needs at least 3`,
        { variable: empty[0] ?? s.items[0] },
      );
    }
    s.items.forEach((item, j) => {
      const first = columns[j][complete[0]];
      if (complete.every((i) => columns[j][i] === first)) {
        throw new DatasetTransformError(
          'zero-variance',
          `item '${item}' has zero variance: all ${complete.length} rows with every item answered have ${first}${reversed.has(item) ? ' (after reversal)' : ''}; drop it from the scale`,
          { variable: item },
        );
      }
    });
    const df = Object.fromEntries(s.items.map((item, j) => [item, columns[j]]));
    const r = reliability(df, { items: s.items });
    return {
      scaleId: s.id,
      scaleName: s.name,
      n: r.n,
      nDropped: r.nDropped,
      alpha: r.alpha,
      standardizedAlpha: r.standardizedAlpha,
      omegaTotal: r.omegaTotal,
      items: r.items.map((it) => ({
        name: it.name,
        reversed: reversed.has(it.name),
        mean: it.mean,
        sd: it.sd,
        itemTotalCorrelation: it.itemTotalCorrelation,
        alphaIfDeleted: it.alphaIfDeleted,
        loading: it.loading,
      })),
      warnings: r.warnings,
    };
  } catch (e) {
    if (isDatasetTransformError(e)) throw new DatasetTransformError(e.code, `${label}: ${e.message}`, e.details, { cause: e });
    if (isStatsError(e)) {
      const variable = typeof e.details?.column === 'string' ? e.details.column : undefined;
      throw new DatasetTransformError(CODES[e.code], `${label}: ${e.message}`, variable ? { variable } : {}, { cause: e });
    }
    throw e;
  }
}
