/**
 * Ordinary least squares as SPSS REGRESSION / Stata `regress` report it: B, SE, β, t, p, 95%
 * CI, VIF; R², adjusted R², overall F; σ; classic, HC1, HC3 or cluster-robust (CR1, Stata
 * vce(cluster)) standard errors; hierarchical blocks with ΔR², ΔF and p; factor predictors as
 * dummies with a chosen reference level; interaction terms "X:W".
 *
 * Checked against R 4.x lm + sandwich 3.x (vcovHC HC1/HC3, vcovCL type HC1) and NIST StRD
 * Longley (golden tests).
 */
import { pUpperF } from './distributions';
import { StatsError } from './errors';
import {
  assertHasRows,
  assertNotConstant,
  buildDesign,
  completeRows,
  getColumn,
  isMissing,
  nRows,
  takeLabels,
  takeNumeric,
  variablesOf,
  type Cell,
  type DataFrame,
  type FactorSpec,
} from './frame';
import { coefficientTable, fitLinearModel, vcov, waldTest, type Covariance, type Design, type LinearModelFit } from './linear-model';
import { sampleSd } from './moments';
import { INTERCEPT, type Coefficient, type SampleInfo, type SeType } from './types';

/** Options of {@link ols}. */
export interface OlsOptions {
  /** Dependent variable. */
  y: string;
  /** Predictor terms: variables, factors, interactions "X:W". Ignored when `blocks` is given. */
  x?: readonly string[];
  /** Hierarchical blocks of terms, entered in order (the final model uses all of them). */
  blocks?: ReadonlyArray<readonly string[]>;
  /** Categorical predictors and their reference levels (null = first level). */
  factors?: FactorSpec;
  /** Standard errors (default 'classic'). */
  se?: SeType;
  /** Cluster variable (required with se 'cluster'). */
  cluster?: string;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Include an intercept (default true). */
  intercept?: boolean;
}

/** A coefficient with its VIF (SPSS collinearity statistics). */
export interface OlsCoefficient extends Coefficient {
  /** Variance inflation factor (models with an intercept; absent for the intercept). */
  vif?: number;
}

/** One step of a hierarchical regression. */
export interface OlsBlock {
  /** Terms added in this block. */
  terms: string[];
  r2: number;
  adjR2: number;
  /** R² change from the previous block (R² itself for the first). */
  deltaR2: number;
  /** F for the R² change (classic nested-model F, as SPSS). */
  deltaF: number;
  df1: number;
  df2: number;
  pDeltaF: number;
  coefficients: OlsCoefficient[];
}

/** Result of {@link ols}. */
export interface OlsResult extends SampleInfo {
  y: string;
  coefficients: OlsCoefficient[];
  r2: number;
  adjR2: number;
  /**
   * Overall F (Wald F with the chosen covariance; the classic F for se 'classic'); null with
   * cluster SEs when there are more slopes than clusters − 1 (not identified; Stata prints ".").
   */
  f: number | null;
  dfModel: number;
  /** Denominator df of F and df of the t tests (G − 1 with clusters, as Stata). */
  dfResidual: number;
  /** p of the overall F (null when `f` is null). */
  pF: number | null;
  /** Residual standard error √(RSS/(n − k)). */
  sigma: number;
  se: SeType;
  nClusters?: number;
  blocks?: OlsBlock[];
  /** Why a statistic is missing (e.g. the overall F with too few clusters). */
  notes?: string[];
}

/**
 * Fits an OLS regression.
 *
 * @param df - data frame.
 * @param options - y, terms or blocks, factors, SE type, cluster.
 * @returns the regression table and fit statistics, with n used and dropped.
 * @throws {StatsError} `invalid-option` (no predictors, cluster missing, duplicate terms);
 *   `missing-column`; `non-numeric`; `constant-column` (y or a predictor constant);
 *   `collinear` naming the columns; `too-few-observations` (n ≤ parameters);
 *   `single-cluster`; `perfect-fit` (zero residuals).
 * @example
 * ```ts
 * ols(df, { y: 'satisfaction', x: ['age', 'sector', 'age:female'], factors: { sector: 'public' }, se: 'hc3' });
 * ```
 */
export function ols(df: DataFrame, options: OlsOptions): OlsResult {
  const seType = options.se ?? 'classic';
  if (!['classic', 'hc0', 'hc1', 'hc2', 'hc3', 'cluster'].includes(seType)) {
    throw new StatsError('invalid-option', `unknown se type '${seType}' (use classic, hc1, hc3 or cluster)`);
  }
  if (seType === 'cluster' && !options.cluster) throw new StatsError('invalid-option', "se 'cluster' needs a cluster variable");
  const blocks = options.blocks ? options.blocks.map((b) => [...b]) : [[...(options.x ?? [])]];
  if (blocks.some((b) => b.length === 0)) throw new StatsError('invalid-option', 'every block needs at least one predictor');
  const allTerms = blocks.flat();
  const factors = options.factors ?? {};
  for (const f of Object.keys(factors)) {
    if (!variablesOf(allTerms).includes(f)) throw new StatsError('invalid-option', `factor '${f}' is not used by any term`);
  }
  if (variablesOf(allTerms).includes(options.y)) throw new StatsError('invalid-option', `'${options.y}' is both the outcome and a predictor`);
  const vars = variablesOf(allTerms);
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  getColumn(df, options.y);
  const clusterVar = options.cluster && seType === 'cluster' ? options.cluster : undefined;
  const intercept = options.intercept ?? true;
  const fast = plainNumeric(df, [options.y, ...vars], allTerms, factors, clusterVar);
  // Listwise deletion, unless the direct path found every row complete.
  const sel = fast
    ? undefined
    : completeRows(df, [options.y, ...vars.filter((v) => !isFactor(v))], [...vars.filter(isFactor), ...(clusterVar ? [clusterVar] : [])]);
  if (sel) assertHasRows(df, sel, [options.y, ...vars, ...(clusterVar ? [clusterVar] : [])]);
  const y = fast ? fast.columns[options.y] : takeNumeric(df, [options.y], sel!.rows)[options.y];
  assertNotConstant(y, options.y, `outcome '${options.y}'`);
  const cluster = clusterVar ? takeLabels(df, clusterVar, sel ? sel.rows : allRows(fast!.n)) : undefined;

  const fitBlock = (terms: string[]) => {
    const design: Design = fast
      ? {
          names: [...(intercept ? [INTERCEPT] : []), ...terms],
          columns: [...(intercept ? [fast.ones] : []), ...terms.map((t) => fast.columns[t])],
        }
      : buildDesign(df, terms, { intercept, factors, rows: sel!.rows });
    // Classic SEs need no residual vector (σ comes from the QR), so the fit skips it.
    return fitLinearModel(design, y, { coefficientsOnly: seType === 'classic' });
  };

  const steps: OlsBlock[] = [];
  let last: {
    fit: LinearModelFit;
    cov: Covariance;
    coefficients: OlsCoefficient[];
    overall: { f: number | null; df1: number; df2: number; p: number | null };
  } | null = null;
  const notes: string[] = [];
  let prev: LinearModelFit | null = null;
  for (let b = 0; b < blocks.length; b++) {
    const terms = blocks.slice(0, b + 1).flat();
    const fit = fitBlock(terms);
    const cov = vcov(fit, { type: seType, cluster });
    const coefficients = table(fit, y, cov, options.level);
    const slopeIdx = fit.names.map((_, i) => i).filter((i) => fit.names[i] !== INTERCEPT);
    let overall: { f: number | null; df1: number; df2: number; p: number | null };
    if (cov.nClusters !== undefined && slopeIdx.length > cov.nClusters - 1) {
      // The cluster-robust covariance has rank ≤ G − 1 (the G score sums add to X'e = 0), so a
      // joint test of more than G − 1 slopes is not identified; Stata prints "F(q, G − 1) = .".
      overall = { f: null, df1: slopeIdx.length, df2: cov.df, p: null };
      if (b === blocks.length - 1) {
        notes.push(`overall F not available: ${slopeIdx.length} slopes but only ${cov.nClusters} clusters (the cluster-robust covariance has rank ≤ G − 1 = ${cov.nClusters - 1})`);
      }
    } else {
      const w = waldTest(fit.coefficients, cov.matrix, slopeIdx, cov.df);
      overall = { f: w.statistic, df1: w.df1, df2: cov.df, p: w.p };
    }
    const adj = adjustedR2(fit);
    if (blocks.length > 1) {
      // formula: ΔF = (ΔR²/Δk) / ((1 − R²)/(n − k)) — nested-model F (SPSS R² change).
      const r2Prev = prev ? prev.r2 : 0;
      const kPrev = prev ? prev.rank : intercept ? 1 : 0;
      const df1 = fit.rank - kPrev;
      const df2 = fit.dfResidual;
      const deltaR2 = fit.r2 - r2Prev;
      const rssPrev = prev ? prev.rss : fit.tss; // centered TSS with an intercept, uncentered without
      const deltaF = (rssPrev - fit.rss) / df1 / (fit.rss / df2);
      if (!Number.isFinite(deltaF)) throw new StatsError('perfect-fit', `block ${b + 1}: the R² change F test is undefined (zero residuals)`);
      steps.push({ terms: blocks[b], r2: fit.r2, adjR2: adj, deltaR2, deltaF, df1, df2, pDeltaF: pUpperF(Math.max(deltaF, 0), df1, df2), coefficients });
    }
    prev = fit;
    last = { fit, cov, coefficients, overall };
  }
  const { fit, cov, coefficients, overall } = last!;
  const result: OlsResult = {
    y: options.y,
    n: fit.n,
    nDropped: sel ? sel.nDropped : 0,
    coefficients,
    r2: fit.r2,
    adjR2: adjustedR2(fit),
    f: overall.f,
    dfModel: overall.df1,
    dfResidual: overall.df2,
    pF: overall.p,
    sigma: fit.sigma,
    se: seType,
  };
  if (cov.nClusters !== undefined) result.nClusters = cov.nClusters;
  if (blocks.length > 1) result.blocks = steps;
  if (notes.length) result.notes = notes;
  return result;
}

/**
 * The common case, without listwise deletion or dummy coding: every variable numeric (no
 * factors, no interaction terms, no repeated term) and every value of y and the predictors a
 * finite number. Listwise deletion then keeps every row and `takeNumeric`/`buildDesign` would
 * return the values unchanged, so the design uses the data frame's own arrays, checked in one
 * pass per column, with no per-cell conversion or copy. Undefined otherwise: the general path
 * then handles (and reports) missing, non-numeric and categorical values.
 */
function plainNumeric(
  df: DataFrame,
  numeric: readonly string[],
  terms: readonly string[],
  factors: FactorSpec,
  cluster: string | undefined,
): { n: number; columns: Record<string, ArrayLike<number>>; ones: Float64Array } | undefined {
  if (Object.keys(factors).length > 0 || terms.some((t) => t.includes(':') || t.trim() !== t) || new Set(terms).size !== terms.length) return undefined;
  const n = nRows(df);
  if (n === 0) return undefined;
  const columns: Record<string, ArrayLike<number>> = {};
  for (const name of numeric) {
    const col = getColumn(df, name);
    if (!allFinite(col)) return undefined;
    columns[name] = col as ArrayLike<number>;
  }
  if (cluster !== undefined && getColumn(df, cluster).some((v) => isMissing(v))) return undefined;
  return { n, columns, ones: new Float64Array(n).fill(1) };
}

/** 0, 1, …, n − 1. */
function allRows(n: number): number[] {
  const rows = new Array<number>(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Whether every value is a finite number. */
function allFinite(col: ReadonlyArray<Cell>): boolean {
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (typeof v !== 'number' || v - v !== 0) return false;
  }
  return true;
}

/** formula: adj R² = 1 − (1 − R²)(n − i)/(n − k), i = 1 with an intercept (R summary.lm). */
function adjustedR2(fit: LinearModelFit): number {
  const i = fit.hasIntercept ? 1 : 0;
  return 1 - ((1 - fit.r2) * (fit.n - i)) / fit.dfResidual;
}

function table(
  fit: LinearModelFit,
  y: ArrayLike<number>,
  cov: Covariance,
  level: number | undefined,
): OlsCoefficient[] {
  // Centred sums of squares come with the fit (tss is centred when there is an intercept).
  const sdY = fit.hasIntercept ? Math.sqrt(fit.tss / (fit.n - 1)) : sampleSd(y);
  const beta: Record<string, number> = {};
  const vif: Record<string, number> = {};
  fit.names.forEach((term, j) => {
    if (term === INTERCEPT) return;
    const sdX = Math.sqrt(fit.centredSs[j] / (fit.n - 1));
    // formula: β_j = B_j · s_xj / s_y (SPSS standardized coefficients)
    beta[term] = (fit.coefficients[j] * sdX) / sdY;
    // formula: VIF_j = [(X'X)⁻¹]_jj · Σ(x_ij − x̄_j)², equal to 1/(1 − R_j²).
    if (fit.hasIntercept) vif[term] = fit.xtxInverse[j][j] * fit.centredSs[j];
  });
  return coefficientTable(fit, cov, { level, beta }).map((c) => (vif[c.term] !== undefined ? { ...c, vif: vif[c.term] } : c));
}
