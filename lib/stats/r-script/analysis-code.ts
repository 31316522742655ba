/**
 * The parts every analysis contributes to a script ({@link AnalysisCode}) and the pieces the
 * regression analyses share: listwise deletion, factor set-up, the check that R's formula
 * coding gives the same dummies as the app, and lm standard-error calls.
 */
import type { FactorSpec } from '@/lib/stats/frame';
import { variablesOf } from '@/lib/stats/frame';
import type { HelperName } from './helpers';
import { RScriptUnsupportedError, rName, rString, rVector } from './r-code';

/** What one analysis puts into the script. */
export interface AnalysisCode {
  /** Title line, e.g. "Linear regression (OLS) of sat". */
  title: string;
  /** R packages the script needs (beyond base R). */
  packages: string[];
  /** Helpers from ./helpers the code calls. */
  helpers: HelperName[];
  /** Comment lines (without '# ') explaining conventions, shown in the header. */
  notes: string[];
  /** Top-level R code before `analyse` (settings and functions). */
  setup: string;
  /**
   * Body of `analyse <- function(d) { … }`: runs the analysis on `d`, prints it, records key
   * numbers with put(), and returns a data.frame(term, estimate, se) of the estimates a by-group
   * run compares (or NULL).
   */
  body: string;
  /** Top-level code run after the by-group loop (e.g. the Chow test), when --group is given. */
  byGroupExtra?: string;
}

/**
 * `n_all <- nrow(d)` and the listwise deletion call, then n / nDropped.
 *
 * @param numeric - numeric columns.
 * @param categorical - categorical columns (factors, entity, cluster …).
 * @returns R lines.
 */
export function listwise(numeric: readonly string[], categorical: readonly string[] = []): string {
  const num = [...new Set(numeric)];
  const cat = [...new Set(categorical)].filter((c) => !num.includes(c));
  return [
    '# Listwise deletion over the variables of the model (as the app).',
    'n_all <- nrow(d)',
    `d <- complete_rows(d, numeric = ${rVector(num)}${cat.length ? `, categorical = ${rVector(cat)}` : ''})`,
    'put("n", nrow(d))',
    'put("nDropped", n_all - nrow(d))',
  ].join('\n');
}

/**
 * Lines turning factor columns into R factors with the app's levels and reference.
 *
 * @param factors - factor → reference (null = first level).
 * @returns R lines ('' without factors).
 */
export function factorSetup(factors: FactorSpec): string {
  const lines = Object.entries(factors).map(([name, ref]) => {
    const col = `d[[${rString(name)}]]`;
    return ref ? `${col} <- app_factor(${col}, ref = ${rString(ref)})` : `${col} <- app_factor(${col})`;
  });
  if (!lines.length) return '';
  return ['# Categorical predictors: dummies against the reference level (R contr.treatment).', ...lines].join('\n');
}

/** Names of the factor columns among the variables of `terms`. */
export function factorVariables(terms: readonly string[], factors: FactorSpec): string[] {
  const vars = variablesOf(terms);
  return Object.keys(factors).filter((f) => vars.includes(f));
}

/** Numeric (non-factor) variables of `terms`. */
export function numericVariables(terms: readonly string[], factors: FactorSpec): string[] {
  return variablesOf(terms).filter((v) => !Object.prototype.hasOwnProperty.call(factors, v));
}

/**
 * Checks that an R formula codes the factors as the app does: dummies for every level but the
 * reference. R gives a factor all its levels when the model has no intercept, and in an
 * interaction whose other part is not in the model (`y ~ x:g` without `x`): both are refused.
 *
 * @param terms - model terms.
 * @param factors - factor spec.
 * @param intercept - whether the model has an intercept.
 * @param where - the options, for the message.
 * @throws {RScriptUnsupportedError} naming the term.
 */
export function assertRCoding(terms: readonly string[], factors: FactorSpec, intercept: boolean, where: string): void {
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const key = (vars: readonly string[]) => [...vars].sort().join('\u0000');
  const present = new Set(terms.map((t) => key(t.split(':').map((s) => s.trim()))));
  for (const term of terms) {
    const vars = term.split(':').map((s) => s.trim());
    for (const f of vars.filter(isFactor)) {
      const rest = vars.filter((v) => v !== f);
      if (rest.length === 0 && !intercept) {
        throw new RScriptUnsupportedError(`${where}: --no-intercept with the factor '${f}' is not supported by the R script (R would code '${f}' with all its levels, the app drops the reference level)`);
      }
      if (rest.length > 0 && !present.has(key(rest))) {
        throw new RScriptUnsupportedError(`${where}: the interaction '${term}' without the term '${rest.join(':')}' is not supported by the R script (R would code the factor '${f}' with all its levels there)`);
      }
    }
  }
}

/**
 * The R call for an lm coefficient covariance matrix.
 *
 * @param se - SE type ('classic', 'hc0'…'hc3', 'cluster').
 * @param cluster - cluster column (se 'cluster').
 * @param model - R variable of the model.
 * @returns R code of the covariance and a comment.
 */
export function lmVcov(se: string, cluster: string | undefined, model = 'm'): { code: string; comment: string } {
  if (se === 'classic') return { code: `vcov(${model})`, comment: 'classic (OLS) standard errors' };
  if (se === 'cluster') {
    return {
      code: `sandwich::vcovCL(${model}, cluster = d[[${rString(cluster as string)}]], type = "HC1")`,
      comment: `cluster-robust by ${cluster}: CR1 = G/(G-1)*(n-1)/(n-k), as Stata's vce(cluster); t tests on G - 1 df`,
    };
  }
  const type = se.toUpperCase();
  return { code: `sandwich::vcovHC(${model}, type = "${type}")`, comment: `heteroskedasticity-consistent ${type} standard errors` };
}

/**
 * Column access `d[["name"]]` as R code.
 *
 * @param name - column.
 * @returns R code.
 */
export function col(name: string, frame = 'd'): string {
  return `${frame}[[${rString(name)}]]`;
}

/**
 * Every name used in a formula must be quotable (see {@link rName}); this calls it for its check.
 *
 * @param names - column names.
 * @throws {RScriptUnsupportedError} for an unquotable name.
 */
export function assertNames(names: readonly string[]): void {
  for (const n of names) rName(n);
}
