/**
 * Panel regression: pooled OLS, entity fixed effects (within), two-way fixed effects and
 * random effects (Swamy–Arora), for balanced or unbalanced panels, with classic or
 * cluster-robust (by entity, or any cluster column) standard errors, the within R², the F test
 * of the fixed effects against pooled OLS and the Hausman test of FE against RE.
 *
 * Conventions (all checked against R plm 2.6-2, see golden/make-golden-panel.R):
 * - classic SEs as plm's `vcov()`; t tests on the residual df (within: n − N − K; two-way:
 *   n − N − (T − 1) − K); random effects use z tests (plm's summary does);
 * - cluster-robust SEs: plm `vcovHC(type = "sss", cluster = "group")` = the Stata CR1 factor
 *   G/(G−1)·(n−1)/(n−k) with k = the reported coefficients (the within models report no
 *   intercept and do not count the absorbed effects; Stata's `xtreg, fe vce(cluster)` counts
 *   its `_cons` too, a factor (n−k)/(n−k−1) apart); t tests on G − 1 df (Stata);
 * - R² as plm's `r.squared()`: the within R² for FE models, cor(y*, ŷ*)² of the
 *   quasi-demeaned data for RE; adjusted R² = 1 − (1 − R²)(n − 1)/df;
 * - F test of the effects = plm `pFtest(fe, pooled)`; Hausman = plm `phtest(fe, re)` with the
 *   classic covariances (regressors constant within entities are left out of the FE side, as
 *   plm drops them).
 */
import { StatsError } from './errors';
import type { DataFrame, FactorSpec } from './frame';
import { pUpperF } from './distributions';
import { preparePanel } from './panel-data';
import {
  fitPooled,
  fitRandom,
  fitTwoWay,
  fitWithin,
  hausman as hausmanTest,
  panelTable,
  type PanelFit,
  type PanelSe,
} from './panel-estimators';
import { INTERCEPT, type Coefficient, type SampleInfo } from './types';

/** Panel model: pooled OLS, entity FE, two-way FE, random effects. */
export type PanelEffects = 'pooled' | 'entity' | 'twoway' | 'random';

/** Options of {@link panel}. */
export interface PanelOptions {
  /** Response column. */
  y: string;
  /** Regressor terms: columns, factors (see `factors`) or interactions "X:W". */
  x: readonly string[];
  /** Entity (firm, person) identifier column. */
  entity: string;
  /** Time column; required for two-way effects, optional otherwise (checks duplicates). */
  time?: string;
  /** Model (default 'entity'). */
  effects?: PanelEffects;
  /** Standard errors (default 'classic'). */
  se?: PanelSe;
  /** Cluster column for se = 'cluster' (default: the entity). */
  cluster?: string;
  /** Categorical regressors and their reference levels. */
  factors?: FactorSpec;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Compute the Hausman test for entity/random models (default true). */
  hausman?: boolean;
}

/** Result of {@link panel}. */
export interface PanelResult extends SampleInfo {
  effects: PanelEffects;
  y: string;
  se: PanelSe;
  coefficients: Coefficient[];
  nEntities: number;
  /** Number of periods (with a time column). */
  nTimes?: number;
  /** Every entity observed in every period (with a time column). */
  balanced?: boolean;
  /** Rows per entity: min, mean, max. */
  entitySize: { min: number; mean: number; max: number };
  dfResidual: number;
  /** Residual standard error √(rss/df). */
  sigma: number;
  rss: number;
  /** plm's R² (within R² for FE models). */
  r2: number;
  adjR2: number;
  /** Within R² (entity / two-way models). */
  r2Within?: number;
  /**
   * Joint test of the slopes with the chosen covariance: F (df2 = G − 1 when clustered) or χ²
   * (random); absent (see `notes`) with more slopes than clusters − 1.
   */
  modelTest?: { statistic: number; df1: number; df2?: number; p: number; type: 'F' | 'chisq' };
  /** F test of the fixed effects against pooled OLS (entity / two-way). */
  fTestEffects?: { statistic: number; df1: number; df2: number; p: number };
  /** Hausman test FE vs RE (entity / random models). */
  hausman?: { chisq: number; df: number; p: number };
  /** Variance components and θ (random effects). */
  random?: {
    sigma2Idios: number;
    sigma2Entity: number;
    theta: { min: number; mean: number; max: number };
    thetaByEntity: Array<{ entity: string; theta: number }>;
  };
  nClusters?: number;
  /** Why an auxiliary statistic (e.g. the Hausman test) is missing. */
  notes?: string[];
}

/**
 * Fits a panel regression.
 *
 * @param df - data frame (long format: one row per entity and period).
 * @param options - response, regressors, entity/time columns, model, SE type.
 * @returns coefficients and the model statistics; n and nDropped (listwise).
 * @throws {StatsError} `missing-column`, `non-numeric`, `constant-column` (also a regressor
 *   constant within every entity under FE, named), `collinear` (named), `too-few-observations`,
 *   `single-cluster`, `invalid-option` (duplicate entity–time rows, missing time for two-way).
 * @example
 * ```ts
 * const fe = panel(df, { y: 'roa', x: ['size', 'lev'], entity: 'firm', time: 'year', effects: 'twoway', se: 'cluster' });
 * fe.coefficients; fe.r2Within; fe.fTestEffects;
 * ```
 */
export function panel(df: DataFrame, options: PanelOptions): PanelResult {
  const effects = options.effects ?? 'entity';
  if (!['pooled', 'entity', 'twoway', 'random'].includes(effects)) {
    throw new StatsError('invalid-option', `effects must be pooled, entity, twoway or random (got '${effects}')`);
  }
  const se = options.se ?? 'classic';
  if (se !== 'classic' && se !== 'cluster') throw new StatsError('invalid-option', `se must be classic or cluster for panel models (got '${se}')`);
  if (effects === 'twoway' && !options.time) throw new StatsError('invalid-option', 'two-way fixed effects need a time column (--time)');
  if (options.x.length === 0) throw new StatsError('invalid-option', 'give at least one regressor');
  const d = preparePanel(df, {
    y: options.y,
    x: options.x,
    entity: options.entity,
    time: options.time,
    cluster: se === 'cluster' ? options.cluster : undefined,
    factors: options.factors,
  });
  const level = options.level ?? 0.95;
  const wantHausman = options.hausman ?? true;

  let main: PanelFit;
  let fTestEffects: PanelResult['fTestEffects'];
  let hausman: PanelResult['hausman'];
  let random: PanelResult['random'];
  const notes: string[] = [];
  if (effects === 'pooled') {
    main = fitPooled(d, se);
  } else if (effects === 'entity' || effects === 'twoway') {
    main = effects === 'entity' ? fitWithin(d, se) : fitTwoWay(d, se);
    // pFtest(fe, pooled): F = ((rss_P − rss_FE)/(df_P − df_FE)) / (rss_FE/df_FE).
    const pooled = fitPooled(d, 'classic');
    const df1 = pooled.dfResidual - main.dfResidual;
    const df2 = main.dfResidual;
    const statistic = ((pooled.rss - main.rss) / df1) / (main.rss / df2);
    fTestEffects = { statistic, df1, df2, p: pUpperF(statistic, df1, df2) };
    if (effects === 'entity' && wantHausman) {
      const fe = main;
      hausman = auxiliary(notes, 'Hausman test', () => hausmanTest(se === 'classic' ? fe : fitWithin(d, 'classic'), fitRandom(d, 'classic')));
    }
  } else {
    const re = fitRandom(d, se);
    main = re;
    if (wantHausman) {
      hausman = auxiliary(notes, 'Hausman test', () => hausmanTest(re.within, se === 'classic' ? re : fitRandom(d, 'classic')));
    }
    const th = Array.from(re.theta);
    random = {
      sigma2Idios: re.sigma2Idios,
      sigma2Entity: re.sigma2Entity,
      theta: { min: Math.min(...th), mean: th.reduce((s, v) => s + v, 0) / th.length, max: Math.max(...th) },
      thetaByEntity: d.index.entityLevels.map((entity, g) => ({ entity, theta: th[g] })),
    };
  }

  const counts = Array.from(d.index.entityCounts);
  const result: PanelResult = {
    effects,
    y: options.y,
    se,
    n: d.n,
    nDropped: d.nDropped,
    coefficients: panelTable(main, level),
    nEntities: d.index.nEntities,
    entitySize: { min: Math.min(...counts), mean: d.n / counts.length, max: Math.max(...counts) },
    dfResidual: main.dfResidual,
    sigma: main.sigma,
    rss: main.rss,
    r2: main.r2,
    adjR2: main.adjR2,
  };
  if (main.wald) result.modelTest = { ...main.wald, type: main.wald.df2 === undefined ? 'chisq' : 'F' };
  else notes.push(`joint test of the slopes not available: ${main.names.filter((nm) => nm !== INTERCEPT).length} slopes but only ${main.nClusters} clusters (the cluster-robust covariance has rank ≤ G − 1)`);
  if (d.index.nTimes !== undefined) {
    result.nTimes = d.index.nTimes;
    result.balanced = d.index.balanced;
  }
  if (effects === 'entity' || effects === 'twoway') result.r2Within = main.r2;
  if (fTestEffects) result.fTestEffects = fTestEffects;
  if (hausman) result.hausman = hausman;
  if (random) result.random = random;
  if (main.nClusters !== undefined) result.nClusters = main.nClusters;
  if (notes.length) result.notes = notes;
  return result;
}

/** Runs an auxiliary test; when the data cannot support it, records why instead of failing the model. */
function auxiliary<T>(notes: string[], what: string, f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof StatsError) {
      notes.push(`${what} not available: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}
