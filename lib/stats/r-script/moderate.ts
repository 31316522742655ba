/**
 * R code for `stats moderate` (Hayes PROCESS model 1): lm with X*W (after optional mean
 * centring), simple slopes at mean − 1 SD, mean, mean + 1 SD of W (clamped to the observed
 * range, as PROCESS v4), at the two values of a dichotomous W, or at chosen values; and the
 * Johnson–Neyman points by the quadratic formula (Hayes 2022, sec. 7.4). interactions::
 * johnson_neyman(m, pred = X, modx = W) gives the same points where that package is installed.
 */
import { CliUsageError, type CliArgs } from '@/lib/cli/args';
import { factorOption } from '@/lib/cli/stats/options';
import { factorSetup, factorVariables, listwise, lmVcov, numericVariables, type AnalysisCode } from './analysis-code';
import { chowCode } from './ols';
import { RScriptUnsupportedError, rFormula, rName, rNumber, rString } from './r-code';

/**
 * @param args - parsed moderate options.
 * @returns the analysis code.
 * @throws {CliUsageError} for a non-numeric --w-values; {RScriptUnsupportedError} for a factor as
 *   X, W or Y.
 */
export function moderateCode(args: CliArgs): AnalysisCode {
  const y = args.string('y', true);
  const x = args.string('x', true);
  const w = args.string('w', true);
  const covs = args.list('covariates');
  const factors = factorOption(args);
  for (const v of [y, x, w]) {
    if (Object.prototype.hasOwnProperty.call(factors, v)) throw new RScriptUnsupportedError(`moderate: '${v}' is listed as a factor; only covariates may be categorical`);
  }
  const center = args.flag('center');
  const wValues = args.has('w-values')
    ? args.list('w-values', true).map((s) => {
        const v = Number(s);
        if (!Number.isFinite(v)) throw new CliUsageError(`--w-values: '${s}' is not a number`);
        return v;
      })
    : undefined;
  const level = args.number('level') ?? 0.95;
  const se = args.choice('se', ['classic', 'hc0', 'hc1', 'hc2', 'hc3'] as const) ?? 'classic';
  [y, x, w].forEach(rName);
  const fvars = factorVariables(covs, factors);
  const vc = lmVcov(se, undefined);
  const xw = `${x}:${w}`;
  const X = rString(x);
  const W = rString(w);

  const body = [
    listwise([y, x, w, ...numericVariables(covs, factors)], fvars),
    factorSetup(Object.fromEntries(fvars.map((f) => [f, factors[f]]))),
    `w_raw <- d[[${W}]]`,
    center
      ? [
          '# Mean-centre X and W (PROCESS center = 1); the product is formed after centring.',
          `cx <- mean(d[[${X}]]); cw <- mean(w_raw)`,
          `d[[${X}]] <- d[[${X}]] - cx`,
          `d[[${W}]] <- d[[${W}]] - cw`,
        ].join('\n')
      : 'cx <- 0; cw <- 0',
    `m <- lm(${rFormula(y, [x, w, xw, ...covs])}, data = d)`,
    `# Coefficient covariance: ${vc.comment}; t tests on the residual df.`,
    `V <- ${vc.code}`,
    'df_t <- m$df.residual',
    'ct <- lmtest::coeftest(m, vcov. = V, df = df_t)',
    `rownames(ct) <- app_names(rownames(ct), d, ${rString(xw)})`,
    'dimnames(V) <- list(rownames(ct), rownames(ct))',
    'print(ct)',
    `tab <- coef_rows("coefficients/", setNames(ct[, 1], rownames(ct)), ct[, 2], df_t, level = ${rNumber(level)})`,
    's <- summary(m)',
    'put("r2", s$r.squared)',
    'put("sigma", s$sigma)',
    'ov <- wald_test(coef(m), V, which(rownames(ct) != "(Intercept)"), df_t)',
    'put("f", ov$statistic); put("dfModel", ov$df1); put("dfResidual", ov$df2); put("pF", ov$p)',
    '# The X:W test: R² change over the model without the product; F = t² (PROCESS).',
    `reduced <- lm(${rFormula(y, [x, w, ...covs])}, data = d)`,
    `ixw <- ${rString(xw)}`,
    'put("interaction/r2Change", s$r.squared - summary(reduced)$r.squared)',
    'put("interaction/f", ct[ixw, 3]^2)',
    'put("interaction/p", ct[ixw, 4])',
    'cat(sprintf("R2 = %.6f, R2 change for X:W = %.6f\\n", s$r.squared, s$r.squared - summary(reduced)$r.squared))',
    '',
    `ix <- ${X}`,
    'b <- coef(m); names(b) <- rownames(ct)',
    `tc <- qt((1 + ${rNumber(level)}) / 2, df_t)`,
    '# Conditional effect of X at W = w (original metric): Hayes 2022, eqs. 7.9 and 7.12.',
    'effect_at <- function(w) {',
    '  wt <- w - cw',
    '  slope <- b[[ix]] + b[[ixw]] * wt',
    '  se <- sqrt(V[ix, ix] + 2 * wt * V[ix, ixw] + wt^2 * V[ixw, ixw])',
    '  c(w = w, slope = slope, se = se, t = slope / se, p = 2 * pt(-abs(slope / se), df_t), ciLower = slope - tc * se, ciUpper = slope + tc * se)',
    '}',
    'w_mean <- mean(w_raw); w_sd <- sd(w_raw)',
    'put("wMean", w_mean); put("wSd", w_sd)',
    'dichotomous <- length(unique(w_raw)) == 2',
    wValues
      ? `probes <- c(${wValues.map(rNumber).join(', ')}) # chosen values of W`
      : [
          '# Probe values: mean - 1 SD, mean, mean + 1 SD of W, replaced by the minimum / maximum when outside',
          '# the data (PROCESS v4); the two values of a dichotomous W.',
          'probes <- if (dichotomous) sort(unique(w_raw)) else c(max(w_mean - w_sd, min(w_raw)), w_mean, min(w_mean + w_sd, max(w_raw)))',
        ].join('\n'),
    'slopes <- t(vapply(probes, effect_at, numeric(7)))',
    'cat("Simple slopes of X at W:\\n"); print(slopes, digits = 6)',
    'for (i in seq_len(nrow(slopes))) for (k in colnames(slopes)) put(sprintf("simpleSlopes/[%d]/%s", i - 1, k), slopes[i, k])',
    '',
    '# Johnson–Neyman: W where p of the conditional effect equals alpha (not for a dichotomous W):',
    '# (b3² - t²V33) w² + 2 (b1 b3 - t²V13) w + (b1² - t²V11) = 0, stable roots (Numerical Recipes 5.6).',
    'if (!dichotomous) {',
    '  A <- b[[ixw]]^2 - tc^2 * V[ixw, ixw]',
    '  B <- 2 * (b[[ix]] * b[[ixw]] - tc^2 * V[ix, ixw])',
    '  C <- b[[ix]]^2 - tc^2 * V[ix, ix]',
    '  roots <- if (abs(A) <= 1e-13 * abs(b[[ixw]]^2 + tc^2 * V[ixw, ixw])) {',
    '    if (B != 0) -C / B else numeric(0)',
    '  } else if (B^2 - 4 * A * C < 0) numeric(0) else {',
    '    q <- -0.5 * (B + (if (B >= 0) 1 else -1) * sqrt(B^2 - 4 * A * C))',
    '    if (q == 0) 0 else sort(c(q / A, C / q))',
    '  }',
    '  roots <- roots + cw',
    '  inside <- roots[roots >= min(w_raw) & roots <= max(w_raw)]',
    '  for (i in seq_along(roots)) put(sprintf("johnsonNeyman/roots/[%d]", i - 1), roots[i])',
    '  for (i in seq_along(inside)) {',
    '    e <- effect_at(inside[i])',
    '    for (k in c("w", "slope", "se", "p")) put(sprintf("johnsonNeyman/points/[%d]/%s", i - 1, k), e[[k]])',
    '    put(sprintf("johnsonNeyman/points/[%d]/percentBelow", i - 1), 100 * mean(w_raw < inside[i]))',
    '    put(sprintf("johnsonNeyman/points/[%d]/percentAbove", i - 1), 100 * mean(w_raw > inside[i]))',
    '  }',
    '  cat("Johnson-Neyman points (W):", if (length(inside)) format(inside, digits = 6) else "none in the observed range", "\\n")',
    '}',
    'tab[c("term", "estimate", "se")]',
  ]
    .filter((l) => l !== '')
    .join('\n');
  const group = args.string('group');
  return {
    title: `Moderation (PROCESS model 1) of ${x} → ${y} by ${w}`,
    packages: se === 'classic' ? ['lmtest'] : ['sandwich', 'lmtest'],
    helpers: ['put', 'completeRows', 'appFactor', 'appNames', 'coefRows', 'waldF'],
    notes: [`standard errors: ${vc.comment}${center ? '; X and W mean-centred' : ''}.`],
    setup: '',
    body,
    byGroupExtra: group ? chowCode(y, [x, w, xw, ...covs], factors, group) : undefined,
  };
}

