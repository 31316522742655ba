/**
 * Panel bookkeeping shared by ./panel and ./did: listwise deletion over the response,
 * regressors, entity, time and cluster columns; entity/time indices (levels ordered as R's
 * `factor()`, so entity order matches plm's); duplicate (entity, time) detection; group means
 * and the checks that name a regressor absorbed by the fixed effects.
 */
import { StatsError } from './errors';
import {
  assertHasRows,
  buildDesign,
  completeRows,
  factorLevels,
  takeLabels,
  takeNumeric,
  variablesOf,
  type DataFrame,
  type FactorSpec,
} from './frame';

/** Entity (and time) index of the rows used. */
export interface PanelIndex {
  /** Entity number (0-based, level order) of each row. */
  entity: Int32Array;
  entityLevels: string[];
  nEntities: number;
  /** Rows per entity (T_i). */
  entityCounts: Float64Array;
  /** Time number of each row (when a time column was given). */
  time?: Int32Array;
  timeLevels?: string[];
  nTimes?: number;
  /** Rows per period (N_t). */
  timeCounts?: Float64Array;
  /** Every entity observed in every period (only known with a time column). */
  balanced?: boolean;
}

/** Data of a panel model after listwise deletion. */
export interface PanelData {
  n: number;
  nDropped: number;
  rows: number[];
  y: Float64Array;
  /** Regressor columns (no intercept), named as terms ("x", "g[b]", "x:w"). */
  names: string[];
  columns: Float64Array[];
  index: PanelIndex;
  /** Cluster label of each row (entity by default). */
  cluster: string[];
  clusterName: string;
}

/** Options of {@link preparePanel}. */
export interface PreparePanelOptions {
  y: string;
  x: readonly string[];
  entity: string;
  time?: string;
  cluster?: string;
  factors?: FactorSpec;
  /** Extra numeric columns that must be complete (e.g. DID treat/post). */
  alsoNumeric?: readonly string[];
}

/**
 * Listwise deletion and indexing for a panel model.
 *
 * @param df - data frame.
 * @param options - response, terms, entity, time, cluster, factors.
 * @returns the complete rows as numbers plus the entity/time index.
 * @throws {StatsError} `missing-column`, `non-numeric`, `invalid-option` (duplicate entity–time
 *   rows), `too-few-observations` (no rows, or fewer than 2 entities).
 * @example
 * ```ts
 * const d = preparePanel(df, { y: 'y', x: ['x1'], entity: 'firm', time: 'year' });
 * d.index.nEntities;
 * ```
 */
export function preparePanel(df: DataFrame, options: PreparePanelOptions): PanelData {
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const vars = variablesOf(options.x);
  const categorical = [options.entity, ...(options.time ? [options.time] : []), ...(options.cluster ? [options.cluster] : [])];
  const sel = completeRows(
    df,
    [options.y, ...vars.filter((v) => !isFactor(v)), ...(options.alsoNumeric ?? [])],
    [...categorical, ...vars.filter(isFactor)],
  );
  assertHasRows(df, sel, [options.y, ...vars, ...(options.alsoNumeric ?? []), ...categorical]);
  const design = buildDesign(df, options.x, { factors, rows: sel.rows, intercept: false });
  const y = takeNumeric(df, [options.y], sel.rows)[options.y];
  const entityLabels = takeLabels(df, options.entity, sel.rows);
  const timeLabels = options.time ? takeLabels(df, options.time, sel.rows) : undefined;
  const index = buildIndex(entityLabels, timeLabels, options.entity, options.time);
  if (index.nEntities < 2) {
    throw new StatsError(
      'too-few-observations',
      `panel models need at least 2 entities; '${options.entity}' has ${index.nEntities} ('${index.entityLevels[0]}') in the complete rows`,
    );
  }
  const cluster = options.cluster ? takeLabels(df, options.cluster, sel.rows) : entityLabels;
  return {
    n: sel.n,
    nDropped: sel.nDropped,
    rows: sel.rows,
    y,
    names: [...design.names],
    columns: design.columns.map((c) => Float64Array.from(c)),
    index,
    cluster,
    clusterName: options.cluster ?? options.entity,
  };
}

/**
 * Builds the entity (and time) index; rejects duplicate (entity, time) pairs, as plm does.
 *
 * @param entity - entity label per row.
 * @param time - time label per row (optional).
 * @param entityName - column name (for messages).
 * @param timeName - column name (for messages).
 * @returns the index.
 * @throws {StatsError} `invalid-option` when an entity has two rows for the same period.
 * @example
 * ```ts
 * buildIndex(['a', 'a', 'b'], ['1', '2', '1']).balanced; // false
 * ```
 */
export function buildIndex(entity: readonly string[], time?: readonly string[], entityName = 'entity', timeName = 'time'): PanelIndex {
  const n = entity.length;
  const entityLevels = factorLevels(entity);
  const eMap = new Map(entityLevels.map((l, i) => [l, i]));
  const e = Int32Array.from(entity, (l) => eMap.get(l) as number);
  const entityCounts = new Float64Array(entityLevels.length);
  for (let i = 0; i < n; i++) entityCounts[e[i]]++;
  const out: PanelIndex = { entity: e, entityLevels, nEntities: entityLevels.length, entityCounts };
  if (time) {
    const timeLevels = factorLevels(time);
    const tMap = new Map(timeLevels.map((l, i) => [l, i]));
    const t = Int32Array.from(time, (l) => tMap.get(l) as number);
    const timeCounts = new Float64Array(timeLevels.length);
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      timeCounts[t[i]]++;
      const key = e[i] * timeLevels.length + t[i];
      if (seen.has(key)) {
        throw new StatsError(
          'invalid-option',
          `${entityName} '${entity[i]}' has more than one row for ${timeName} '${time[i]}'; each entity–time pair must be unique`,
          { entity: entity[i], time: time[i] },
        );
      }
      seen.add(key);
    }
    out.time = t;
    out.timeLevels = timeLevels;
    out.nTimes = timeLevels.length;
    out.timeCounts = timeCounts;
    out.balanced = n === entityLevels.length * timeLevels.length;
  }
  return out;
}

/**
 * Group means of a column.
 *
 * @param v - values.
 * @param group - group number per row.
 * @param counts - rows per group.
 * @returns mean per group.
 * @example
 * ```ts
 * groupMeans(Float64Array.of(1, 3, 5), Int32Array.of(0, 0, 1), Float64Array.of(2, 1)); // [2, 5]
 * ```
 */
export function groupMeans(v: ArrayLike<number>, group: Int32Array, counts: Float64Array): Float64Array {
  const sums = new Float64Array(counts.length);
  for (let i = 0; i < group.length; i++) sums[group[i]] += v[i];
  for (let g = 0; g < counts.length; g++) sums[g] /= counts[g];
  return sums;
}

/**
 * Within (entity-demeaned) transformation v_it − v̄_i.
 *
 * @param v - values.
 * @param group - group per row.
 * @param counts - rows per group.
 * @returns demeaned values.
 * @example
 * ```ts
 * demean(Float64Array.of(1, 3, 5), Int32Array.of(0, 0, 1), Float64Array.of(2, 1)); // [-1, 1, 0]
 * ```
 */
export function demean(v: ArrayLike<number>, group: Int32Array, counts: Float64Array): Float64Array {
  const m = groupMeans(v, group, counts);
  return Float64Array.from({ length: group.length }, (_, i) => v[i] - m[group[i]]);
}

/**
 * Whether a column takes one value within every group (it is then absorbed by that group's
 * fixed effects).
 *
 * @param v - values.
 * @param group - group per row.
 * @param nGroups - number of groups.
 * @returns true when constant within every group.
 * @example
 * ```ts
 * constantWithinGroups(Float64Array.of(1, 1, 2), Int32Array.of(0, 0, 1), 2); // true
 * ```
 */
export function constantWithinGroups(v: ArrayLike<number>, group: Int32Array, nGroups: number): boolean {
  const first = new Float64Array(nGroups).fill(NaN);
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (Number.isNaN(first[g])) first[g] = v[i];
    else if (first[g] !== v[i]) return false;
  }
  return true;
}
