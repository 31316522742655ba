/**
 * Difference-in-differences as a two-way fixed-effects regression
 * y_it = α_i + λ_t + δ·(Treat_i × Post_t) + x_it'β + ε_it (Angrist & Pischke 2009 §5.2;
 * Wooldridge 2010 §6.5), with cluster-robust SEs by entity by default, and the group-by-time
 * means table with the simple 2×2 estimate (T₁ post − T₁ pre) − (T₀ post − T₀ pre).
 *
 * Treat is absorbed by the entity effects when it is constant within entities and Post by the
 * period effects when it is constant within periods; a main effect that is not absorbed (e.g.
 * treatment switching within an entity) is added as a regressor before the interaction.
 * Conventions as ./panel (plm 2.6 `plm(y ~ treat:post + x, effect = "twoways")`,
 * `vcovHC(type = "sss", cluster = "group")`, t tests on G − 1 df); checked against R in
 * golden/make-golden-panel.R.
 */
import { StatsError } from './errors';
import { takeNumeric, type DataFrame, type FactorSpec } from './frame';
import { constantWithinGroups, preparePanel } from './panel-data';
import { fitTwoWay, panelTable, type PanelSe } from './panel-estimators';
import type { Coefficient, SampleInfo } from './types';

/** Options of {@link did}. */
export interface DidOptions {
  /** Outcome column. */
  y: string;
  /** Treatment-group indicator (0/1). */
  treat: string;
  /** Post-period indicator (0/1). */
  post: string;
  /** Entity identifier column. */
  entity: string;
  /** Time column. */
  time: string;
  /** Covariate terms (columns, factors, "X:W"). */
  covariates?: readonly string[];
  /** Standard errors (default 'cluster'). */
  se?: PanelSe;
  /** Cluster column (default: the entity). */
  cluster?: string;
  /** Categorical covariates and their reference levels. */
  factors?: FactorSpec;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** One cell of the means table. */
export interface DidCell {
  treat: 0 | 1;
  n: number;
  mean: number;
}

/** Result of {@link did}. */
export interface DidResult extends SampleInfo {
  y: string;
  /** Name of the DID term, "treat:post". */
  term: string;
  /** The DID row of `coefficients`. */
  estimate: Coefficient;
  /** Non-absorbed main effects, covariates, then the DID term (R's term order). */
  coefficients: Coefficient[];
  se: PanelSe;
  nClusters?: number;
  nEntities: number;
  nTreatedEntities: number;
  nTimes: number;
  balanced: boolean;
  dfResidual: number;
  sigma: number;
  /** Within R² of the two-way transformed data. */
  r2Within: number;
  /** Group-by-time means of y (rows used by the regression). */
  means: {
    byTime: Array<DidCell & { time: string }>;
    byPost: Array<DidCell & { post: 0 | 1 }>;
    /** (T₁ post − T₁ pre) − (T₀ post − T₀ pre) from the 2×2 means. */
    simpleDid: number;
  };
}

/**
 * Difference-in-differences by two-way fixed effects.
 *
 * @param df - data frame (one row per entity and period).
 * @param options - outcome, treat/post indicators, entity/time columns, covariates, SE type.
 * @returns the DID estimate, covariates, means table; n and nDropped (listwise).
 * @throws {StatsError} `invalid-option` when treat/post are not 0/1; `constant-column` when
 *   either has one value, or the DID term is absorbed by the fixed effects;
 *   `too-few-observations` for an empty treat × post cell; plus the errors of {@link panel}.
 * @example
 * ```ts
 * const r = did(df, { y: 'roa', treat: 'treated', post: 'post', entity: 'firm', time: 'year' });
 * r.estimate.estimate; r.means.byTime;
 * ```
 */
export function did(df: DataFrame, options: DidOptions): DidResult {
  const se = options.se ?? 'cluster';
  if (se !== 'classic' && se !== 'cluster') throw new StatsError('invalid-option', `se must be classic or cluster (got '${se}')`);
  const term = `${options.treat}:${options.post}`;
  const covariates = [...(options.covariates ?? [])];
  for (const v of [options.treat, options.post, term]) {
    if (covariates.includes(v)) throw new StatsError('invalid-option', `'${v}' is part of the DID term; do not list it as a covariate`);
  }
  const d = preparePanel(df, {
    y: options.y,
    // R's term order (y ~ treat:post + x1 + x2 puts main effects before the interaction).
    x: [...covariates, term],
    entity: options.entity,
    time: options.time,
    cluster: se === 'cluster' ? options.cluster : undefined,
    factors: options.factors,
    alsoNumeric: [options.treat, options.post],
  });
  const raw = takeNumeric(df, [options.treat, options.post], d.rows);
  const treat = checkBinary(raw[options.treat], options.treat);
  const post = checkBinary(raw[options.post], options.post);

  // Main effects not absorbed by the fixed effects enter as regressors (R: y ~ treat * post).
  const { entity, nEntities, time, nTimes, timeLevels, balanced } = d.index;
  const extraNames: string[] = [];
  const extraCols: Float64Array[] = [];
  if (!constantWithinGroups(treat, entity, nEntities)) {
    extraNames.push(options.treat);
    extraCols.push(treat);
  }
  if (!constantWithinGroups(post, time as Int32Array, nTimes as number)) {
    extraNames.push(options.post);
    extraCols.push(post);
  }
  // Means table: treat × period and treat × post (treat varying fastest, as R's aggregate).
  const T = nTimes as number;
  const sums = new Float64Array(2 * T);
  const counts = new Float64Array(2 * T);
  const sums2 = new Float64Array(4);
  const counts2 = new Float64Array(4);
  const treatedEntities = new Set<number>();
  for (let i = 0; i < d.n; i++) {
    const g = treat[i];
    const k = (time as Int32Array)[i] * 2 + g;
    sums[k] += d.y[i];
    counts[k]++;
    const k2 = post[i] * 2 + g;
    sums2[k2] += d.y[i];
    counts2[k2]++;
    if (g === 1) treatedEntities.add(entity[i]);
  }
  const byTime: DidResult['means']['byTime'] = [];
  for (let t = 0; t < T; t++) {
    for (const g of [0, 1] as const) {
      const k = t * 2 + g;
      if (counts[k] > 0) byTime.push({ treat: g, time: (timeLevels as string[])[t], n: counts[k], mean: sums[k] / counts[k] });
    }
  }
  const byPost: DidResult['means']['byPost'] = [];
  for (const q of [0, 1] as const) {
    for (const g of [0, 1] as const) {
      const k = q * 2 + g;
      if (counts2[k] === 0) {
        throw new StatsError(
          'too-few-observations',
          `no observations with ${options.treat} = ${g} and ${options.post} = ${q}; the difference-in-differences is not identified`,
        );
      }
      byPost.push({ treat: g, post: q, n: counts2[k], mean: sums2[k] / counts2[k] });
    }
  }
  const cell = (g: number, q: number) => sums2[q * 2 + g] / counts2[q * 2 + g];
  const simpleDid = cell(1, 1) - cell(1, 0) - (cell(0, 1) - cell(0, 0));

  const fit = fitTwoWay({ ...d, names: [...extraNames, ...d.names], columns: [...extraCols, ...d.columns] }, se);
  const coefficients = panelTable(fit, options.level ?? 0.95);
  const estimate = coefficients.find((c) => c.term === term) as Coefficient;

  const result: DidResult = {
    y: options.y,
    term,
    estimate,
    coefficients,
    se,
    n: d.n,
    nDropped: d.nDropped,
    nEntities,
    nTreatedEntities: treatedEntities.size,
    nTimes: T,
    balanced: balanced as boolean,
    dfResidual: fit.dfResidual,
    sigma: fit.sigma,
    r2Within: fit.r2,
    means: { byTime, byPost, simpleDid },
  };
  if (fit.nClusters !== undefined) result.nClusters = fit.nClusters;
  return result;
}

function checkBinary(v: Float64Array, name: string): Float64Array {
  let has0 = false;
  let has1 = false;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0) has0 = true;
    else if (v[i] === 1) has1 = true;
    else throw new StatsError('invalid-option', `column '${name}' must be coded 0/1 (row value ${v[i]})`, { column: name, value: v[i] });
  }
  if (!has0 || !has1) {
    throw new StatsError('constant-column', `column '${name}' is ${has1 ? 1 : 0} in every row used; the difference-in-differences needs both 0 and 1`, {
      column: name,
    });
  }
  return v;
}
