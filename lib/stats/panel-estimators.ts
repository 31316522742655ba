/**
 * The panel estimators behind ./panel and ./did, each a transformation of the data followed by
 * the shared least-squares fitter (./linear-model):
 * - pooled OLS;
 * - entity fixed effects (within): entity-demeaned data, residual df n − N − K
 *   (Baltagi 2021 §2.2; plm `model = "within"`);
 * - two-way fixed effects: entity-demeaned data together with the entity-demeaned period
 *   dummies (Frisch–Waugh–Lovell; exact for unbalanced panels), df n − N − (T − 1) − K
 *   (Baltagi 2021 §3.2; plm `effect = "twoways"`);
 * - random effects by feasible GLS with the Swamy–Arora variance components, quasi-demeaning
 *   y − θ_i ȳ_i with θ_i = 1 − √(σ²_ν / (T_i σ²_η + σ²_ν)) (Baltagi 2021 §2.3 and §9.2 for
 *   unbalanced panels; plm 2.6 `ercomp(method = "swar")`, unbalanced quadratic forms).
 * Checked against R plm 2.6-2 (golden/make-golden-panel.R).
 */
import { LuDecomposition, Matrix } from 'ml-matrix';
import { pUpperChisq } from './distributions';
import { StatsError } from './errors';
import { coefficientTable, fitLinearModel, vcov, waldTest, type Covariance, type LinearModelFit } from './linear-model';
import { assertNotConstant } from './frame';
import { crossProducts } from './moments';
import { constantWithinGroups, demean, groupMeans, type PanelData } from './panel-data';
import { INTERCEPT, type Coefficient } from './types';

/** Standard errors of a panel model. */
export type PanelSe = 'classic' | 'cluster';

/** One estimated panel model (reported coefficients only; absorbed effects excluded). */
export interface PanelFit {
  names: string[];
  coefficients: Float64Array;
  /** Classic covariance σ²(X'X)⁻¹ of the reported coefficients (used by the Hausman test). */
  classic: number[][];
  /** Covariance used for the table (classic or cluster), with its test df (Infinity = z). */
  cov: Covariance;
  n: number;
  dfResidual: number;
  rss: number;
  sigma: number;
  /** plm's R²: squared correlation of the transformed response and fitted values. */
  r2: number;
  /** 1 − (1 − R²)(n − 1)/dfResidual (plm `r.squared(dfcor = TRUE)`). */
  adjR2: number;
  /**
   * Joint test of the slopes: F (t-tested models) or χ² (random effects), with `cov`; null with
   * cluster SEs when there are more slopes than clusters − 1.
   */
  wald: { statistic: number; df1: number; df2?: number; p: number } | null;
  nClusters?: number;
}

/** A random-effects fit with its variance components. */
export interface RandomFit extends PanelFit {
  sigma2Idios: number;
  sigma2Entity: number;
  /** θ_i per entity (entity level order). */
  theta: Float64Array;
  /** The within fit (time-varying regressors only) used for σ²_ν, reused by the Hausman test. */
  within: PanelFit;
}

/**
 * Pooled OLS with an intercept.
 *
 * @param d - panel data.
 * @param se - classic or cluster (CR1 by `d.cluster`).
 * @returns the fit.
 * @throws {StatsError} from the fitter (constant column, collinearity, n ≤ k).
 * @example
 * ```ts
 * fitPooled(preparePanel(df, opts), 'classic').coefficients;
 * ```
 */
export function fitPooled(d: PanelData, se: PanelSe): PanelFit {
  const fit = fitLinearModel(
    { names: [INTERCEPT, ...d.names], columns: [new Float64Array(d.n).fill(1), ...d.columns] },
    d.y,
  );
  return finish(d, fit, fit.names, se, fit.r2, false);
}

/**
 * Entity fixed effects (within estimator).
 *
 * @param d - panel data.
 * @param se - classic or cluster.
 * @param options - `dropInvariant`: silently drop regressors constant within every entity (as
 *   plm; used for the within model behind random effects) instead of throwing.
 * @returns the fit; `r2` is the within R².
 * @throws {StatsError} `constant-column` naming a regressor constant within every entity.
 * @example
 * ```ts
 * fitWithin(d, 'cluster').r2; // within R²
 * ```
 */
export function fitWithin(d: PanelData, se: PanelSe, options: { dropInvariant?: boolean } = {}): PanelFit {
  const { entity, entityCounts, nEntities } = d.index;
  const names: string[] = [];
  const cols: Float64Array[] = [];
  d.names.forEach((name, j) => {
    if (constantWithinGroups(d.columns[j], entity, nEntities)) {
      if (options.dropInvariant) return;
      assertNotConstant(d.columns[j], name);
      throw absorbedError(name, 'is constant within every entity, so it is absorbed by the entity fixed effects');
    }
    names.push(name);
    cols.push(demean(d.columns[j], entity, entityCounts));
  });
  const yt = demean(d.y, entity, entityCounts);
  if (names.length === 0) {
    // No time-varying regressor (only reachable with dropInvariant): σ² from the demeaned y.
    let rss = 0;
    for (const v of yt) rss += v * v;
    const df = d.n - nEntities;
    if (df <= 0) throw new StatsError('too-few-observations', `n (${d.n}) must exceed the number of entities (${nEntities})`);
    return emptyFit(d, rss, df);
  }
  const fit = fitLinearModel({ names, columns: cols }, yt, { absorbedDf: nEntities });
  return finish(d, fit, fit.names, se, fit.r2, false);
}

/**
 * Two-way (entity + period) fixed effects.
 *
 * @param d - panel data with a time index.
 * @param se - classic or cluster.
 * @returns the fit; `r2` is the within R² of the two-way transformed data.
 * @throws {StatsError} `invalid-option` without a time column; `too-few-observations` with one
 *   period; `constant-column` naming a regressor absorbed by the entity or period effects;
 *   `collinear` for collinear regressors.
 * @example
 * ```ts
 * fitTwoWay(d, 'cluster').coefficients;
 * ```
 */
export function fitTwoWay(d: PanelData, se: PanelSe): PanelFit {
  const { entity, entityCounts, nEntities, time, nTimes, timeLevels } = d.index;
  if (!time || !nTimes || !timeLevels) throw new StatsError('invalid-option', 'two-way fixed effects need a time column');
  if (nTimes < 2) throw new StatsError('too-few-observations', `two-way fixed effects need at least 2 time periods (found 1: '${timeLevels[0]}')`);
  d.names.forEach((name, j) => {
    assertNotConstant(d.columns[j], name);
    if (constantWithinGroups(d.columns[j], entity, nEntities)) {
      throw absorbedError(name, 'is constant within every entity, so it is absorbed by the entity fixed effects');
    }
    if (constantWithinGroups(d.columns[j], time, nTimes)) {
      throw absorbedError(name, 'is constant within every time period, so it is absorbed by the time fixed effects');
    }
  });
  // Entity-demeaned period dummies (first period = reference); a dummy that vanishes
  // (period seen only by single-period entities) carries no information and is skipped.
  const dummyNames: string[] = [];
  const dummies: Float64Array[] = [];
  for (let t = 1; t < nTimes; t++) {
    const raw = new Float64Array(d.n);
    for (let i = 0; i < d.n; i++) if (time[i] === t) raw[i] = 1;
    const dm = demean(raw, entity, entityCounts);
    if (dm.some((v) => v !== 0)) {
      dummyNames.push(`\u0000time[${timeLevels[t]}]`);
      dummies.push(dm);
    }
  }
  const xt = d.columns.map((c) => demean(c, entity, entityCounts));
  const yt = demean(d.y, entity, entityCounts);
  // Dummies first: dqrdc2 flags the later of two dependent columns, so a dependence among the
  // period dummies (disconnected panel) drops a dummy, while one involving a regressor flags it.
  const fit = fitLinearModel({ names: [...dummyNames, ...d.names], columns: [...dummies, ...xt] }, yt, {
    absorbedDf: nEntities,
    singular: 'drop',
  });
  const aliasedX = fit.aliased.filter((nm) => !nm.startsWith('\u0000'));
  if (aliasedX.length > 0) {
    const keptDummies = dummyNames.map((nm, k) => ({ nm, col: dummies[k] })).filter((o) => fit.names.includes(o.nm));
    for (const name of aliasedX) {
      const j = d.names.indexOf(name);
      let ss = 0;
      for (const v of xt[j]) ss += v * v;
      if (absorbedBy(keptDummies.map((o) => o.nm), keptDummies.map((o) => o.col), xt[j], ss)) throw absorbedError(name, 'is absorbed by the entity and time fixed effects (it is a sum of an entity and a period component)');
    }
    // A dependence among the regressors themselves: let the fitter name it.
    fitLinearModel({ names: d.names, columns: xt }, yt, { absorbedDf: nEntities });
    throw new StatsError('collinear', `perfect collinearity among: ${aliasedX.join(', ')} and the fixed effects`, { columns: aliasedX });
  }
  // Total SS of the two-way transformed response, for the within R².
  const keptIdx = dummyNames.map((nm, k) => (fit.names.includes(nm) ? k : -1)).filter((k) => k >= 0);
  const tss2 = keptIdx.length
    ? fitLinearModel({ names: keptIdx.map((k) => dummyNames[k]), columns: keptIdx.map((k) => dummies[k]) }, yt, { coefficientsOnly: true }).rss
    : yt.reduce((s, v) => s + v * v, 0);
  return finish(d, fit, d.names, se, 1 - fit.rss / tss2, false);
}

/**
 * Random effects (Swamy–Arora), individual effects, balanced or unbalanced.
 *
 * formula (plm 2.6 ercomp, method "swar"): σ²_ν = e_W'e_W / (n − N − K_W) from the within
 * model; quadratic form of the "Between" model (entity means repeated T_i times)
 * q_B = e_B'e_B = (N − K − 1) σ²_ν + (n − tr[(Z̄'Z̄)⁻¹ Σ_i T_i² z̄_i z̄_i']) σ²_η, solved for σ²_η
 * (negative → 0); θ_i = 1 − √(σ²_ν/(T_i σ²_η + σ²_ν)); OLS of y − θ_i ȳ_i on
 * (1 − θ_i, x − θ_i x̄_i). Tests are z (normal), as plm's summary for random models.
 *
 * @param d - panel data.
 * @param se - classic or cluster.
 * @returns the fit with σ²_ν, σ²_η, θ_i and the within fit.
 * @throws {StatsError} `too-few-observations` when N ≤ K + 1; `collinear` when the between
 *   regression is not identified.
 * @example
 * ```ts
 * const re = fitRandom(d, 'classic'); re.theta;
 * ```
 */
export function fitRandom(d: PanelData, se: PanelSe): RandomFit {
  const { entity, entityCounts, nEntities } = d.index;
  const n = d.n;
  const K = d.names.length;
  const within = fitWithin(d, 'classic', { dropInvariant: true });
  const kW = within.names.length;
  const sigma2Idios = within.rss / (n - nEntities - kW);
  if (nEntities - K - 1 <= 0) {
    throw new StatsError(
      'too-few-observations',
      `random effects (Swamy–Arora) need more entities (${nEntities}) than regressors + 1 (${K + 1}) for the between regression`,
    );
  }
  // "Between" model on the n rows: entity means repeated T_i times.
  const yBar = groupMeans(d.y, entity, entityCounts);
  const xBars = d.columns.map((c) => groupMeans(c, entity, entityCounts));
  const zb = [new Float64Array(n).fill(1), ...xBars.map((m) => Float64Array.from(entity, (g) => m[g]))];
  let between: LinearModelFit;
  try {
    between = fitLinearModel({ names: [INTERCEPT, ...d.names], columns: zb }, Float64Array.from(entity, (g) => yBar[g]));
  } catch (e) {
    if (e instanceof StatsError) {
      throw new StatsError(e.code, `random effects (Swamy–Arora): the between-entity regression is not identified: ${e.message}`, e.details as Record<string, unknown>);
    }
    throw e;
  }
  // S = Σ_i T_i² z̄_i z̄_i' = Σ_rows T_i z̄_i z̄_i'.
  const p = K + 1;
  const S = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < n; i++) {
    const ti = entityCounts[entity[i]];
    for (let a = 0; a < p; a++) {
      const va = zb[a][i] * ti;
      for (let b = 0; b < p; b++) S[a][b] += va * zb[b][i];
    }
  }
  let trace = 0;
  const inv = between.xtxInverse;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) trace += inv[a][b] * S[b][a];
  const mEta = n - trace;
  let sigma2Entity = (between.rss - (nEntities - K - 1) * sigma2Idios) / mEta;
  if (!(sigma2Entity > 0)) sigma2Entity = 0;
  const theta = Float64Array.from(entityCounts, (ti) => 1 - Math.sqrt(sigma2Idios / (ti * sigma2Entity + sigma2Idios)));

  const ys = Float64Array.from(d.y, (v, i) => v - theta[entity[i]] * yBar[entity[i]]);
  const cols = [
    Float64Array.from(entity, (g) => 1 - theta[g]),
    ...d.columns.map((c, j) => Float64Array.from(c, (v, i) => v - theta[entity[i]] * xBars[j][entity[i]])),
  ];
  const fit = fitLinearModel({ names: [INTERCEPT, ...d.names], columns: cols }, ys);
  const r2 = squaredCorrelation(ys, fit.fitted);
  const out = finish(d, fit, fit.names, se, r2, true);
  return { ...out, sigma2Idios, sigma2Entity, theta, within };
}

/**
 * Hausman test of fixed vs random effects on the common slopes (plm `phtest`):
 * H = |d'(V_FE − V_RE)⁻¹ d|, d = b_FE − b_RE, classic covariances, χ²(#common).
 *
 * @param fe - within fit.
 * @param re - random-effects fit.
 * @returns χ², df and p.
 * @throws {StatsError} `invalid-option` with no common slope; `collinear` when V_FE − V_RE is singular.
 * @example
 * ```ts
 * hausman(fitWithin(d, 'classic'), fitRandom(d, 'classic')).p;
 * ```
 */
export function hausman(fe: PanelFit, re: PanelFit): { chisq: number; df: number; p: number } {
  const common = re.names.filter((nm) => nm !== INTERCEPT && fe.names.includes(nm));
  if (common.length === 0) throw new StatsError('invalid-option', 'Hausman test: the fixed- and random-effects models share no coefficient');
  const fi = common.map((nm) => fe.names.indexOf(nm));
  const ri = common.map((nm) => re.names.indexOf(nm));
  const dvec = Matrix.columnVector(common.map((_, k) => fe.coefficients[fi[k]] - re.coefficients[ri[k]]));
  const dv = new Matrix(common.map((_, a) => common.map((__, b) => fe.classic[fi[a]][fi[b]] - re.classic[ri[a]][ri[b]])));
  const lu = new LuDecomposition(dv);
  if (lu.isSingular()) throw new StatsError('collinear', 'Hausman test: the difference of the covariance matrices is singular');
  const chisq = Math.abs(dvec.transpose().mmul(lu.solve(dvec)).get(0, 0));
  if (!Number.isFinite(chisq)) throw new StatsError('non-finite', 'Hausman statistic is not finite');
  return { chisq, df: common.length, p: pUpperChisq(chisq, common.length) };
}

/**
 * Coefficient table of a panel fit (t tests on `cov.df`, or z when it is Infinity).
 *
 * @param fit - a panel fit.
 * @param level - confidence level.
 * @returns coefficients.
 * @throws {StatsError} `perfect-fit` when an SE is zero.
 * @example
 * ```ts
 * panelTable(fitWithin(d, 'cluster'), 0.95);
 * ```
 */
export function panelTable(fit: PanelFit, level = 0.95): Coefficient[] {
  return coefficientTable({ names: fit.names, coefficients: fit.coefficients }, fit.cov, { level });
}

function finish(d: PanelData, fit: LinearModelFit, names: readonly string[], se: PanelSe, r2: number, z: boolean): PanelFit {
  const idx = names.map((nm) => fit.names.indexOf(nm));
  const sub = (m: number[][]) => idx.map((a) => idx.map((b) => m[a][b]));
  const classicFull = vcov(fit);
  const classic = sub(classicFull.matrix);
  const k = names.length;
  let cov: Covariance;
  let nClusters: number | undefined;
  if (se === 'cluster') {
    const G = new Set(d.cluster).size;
    if (G < 2) {
      throw new StatsError('single-cluster', `the cluster variable '${d.clusterName}' has only one cluster ('${d.cluster[0]}'); cluster-robust SEs need at least 2`);
    }
    // plm vcovHC(type = "sss"): G/(G−1)·(n−1)/(n−k), k = reported coefficients (absorbed
    // effects not counted); t tests on G − 1 df as Stata's vce(cluster).
    const full = vcov(fit, { type: 'cluster', cluster: d.cluster, clusterScale: ((G / (G - 1)) * (d.n - 1)) / (d.n - k) });
    cov = { type: 'cluster', matrix: sub(full.matrix), df: z ? Infinity : G - 1, nClusters: G };
    nClusters = G;
  } else {
    cov = { type: 'classic', matrix: classic, df: z ? Infinity : fit.dfResidual };
  }
  const coefficients = Float64Array.from(idx, (i) => fit.coefficients[i]);
  const slopes = names.map((nm, i) => (nm === INTERCEPT ? -1 : i)).filter((i) => i >= 0);
  // With clusters the robust covariance has rank ≤ G − 1, so a joint test of more slopes is not
  // identified (Stata prints "F(k, G − 1) = ."): no test rather than a meaningless number.
  const identified = nClusters === undefined || slopes.length <= nClusters - 1;
  const wald = !identified
    ? null
    : slopes.length
      ? waldTest(coefficients, cov.matrix, slopes, z ? undefined : cov.df)
      : { statistic: 0, df1: 0, p: 1 };
  const out: PanelFit = {
    names: [...names],
    coefficients,
    classic,
    cov,
    n: d.n,
    dfResidual: fit.dfResidual,
    rss: fit.rss,
    sigma: fit.sigma,
    r2,
    adjR2: 1 - ((1 - r2) * (d.n - 1)) / fit.dfResidual,
    wald,
  };
  if (nClusters !== undefined) out.nClusters = nClusters;
  return out;
}

function emptyFit(d: PanelData, rss: number, df: number): PanelFit {
  return {
    names: [],
    coefficients: new Float64Array(0),
    classic: [],
    cov: { type: 'classic', matrix: [], df },
    n: d.n,
    dfResidual: df,
    rss,
    sigma: Math.sqrt(rss / df),
    r2: 0,
    adjR2: 0,
    wald: { statistic: 0, df1: 0, p: 1 },
  };
}

function squaredCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { sxx, syy, sxy } = crossProducts(a, b);
  return sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
}

/** Whether v (sum of squares ss) lies in the span of the columns (residual SS ≤ 1e-14·ss). */
function absorbedBy(names: string[], columns: Float64Array[], v: Float64Array, ss: number): boolean {
  if (columns.length === 0) return ss === 0;
  try {
    return fitLinearModel({ names, columns }, v, { coefficientsOnly: true }).rss <= 1e-14 * ss;
  } catch (e) {
    // The fitter refuses an (essentially) perfect fit: exactly the absorbed case.
    if (e instanceof StatsError && e.code === 'perfect-fit') return true;
    throw e;
  }
}

function absorbedError(name: string, why: string): StatsError {
  return new StatsError('constant-column', `column '${name}' ${why}`, { column: name });
}
