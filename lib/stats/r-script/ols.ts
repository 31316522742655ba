/**
 * R code for `stats ols`: lm, the app's standard errors from sandwich (vcovHC HC0–HC3, vcovCL
 * CR1) with lmtest::coeftest, standardized β (B·s_x/s_y of the design columns, SPSS), VIF,
 * R², and the overall F as a Wald F with the chosen covariance; hierarchical blocks with
 * anova(previous, current) for the R² change.
 */
import { CliUsageError, type CliArgs } from '@/lib/cli/args';
import { factorOption, regressors, seAndCluster } from '@/lib/cli/stats/options';
import { variablesOf } from '@/lib/stats/frame';
import {
  assertRCoding,
  factorSetup,
  factorVariables,
  listwise,
  lmVcov,
  numericVariables,
  type AnalysisCode,
} from './analysis-code';
import { rFormula, rName, rNumber, rString, rVector } from './r-code';

/**
 * @param args - parsed ols options.
 * @returns the analysis code.
 * @throws {CliUsageError} for --x together with --block; {RScriptUnsupportedError} for a
 *   factor coding R cannot reproduce (see assertRCoding).
 */
export function olsCode(args: CliArgs): AnalysisCode {
  const y = args.string('y', true);
  const blocks = args.lists('block');
  if (blocks.length > 0 && (args.has('x') || args.has('covariates'))) {
    throw new CliUsageError('give either --x [--covariates] or --block (controls go in the first --block), not both');
  }
  const { se = 'classic', cluster } = seAndCluster(args, ['classic', 'hc0', 'hc1', 'hc2', 'hc3', 'cluster'] as const);
  if (se === 'cluster' && !cluster) throw new CliUsageError('--se cluster needs --cluster');
  const factors = factorOption(args);
  const level = args.number('level') ?? 0.95;
  const intercept = !args.flag('no-intercept');
  const steps = blocks.length ? blocks.map((_, b) => blocks.slice(0, b + 1).flat()) : [regressors(args)];
  const terms = steps[steps.length - 1];
  for (const s of steps) assertRCoding(s, factors, intercept, 'ols');
  rName(y);
  variablesOf(terms).forEach(rName);
  const fvars = factorVariables(terms, factors);
  const vc = lmVcov(se, cluster);
  const slopesCode = intercept ? 'colnames(X) != "(Intercept)"' : 'rep(TRUE, ncol(X))';

  const fit: string[] = [];
  if (steps.length > 1) {
    fit.push(
      '# Hierarchical regression: blocks entered in order on the same rows; the F test of the R²',
      '# change compares each model with the previous one (SPSS "R Square Change").',
      'models <- list(',
      steps.map((s) => `  lm(${rFormula(y, s, intercept)}, data = d)`).join(',\n'),
      ')',
      `prev <- lm(${rFormula(y, [], intercept)}, data = d)`,
      'r2_prev <- 0',
      'for (b in seq_along(models)) {',
      '  a <- anova(prev, models[[b]])',
      '  s <- summary(models[[b]])',
      '  cat(sprintf("Block %d: R2 = %.6f, change = %.6f, F(%d, %d) = %.4f, p = %.4g\\n", b, s$r.squared,',
      '              s$r.squared - r2_prev, a$Df[2], a$Res.Df[2], a$F[2], a$`Pr(>F)`[2]))',
      '  key <- sprintf("blocks/[%d]/", b - 1)',
      '  put(paste0(key, "r2"), s$r.squared)',
      '  put(paste0(key, "adjR2"), s$adj.r.squared)',
      '  put(paste0(key, "deltaR2"), s$r.squared - r2_prev)',
      '  put(paste0(key, "deltaF"), a$F[2])',
      '  put(paste0(key, "df1"), a$Df[2])',
      '  put(paste0(key, "df2"), a$Res.Df[2])',
      '  put(paste0(key, "pDeltaF"), a$`Pr(>F)`[2])',
      '  prev <- models[[b]]',
      '  r2_prev <- s$r.squared',
      '}',
      'm <- models[[length(models)]]',
    );
  } else {
    fit.push(`m <- lm(${rFormula(y, terms, intercept)}, data = d)`);
  }

  const body = [
    listwise([y, ...numericVariables(terms, factors)], [...fvars, ...(se === 'cluster' ? [cluster as string] : [])]),
    factorSetup(Object.fromEntries(fvars.map((f) => [f, factors[f]]))),
    ...fit,
    `terms <- ${rVector(terms)}`,
    `# Coefficient covariance: ${vc.comment}.`,
    `V <- ${vc.code}`,
    se === 'cluster'
      ? `G <- length(unique(d[[${rString(cluster as string)}]]))\nput("nClusters", G)\ndf_t <- G - 1`
      : 'df_t <- m$df.residual',
    'ct <- lmtest::coeftest(m, vcov. = V, df = df_t)',
    'rownames(ct) <- app_names(rownames(ct), d, terms)',
    'print(ct)',
    `tab <- coef_rows("coefficients/", setNames(ct[, 1], rownames(ct)), ct[, 2], df_t, level = ${rNumber(level)})`,
    '',
    '# Standardized coefficients β = B·sd(x)/sd(y) of the design columns (SPSS Beta) and VIF.',
    'X <- model.matrix(m)',
    `slopes <- ${slopesCode}`,
    `beta <- coef(m)[slopes] * apply(X[, slopes, drop = FALSE], 2, sd) / sd(d[[${rString(y)}]])`,
    'std <- data.frame(term = app_names(names(beta), d, terms), beta = unname(beta))',
    ...(intercept ? ['std$vif <- unname(diag(solve(cor(X[, slopes, drop = FALSE]))))'] : []),
    'print(std, digits = 6, row.names = FALSE)',
    'for (i in seq_len(nrow(std))) for (k in names(std)[-1]) put(paste0("coefficients/term=", std$term[i], "/", k), std[[k]][i])',
    '',
    's <- summary(m)',
    'put("r2", s$r.squared)',
    'put("adjR2", s$adj.r.squared)',
    'put("sigma", s$sigma)',
    `# Overall F: Wald test of the slopes with the covariance above (the classic F for classic SEs).`,
    'idx <- which(slopes)',
    ...(se === 'cluster'
      ? [
          '# With clusters the robust covariance has rank <= G - 1: no joint test of more slopes.',
          'w <- if (length(idx) <= G - 1) wald_test(coef(m), V, idx, df_t) else list(statistic = NA, df1 = length(idx), df2 = df_t, p = NA)',
        ]
      : ['w <- wald_test(coef(m), V, idx, df_t)']),
    'put("f", w$statistic)',
    'put("dfModel", w$df1)',
    'put("dfResidual", w$df2)',
    'put("pF", w$p)',
    'cat(sprintf("n = %d, R2 = %.6f, adj. R2 = %.6f, F(%d, %d) = %.4f, p = %.4g, sigma = %.6f\\n",',
    '            nrow(d), s$r.squared, s$adj.r.squared, w$df1, w$df2, w$statistic, w$p, s$sigma))',
    'tab[c("term", "estimate", "se")]',
  ]
    .filter((l) => l !== '')
    .join('\n');

  const x = args.list('x');
  const chowTerms = blocks.length ? null : x;
  const group = args.string('group');
  const extra = group && chowTerms && chowTerms.length ? chowCode(y, chowTerms, factors, group) : undefined;
  return {
    title: `Linear regression (OLS) of ${y}`,
    packages: se === 'classic' ? ['lmtest'] : ['sandwich', 'lmtest'],
    helpers: ['put', 'completeRows', 'appFactor', 'appNames', 'coefRows', 'waldF'],
    notes: [
      `standard errors: ${vc.comment}.`,
      ...(blocks.length ? [`hierarchical blocks: ${blocks.map((b) => b.join(', ')).join(' | ')}.`] : []),
    ],
    setup: '',
    body,
    byGroupExtra: extra,
  };
}

/**
 * The Chow (1960) test the app adds under --group for ols (on the --x terms) and moderate:
 * anova(pooled, fully group-interacted model).
 *
 * @param y - outcome.
 * @param terms - regressors.
 * @param factors - factor spec.
 * @param group - the --group column.
 * @returns top-level R code (uses `group_var` and `d`).
 */
export function chowCode(y: string, terms: readonly string[], factors: Record<string, string | null | undefined>, group: string): string {
  const fvars = factorVariables(terms, factors);
  const rhs = terms.map((t) => t.split(':').map((v) => rName(v.trim())).join(':')).join(' + ');
  return [
    '# Chow (1960) test: the pooled model against the model with every coefficient free by group',
    '# (classic OLS assumptions).',
    'chow <- tryCatch({',
    `  dc <- complete_rows(d, numeric = ${rVector([y, ...numericVariables(terms, factors)])}, categorical = c(${rVector(fvars)}, group_var))`,
    ...fvars.map((f) => `  dc[[${rString(f)}]] <- app_factor(dc[[${rString(f)}]]${factors[f] ? `, ref = ${rString(factors[f] as string)}` : ''})`),
    '  dc[[group_var]] <- app_factor(dc[[group_var]])',
    `  pooled <- lm(${rName(y)} ~ ${rhs}, data = dc)`,
    `  full <- lm(${rName(y)} ~ (${rhs}) * ${rName(group)}, data = dc)`,
    '  anova(pooled, full)',
    '}, error = function(e) { cat("Chow test not available:", conditionMessage(e), "\\n"); NULL })',
    'if (!is.null(chow)) {',
    '  print(chow)',
    '  put("chow/f", chow$F[2]); put("chow/df1", chow$Df[2]); put("chow/df2", chow$Res.Df[2]); put("chow/p", chow$`Pr(>F)`[2])',
    '}',
  ].join('\n');
}
