/**
 * R code for `stats qreg`: quantreg::rq(method = "br") at each τ with summary.rq(se = "nid")
 * (Hendricks–Koenker sandwich, Hall–Sheather bandwidth) — the estimator and SEs of
 * lib/stats/qreg.ts; confidence limits estimate ± t(n − p)·se.
 */
import type { CliArgs } from '@/lib/cli/args';
import { CliUsageError } from '@/lib/cli/args';
import { factorOption, regressors } from '@/lib/cli/stats/options';
import { variablesOf } from '@/lib/stats/frame';
import { assertRCoding, factorSetup, factorVariables, listwise, numericVariables, type AnalysisCode } from './analysis-code';
import { rFormula, rName, rNumber, rVector } from './r-code';

/**
 * @param args - parsed qreg options.
 * @returns the analysis code.
 * @throws {CliUsageError} for a τ outside (0, 1); {RScriptUnsupportedError} for a factor coding
 *   R cannot reproduce.
 */
export function qregCode(args: CliArgs): AnalysisCode {
  const y = args.string('y', true);
  const terms = regressors(args);
  const taus = args.list('tau').map((s) => {
    const v = Number(s);
    if (!(v > 0 && v < 1)) throw new CliUsageError(`option --tau must be numbers between 0 and 1 (got '${s}')`);
    return v;
  });
  const factors = factorOption(args);
  const level = args.number('level') ?? 0.95;
  const intercept = !args.flag('no-intercept');
  assertRCoding(terms, factors, intercept, 'qreg');
  rName(y);
  variablesOf(terms).forEach(rName);
  const fvars = factorVariables(terms, factors);
  const body = [
    listwise([y, ...numericVariables(terms, factors)], fvars),
    factorSetup(Object.fromEntries(fvars.map((f) => [f, factors[f]]))),
    `terms <- ${rVector(terms)}`,
    `f <- ${rFormula(y, terms, intercept)}`,
    'estimates <- NULL',
    `for (tau in c(${(taus.length ? taus : [0.5]).map(rNumber).join(', ')})) {`,
    '  fit <- quantreg::rq(f, tau = tau, data = d, method = "br")',
    '  # Standard errors: summary.rq(se = "nid"), the Hendricks–Koenker sandwich (Hall–Sheather bandwidth).',
    '  co <- summary(fit, se = "nid")$coefficients',
    '  rownames(co) <- app_names(rownames(co), d, terms)',
    '  df_t <- nrow(d) - nrow(co)',
    '  cat("\\ntau =", tau, "\\n"); print(co)',
    '  key <- paste0("quantiles/tau=", tau, "/")',
    `  tab <- coef_rows(paste0(key, "coefficients/"), setNames(co[, 1], rownames(co)), co[, 2], df_t, level = ${rNumber(level)})`,
    '  put(paste0(key, "objective"), sum(resid(fit) * (tau - (resid(fit) < 0))))',
    '  estimates <- rbind(estimates, data.frame(term = paste0(tab$term, "@tau=", tau), estimate = tab$estimate, se = tab$se))',
    '}',
    'put("dfResidual", df_t)',
    'estimates',
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    title: `Quantile regression of ${y}`,
    packages: ['quantreg'],
    helpers: ['put', 'completeRows', 'appFactor', 'appNames', 'coefRows'],
    notes: ['estimates: rq(method = "br"); standard errors: summary.rq(se = "nid").'],
    setup: '',
    body,
  };
}
