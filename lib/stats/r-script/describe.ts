/**
 * R code for `stats describe`: psych::describe(type = 2), i.e. the bias-corrected skewness G1
 * and excess kurtosis G2 of SPSS that lib/stats/describe.ts reports, with SPSS's standard
 * errors of both by formula.
 */
import type { CliArgs } from '@/lib/cli/args';
import type { AnalysisCode } from './analysis-code';
import { listwise } from './analysis-code';
import { rString, rVector } from './r-code';

/**
 * @param args - parsed options (--vars, --group, --missing).
 * @returns the analysis code.
 */
export function describeCode(args: CliArgs): AnalysisCode {
  const vars = args.list('vars', true);
  const group = args.string('group');
  const missing = args.choice('missing', ['listwise', 'pairwise'] as const) ?? 'listwise';
  const body = [
    missing === 'listwise'
      ? listwise(vars, group ? [group] : [])
      : [
          '# Pairwise: every variable uses all its non-missing values (rows without a group dropped).',
          `for (v in ${rVector(vars)}) if (!is.numeric(d[[v]]) && !all(is.na(d[[v]]))) stop("column '", v, "' is not numeric")`,
          'n_all <- nrow(d)',
          ...(group ? [`d <- complete_rows(d, numeric = character(0), categorical = ${rString(group)})`] : []),
          'put("n", nrow(d))',
          'put("nDropped", n_all - nrow(d))',
        ].join('\n'),
    '',
    `vars <- ${rVector(vars)}`,
    `summarize <- function(d, path) {`,
    '  # type = 2: G1 and G2 (SPSS, SAS; Joanes & Gill 1998), the app\'s skewness and kurtosis.',
    '  s <- psych::describe(d[vars], type = 2)',
    '  s$median <- vapply(vars, function(v) median(d[[v]], na.rm = TRUE), 0)',
    '  # SPSS standard errors of skewness and kurtosis.',
    '  s$se_skew <- with(s, ifelse(n >= 3, sqrt(6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3))), NA))',
    '  s$se_kurt <- with(s, ifelse(n >= 4, 2 * se_skew * sqrt((n^2 - 1) / ((n - 3) * (n + 5))), NA))',
    '  print(s[c("n", "mean", "sd", "min", "median", "max", "skew", "kurtosis", "se_skew", "se_kurt")], digits = 6)',
    '  fields <- c(n = "n", mean = "mean", sd = "sd", min = "min", median = "median", max = "max",',
    '              skewness = "skew", kurtosis = "kurtosis", seSkewness = "se_skew", seKurtosis = "se_kurt")',
    '  for (i in seq_along(vars)) for (k in names(fields)) put(paste0(path, "variables/name=", vars[i], "/", k), s[[fields[[k]]]][i])',
    '}',
    'summarize(d, "")',
    ...(group
      ? [
          '',
          `# By ${group}: one block per level (levels sorted as the app sorts them).`,
          `g <- app_label(d[[${rString(group)}]])`,
          'for (level in app_levels(g)) {',
          `  cat("\\n${group.replace(/["\\]/g, '')} =", level, "\\n")`,
          '  dg <- d[g == level, , drop = FALSE]',
          '  put(paste0("groups/group=", level, "/n"), nrow(dg))',
          '  summarize(dg, paste0("groups/group=", level, "/"))',
          '}',
        ]
      : []),
    'NULL',
  ].join('\n');
  return {
    title: `Descriptive statistics of ${vars.join(', ')}${group ? ` by ${group}` : ''}`,
    packages: ['psych'],
    helpers: ['put', 'completeRows', ...(group ? (['appFactor'] as const) : [])],
    notes: ['skewness and kurtosis: G1 and G2 (psych::describe type = 2; SPSS), kurtosis is excess kurtosis.'],
    setup: '',
    body,
  };
}
