/**
 * Mediation analysis: Hayes PROCESS model 4 (simple and parallel multiple mediators, with
 * covariates) and the Baron & Kenny (1986) causal steps.
 *
 * Models, fitted by the core QR fitter on the same listwise-complete sample (Hayes 2022,
 * eqs. 3.1–3.3 and 5.1–5.2):
 *   M_j = i_j + a_j X + Σ g C + e_j          (one per mediator j = 1..k)
 *   Y   = i_Y + c′ X + Σ_j b_j M_j + Σ h C + e_Y
 *   Y   = i_T + c X + Σ f C + e_T            (total effect)
 * Indirect effect of X through M_j: a_j·b_j; total indirect Σ_j a_j b_j = c − c′ (exactly, for
 * OLS on one sample; Hayes 2022, eq. 5.6).
 *
 * Inference for a_j b_j: Sobel (1982) first-order normal test z = ab/√(b²s_a² + a²s_b²); the
 * second-order (Aroian 1947) SE √(b²s_a² + a²s_b² + s_a²s_b²) is also given; and the percentile
 * bootstrap CI (Hayes 2022, sec. 3.4), default 5,000 draws, seeded (see ./mediate-bootstrap).
 *
 * Result shape (CLI contract): `a`, `b`, `sobel` are single objects with one mediator; with
 * several mediators they are arrays in the order of `m`, each element carrying `mediator`.
 * `indirect` is always one object: a·b with one mediator, the TOTAL indirect effect with several.
 * `mediators[]` always holds the uniform per-mediator detail (a, b, indirect with bootstrap CI,
 * Sobel, Aroian, Baron–Kenny steps); `contrasts[]` the pairwise differences of specific
 * indirect effects (PROCESS `contrast=1`).
 */
import { StatsError } from './errors';
import { assertDistinctRoles, assertHasRows, assertNotConstant, buildDesign, completeRows, takeNumeric, type DataFrame, type FactorSpec } from './frame';
import { coefficientTable, fitLinearModel, vcov, type LinearModelFit } from './linear-model';
import { pTwoSidedZ } from './distributions';
import { bootstrapIndirect, summarizeDraws, type IndirectDraws } from './mediate-bootstrap';
import type { Coefficient, SampleInfo, SeType } from './types';

/** Options of {@link mediate}. */
export interface MediateOptions {
  /** Outcome Y. */
  y: string;
  /** Antecedent (independent variable) X. */
  x: string;
  /** Mediator(s); several = parallel multiple mediator model (PROCESS model 4). */
  m: string | readonly string[];
  /** Covariates entered in every equation (PROCESS `cov`). */
  covariates?: readonly string[];
  /** Categorical covariates → reference level (dummy coded). */
  factors?: FactorSpec;
  /** Bootstrap draws (default 5000; 0 = no bootstrap, CI fields are null). */
  boot?: number;
  /** Seed in [0, 2³²); default a random seed, reported in `bootstrap.seed`. */
  seed?: number;
  /** Confidence level for path CIs and the bootstrap CI (default 0.95; α = 1 − level for Baron–Kenny). */
  level?: number;
  /** Standard errors of the paths (default classic; PROCESS `hc3=1` ↔ 'hc3'). */
  se?: Exclude<SeType, 'cluster'>;
  /** Keep the raw bootstrap draws in `draws` (for by-group differences; not for JSON output). */
  keepDraws?: boolean;
  /** Bootstrap progress: draws done of the total (see bootstrapIndirect). */
  onProgress?: (done: number, total: number) => void;
}

/** A regression path: a coefficient row without its term name (and without β). */
export type PathEstimate = Omit<Coefficient, 'term' | 'beta'>;

/** A path of one mediator (arrays when there are several mediators). */
export interface MediatorPath extends PathEstimate {
  mediator: string;
}

/** An indirect effect with its percentile bootstrap summary (null without bootstrap). */
export interface IndirectEffect {
  estimate: number;
  bootSe: number | null;
  ciLower: number | null;
  ciUpper: number | null;
}

/** A normal-theory test of an indirect effect. */
export interface NormalTest {
  z: number;
  p: number;
  /** Standard error of a·b used for z. */
  se: number;
}

/** Baron & Kenny (1986) causal steps for one mediator, at α = 1 − level. */
export interface BaronKennySteps {
  /** Step 1: X → Y (c) significant. */
  cSignificant: boolean;
  /** Step 2: X → M (a) significant. */
  aSignificant: boolean;
  /** Step 3: M → Y controlling X (b) significant. */
  bSignificant: boolean;
  /** Step 4: direct effect c′ significant. */
  cPrimeSignificant: boolean;
  /** 'full' (steps 1–3 hold, c′ n.s.), 'partial' (steps 1–3 hold, c′ significant), else 'none'. */
  conclusion: 'full' | 'partial' | 'none';
}

/** Per-mediator detail. */
export interface MediatorEffects {
  name: string;
  a: PathEstimate;
  b: PathEstimate;
  indirect: IndirectEffect;
  /** Sobel (1982) first-order test. */
  sobel: NormalTest;
  /** Aroian (1947) second-order test. */
  aroian: NormalTest;
  baronKenny: BaronKennySteps;
}

/** A fitted equation of the mediation model. */
export interface EquationSummary {
  outcome: string;
  coefficients: Coefficient[];
  r2: number;
  sigma: number;
  dfResidual: number;
}

/** Result of {@link mediate}. */
export interface MediationResult extends SampleInfo {
  y: string;
  x: string;
  m: string[];
  covariates: string[];
  /** X → M: one object, or an array (one per mediator) with several mediators. */
  a: PathEstimate | MediatorPath[];
  /** M → Y controlling X: one object, or an array with several mediators. */
  b: PathEstimate | MediatorPath[];
  /** Total effect of X on Y. */
  c: PathEstimate;
  /** Direct effect of X on Y controlling the mediator(s). */
  cPrime: PathEstimate;
  /** a·b, or the total indirect effect Σ a_j b_j with several mediators. */
  indirect: IndirectEffect;
  /** Sobel test: one object, or an array (with `mediator`) with several mediators. */
  sobel: NormalTest | Array<NormalTest & { mediator: string }>;
  mediators: MediatorEffects[];
  /** Pairwise contrasts of specific indirect effects (several mediators only). */
  contrasts: Array<{ mediator1: string; mediator2: string } & IndirectEffect>;
  models: { mediators: EquationSummary[]; outcome: EquationSummary; total: EquationSummary };
  bootstrap: { draws: number; seed: number; level: number; replaced: number; method: 'cholesky' | 'qr' } | null;
  level: number;
  se: Exclude<SeType, 'cluster'>;
  /** Raw draws, only with `keepDraws`. */
  draws?: IndirectDraws;
}

const DEFAULT_BOOT = 5000;

/**
 * Mediation analysis (PROCESS model 4 / Baron–Kenny) with a percentile bootstrap CI.
 *
 * @param frame - data (columns by name); rows with a missing value in any used variable are dropped.
 * @param options - y, x, m (one or several), covariates, boot, seed, level, se.
 * @returns paths a, b, c, c′, indirect effect(s) with bootstrap CI, Sobel tests, equations.
 * @throws {StatsError} `invalid-option` (bad or repeated variable, boot, level, seed),
 *   `missing-column`, `non-numeric`, `constant-column` (names the column and its role),
 *   `collinear` (names the columns), `too-few-observations`, `non-finite`.
 * @example
 * ```ts
 * const r = mediate(df, { y: 'engage', x: 'tl', m: 'empower', covariates: ['age'], boot: 5000, seed: 1 });
 * r.indirect; // { estimate, bootSe, ciLower, ciUpper }
 * ```
 */
export function mediate(frame: DataFrame, options: MediateOptions): MediationResult {
  const ms = typeof options.m === 'string' ? [options.m] : [...options.m];
  const covs = [...(options.covariates ?? [])];
  const level = options.level ?? 0.95;
  const seType = options.se ?? 'classic';
  const boot = options.boot ?? DEFAULT_BOOT;
  validate(options.y, options.x, ms, covs, level, boot, options.seed);
  const seed = options.seed ?? Math.floor(Math.random() * 0x100000000);
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  for (const v of [options.y, options.x, ...ms]) {
    if (isFactor(v)) throw new StatsError('invalid-option', `'${v}' is listed as a factor; only covariates may be categorical`);
  }

  const sel = completeRows(frame, [options.y, options.x, ...ms, ...covs.filter((c) => !isFactor(c))], covs.filter(isFactor));
  const rows = sel.rows;
  assertHasRows(frame, sel, [options.y, options.x, ...ms, ...covs]);
  const num = takeNumeric(frame, [options.y, ...ms], rows);
  assertNotConstant(num[options.y], options.y, `column '${options.y}' (the outcome Y)`);
  ms.forEach((m) => assertNotConstant(num[m], m, `column '${m}' (a mediator)`));

  const dA = buildDesign(frame, [options.x, ...covs], { rows, factors });
  const dY = buildDesign(frame, [options.x, ...ms, ...covs], { rows, factors });
  assertNotConstant(dA.columns[1], options.x, `column '${options.x}' (the antecedent X)`);
  const fitsM = ms.map((m) => fitLinearModel(dA, num[m]));
  const fitY = fitLinearModel(dY, num[options.y]);
  const fitC = fitLinearModel(dA, num[options.y]);
  const eqM = ms.map((m, j) => equation(m, fitsM[j], seType, level));
  const eqY = equation(options.y, fitY, seType, level);
  const eqC = equation(options.y, fitC, seType, level);

  const aPaths = eqM.map((e) => path(e, options.x));
  const bPaths = ms.map((m) => path(eqY, m));
  const c = path(eqC, options.x);
  const cPrime = path(eqY, options.x);

  let draws: IndirectDraws | null = null;
  if (boot > 0) {
    draws = bootstrapIndirect(
      { x: dA.columns[1] as Float64Array, covariates: dA.columns.slice(2) as Float64Array[], mediators: ms.map((m) => num[m]), y: num[options.y] },
      {
        draws: boot,
        seed,
        reference: { a: aPaths.map((p) => p.estimate), b: bPaths.map((p) => p.estimate), seA: aPaths.map((p) => p.se), seB: bPaths.map((p) => p.se) },
        onProgress: options.onProgress,
      },
    );
  }
  const summarize = (estimate: number, d: Float64Array | null): IndirectEffect => {
    if (!d) return { estimate, bootSe: null, ciLower: null, ciUpper: null };
    return { estimate, ...summarizeDraws(d, level) };
  };

  const alpha = 1 - level;
  const mediators: MediatorEffects[] = ms.map((name, j) => {
    const a = aPaths[j];
    const b = bPaths[j];
    const ab = a.estimate * b.estimate;
    // Sobel 1982 (first-order delta method); Aroian 1947 adds the s_a²s_b² term.
    const v1 = b.estimate * b.estimate * a.se * a.se + a.estimate * a.estimate * b.se * b.se;
    const se1 = Math.sqrt(v1);
    const se2 = Math.sqrt(v1 + a.se * a.se * b.se * b.se);
    const cSig = c.p < alpha;
    const aSig = a.p < alpha;
    const bSig = b.p < alpha;
    const cpSig = cPrime.p < alpha;
    return {
      name,
      a,
      b,
      indirect: summarize(ab, draws ? draws.perMediator[j] : null),
      sobel: normalTest(ab, se1, name),
      aroian: normalTest(ab, se2, name),
      baronKenny: {
        cSignificant: cSig,
        aSignificant: aSig,
        bSignificant: bSig,
        cPrimeSignificant: cpSig,
        conclusion: cSig && aSig && bSig ? (cpSig ? 'partial' : 'full') : 'none',
      },
    };
  });
  const totalIndirect = mediators.reduce((s, m) => s + m.indirect.estimate, 0);

  const contrasts: MediationResult['contrasts'] = [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      let d: Float64Array | null = null;
      if (draws) {
        d = new Float64Array(boot);
        for (let r = 0; r < boot; r++) d[r] = draws.perMediator[i][r] - draws.perMediator[j][r];
      }
      contrasts.push({ mediator1: ms[i], mediator2: ms[j], ...summarize(mediators[i].indirect.estimate - mediators[j].indirect.estimate, d) });
    }
  }

  const single = ms.length === 1;
  const result: MediationResult = {
    n: sel.n,
    nDropped: sel.nDropped,
    y: options.y,
    x: options.x,
    m: ms,
    covariates: covs,
    a: single ? aPaths[0] : aPaths.map((p, j) => ({ mediator: ms[j], ...p })),
    b: single ? bPaths[0] : bPaths.map((p, j) => ({ mediator: ms[j], ...p })),
    c,
    cPrime,
    indirect: single ? mediators[0].indirect : summarize(totalIndirect, draws ? draws.total : null),
    sobel: single ? mediators[0].sobel : mediators.map((m) => ({ mediator: m.name, ...m.sobel })),
    mediators,
    contrasts,
    models: { mediators: eqM, outcome: eqY, total: eqC },
    bootstrap: draws ? { draws: boot, seed, level, replaced: draws.replaced, method: draws.method } : null,
    level,
    se: seType,
  };
  if (options.keepDraws && draws) result.draws = draws;
  return result;
}

function validate(y: string, x: string, ms: string[], covs: string[], level: number, boot: number, seed: number | undefined): void {
  if (ms.length === 0) throw new StatsError('invalid-option', 'mediation needs at least one mediator (m)');
  assertDistinctRoles([[y, 'Y'], [x, 'X'], ...ms.map((m) => [m, 'a mediator'] as const), ...covs.map((c) => [c, 'a covariate'] as const)]);
  if (!(level > 0 && level < 1)) throw new StatsError('invalid-option', `confidence level must be in (0, 1) (got ${level})`);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new StatsError('invalid-option', `seed must be an integer in [0, 4294967295] (got ${seed})`);
  }
  if (!Number.isInteger(boot) || boot < 0 || boot === 1 || boot > 1_000_000) {
    throw new StatsError('invalid-option', `boot must be 0 or an integer from 2 to 1,000,000 (got ${boot})`);
  }
}


function equation(outcome: string, fit: LinearModelFit, se: Exclude<SeType, 'cluster'>, level: number): EquationSummary {
  const cov = vcov(fit, { type: se });
  return { outcome, coefficients: coefficientTable(fit, cov, { level }), r2: fit.r2, sigma: fit.sigma, dfResidual: fit.dfResidual };
}

function path(eq: EquationSummary, term: string): PathEstimate {
  const row = eq.coefficients.find((c) => c.term === term);
  if (!row) throw new StatsError('invalid-option', `term '${term}' is not in the model for '${eq.outcome}'`);
  return { estimate: row.estimate, se: row.se, t: row.t, p: row.p, ciLower: row.ciLower, ciUpper: row.ciUpper };
}

function normalTest(ab: number, se: number, mediator: string): NormalTest {
  if (!(se > 0)) throw new StatsError('non-finite', `the Sobel standard error for mediator '${mediator}' is zero`);
  const z = ab / se;
  return { z, p: pTwoSidedZ(z), se };
}
