/**
 * R code for `stats mediate` (Hayes PROCESS model 4, simple or parallel mediators): the three
 * kinds of lm (M ~ X + C for each mediator, Y ~ X + M + C, Y ~ X + C), paths with the app's SE
 * type, Sobel and Aroian tests, and the percentile bootstrap of the indirect effects by a manual
 * loop over resampled cases (lm.fit on the model matrices). R's random numbers are not the app's,
 * so the bootstrap SE and CI differ by Monte-Carlo error; everything else agrees exactly.
 */
import { CliUsageError, type CliArgs } from '@/lib/cli/args';
import { factorOption } from '@/lib/cli/stats/options';
import { RScriptUnsupportedError, rFormula, rName, rNumber, rString, rVector } from './r-code';
import { factorSetup, factorVariables, listwise, lmVcov, numericVariables, type AnalysisCode } from './analysis-code';

const DEFAULT_BOOT = 5000;

/** Top-level helpers of the mediation script (also used by the by-group comparison). */
const SETUP = (level: number) => `level <- ${rNumber(level)}
# Percentile bootstrap summary (R's quantile type 7, as the app): SE = sd of the draws.
boot_put <- function(key, estimate, draws, field = "estimate") {
  ci <- quantile(draws, c((1 - level) / 2, (1 + level) / 2), type = 7, names = FALSE)
  put(paste0(key, "/", field), estimate)
  put(paste0(key, "/bootSe"), sd(draws))
  put(paste0(key, "/ciLower"), ci[1])
  put(paste0(key, "/ciUpper"), ci[2])
  c(estimate = estimate, bootSe = sd(draws), ciLower = ci[1], ciUpper = ci[2])
}`;

/**
 * @param args - parsed mediate options.
 * @returns the analysis code.
 * @throws {CliUsageError} for a bad --boot/--seed; {RScriptUnsupportedError} for a factor as X,
 *   Y or a mediator.
 */
export function mediateCode(args: CliArgs): AnalysisCode {
  const y = args.string('y', true);
  const x = args.string('x', true);
  const ms = args.list('m', true);
  const covs = args.list('covariates');
  const factors = factorOption(args);
  for (const v of [y, x, ...ms]) {
    if (Object.prototype.hasOwnProperty.call(factors, v)) throw new RScriptUnsupportedError(`mediate: '${v}' is listed as a factor; only covariates may be categorical`);
  }
  const boot = args.number('boot') ?? DEFAULT_BOOT;
  if (!Number.isInteger(boot) || boot < 0 || boot === 1) throw new CliUsageError(`--boot must be 0 or an integer from 2 (got ${boot})`);
  const seed = args.number('seed');
  if (seed !== undefined && !Number.isInteger(seed)) throw new CliUsageError(`--seed must be an integer (got ${seed})`);
  const level = args.number('level') ?? 0.95;
  const se = args.choice('se', ['classic', 'hc0', 'hc1', 'hc2', 'hc3'] as const) ?? 'classic';
  [y, x, ...ms].forEach(rName);
  const fvars = factorVariables(covs, factors);
  const vc = lmVcov(se, undefined, 'model');
  const k = ms.length;

  const body = [
    listwise([y, x, ...ms, ...numericVariables(covs, factors)], fvars),
    factorSetup(Object.fromEntries(fvars.map((f) => [f, factors[f]]))),
    `mediators <- ${rVector(ms)}`,
    '# PROCESS model 4: one model per mediator, the outcome model, and the total-effect model.',
    'fit_m <- list(',
    ms.map((m) => `  ${rName(m)} = lm(${rFormula(m, [x, ...covs])}, data = d)`).join(',\n'),
    ')',
    `fit_y <- lm(${rFormula(y, [x, ...ms, ...covs])}, data = d)`,
    `fit_c <- lm(${rFormula(y, [x, ...covs])}, data = d)`,
    `# Paths with ${vc.comment}; t tests on the residual df.`,
    `vc <- function(model) ${vc.code}`,
    'path <- function(key, model, j) {',
    '  b <- unname(coef(model)[j]); s <- sqrt(diag(vc(model)))[[j]]; df <- model$df.residual',
    '  q <- qt((1 + level) / 2, df)',
    '  out <- c(estimate = b, se = s, t = b / s, p = 2 * pt(-abs(b / s), df), ciLower = b - q * s, ciUpper = b + q * s)',
    '  for (f in names(out)) put(paste0(key, "/", f), out[[f]])',
    '  out',
    '}',
    '# X is the 2nd coefficient of every model; mediator j is the (2 + j)th of the outcome model.',
    'c_path <- path("c", fit_c, 2)',
    'c_prime <- path("cPrime", fit_y, 2)',
    'paths <- rbind(c = c_path, "c\'" = c_prime)',
    'ab <- setNames(numeric(length(mediators)), mediators)',
    'estimates <- data.frame(term = character(0), estimate = numeric(0), se = numeric(0))',
    'for (j in seq_along(mediators)) {',
    '  key <- paste0("mediators/name=", mediators[j], "/")',
    '  a <- path(paste0(key, "a"), fit_m[[j]], 2)',
    '  b <- path(paste0(key, "b"), fit_y, 2 + j)',
    '  ab[j] <- a[["estimate"]] * b[["estimate"]]',
    '  put(paste0(key, "indirect/estimate"), ab[j])',
    '  # Sobel (1982) first-order and Aroian (1947) second-order normal tests of a*b.',
    '  v1 <- b[["estimate"]]^2 * a[["se"]]^2 + a[["estimate"]]^2 * b[["se"]]^2',
    '  for (test in c("sobel", "aroian")) {',
    '    s <- sqrt(if (test == "sobel") v1 else v1 + a[["se"]]^2 * b[["se"]]^2)',
    '    put(paste0(key, test, "/z"), ab[j] / s)',
    '    put(paste0(key, test, "/p"), 2 * pnorm(-abs(ab[j] / s)))',
    '    put(paste0(key, test, "/se"), s)',
    '  }',
    '  paths <- rbind(paths, a, b)',
    '  rownames(paths)[nrow(paths) - 1:0] <- paste0(c("a", "b"), "[", mediators[j], "]")',
    `  names_ab <- if (length(mediators) == 1) c("a", "b") else paste0(c("a", "b"), "[", mediators[j], "]")`,
    '  estimates <- rbind(estimates, data.frame(term = names_ab, estimate = c(a[["estimate"]], b[["estimate"]]), se = c(a[["se"]], b[["se"]])))',
    '}',
    'estimates <- rbind(estimates, data.frame(term = c("c", "cPrime"), estimate = c(c_path[["estimate"]], c_prime[["estimate"]]),',
    '                                         se = c(c_path[["se"]], c_prime[["se"]])))',
    'print(paths, digits = 6)',
    'put("indirect/estimate", sum(ab))',
    'put("models/outcome/r2", summary(fit_y)$r.squared)',
    'put("models/total/r2", summary(fit_c)$r.squared)',
    'cat("Indirect effect(s) a*b:", format(ab, digits = 6), if (length(ab) > 1) paste("total:", format(sum(ab), digits = 6)), "\\n")',
    ...(boot > 0
      ? [
          '',
          `# Percentile bootstrap (Hayes 2022, sec. 3.4): ${boot} resamples of the cases, every model refitted.`,
          "# R's random numbers differ from the app's, so the bootstrap SE and CI differ slightly from the",
          '# app\'s (Monte-Carlo error, shrinking with more draws); the estimates above agree exactly.',
          `B <- ${boot}`,
          ...(seed !== undefined ? [`set.seed(${seed})`] : []),
          'Xa <- model.matrix(fit_c) # 1, X, covariates (the design of every mediator model)',
          'Xy <- model.matrix(fit_y) # 1, X, mediators, covariates',
          `Ym <- as.matrix(d[mediators]); Yy <- d[[${rString(y)}]]; n <- nrow(d)`,
          'draws <- matrix(NA_real_, B, length(mediators), dimnames = list(NULL, mediators))',
          'r <- 0; replaced <- 0',
          'while (r < B) {',
          '  i <- sample.int(n, n, replace = TRUE)',
          '  fy <- lm.fit(Xy[i, , drop = FALSE], Yy[i])',
          '  fa <- lapply(seq_along(mediators), function(j) lm.fit(Xa[i, , drop = FALSE], Ym[i, j]))',
          '  # A singular resample (e.g. a rare dummy not drawn) is replaced by a new one, as PROCESS does.',
          '  if (fy$rank < ncol(Xy) || any(vapply(fa, function(f) f$rank < ncol(Xa), TRUE))) { replaced <- replaced + 1; next }',
          '  r <- r + 1',
          '  draws[r, ] <- vapply(fa, function(f) f$coefficients[[2]], 0) * fy$coefficients[2 + seq_along(mediators)]',
          '}',
          'if (replaced > 0) cat(replaced, "singular bootstrap samples were replaced\\n")',
          'boot_tab <- rbind(',
          '  t(vapply(seq_along(mediators), function(j) boot_put(paste0("mediators/name=", mediators[j], "/indirect"), ab[j], draws[, j]), numeric(4))),',
          '  total = boot_put("indirect", sum(ab), rowSums(draws)))',
          'rownames(boot_tab)[seq_along(mediators)] <- mediators',
          ...(k > 1
            ? [
                '# Pairwise contrasts of the specific indirect effects (PROCESS contrast = 1).',
                'pair <- 0',
                'for (i in seq_along(mediators)) for (j in seq_along(mediators)) if (i < j) {',
                '  boot_put(sprintf("contrasts/[%d]", pair), ab[i] - ab[j], draws[, i] - draws[, j])',
                '  pair <- pair + 1',
                '}',
              ]
            : []),
          'cat("Indirect effects with percentile bootstrap CI:\\n")',
          'print(boot_tab, digits = 6)',
          'attr(estimates, "draws") <- draws',
        ]
      : []),
    'attr(estimates, "indirect") <- ab',
    'estimates',
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    title: `Mediation (PROCESS model 4) of ${x} → ${ms.join(', ')} → ${y}`,
    packages: se === 'classic' ? [] : ['sandwich'],
    helpers: ['put', 'completeRows', ...(fvars.length ? (['appFactor'] as const) : [])],
    notes: [
      `paths with ${vc.comment}.`,
      ...(boot > 0
        ? [`bootstrap: ${boot} draws${seed !== undefined ? `, seed ${seed}` : ''}; R's random numbers differ from the app's, so the bootstrap SE and CI differ slightly.`]
        : ['no bootstrap (--boot 0).']),
    ],
    setup: SETUP(level),
    body,
  };
}
