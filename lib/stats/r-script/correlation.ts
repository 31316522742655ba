/**
 * R code for `stats correlation`: cor.test for every pair (Pearson; Spearman with the t
 * approximation, exact = FALSE, as the app and SPSS), pairwise or listwise. psych::corr.test(x,
 * method = …, adjust = "none") gives the same matrices.
 */
import type { CliArgs } from '@/lib/cli/args';
import type { AnalysisCode } from './analysis-code';
import { rVector } from './r-code';

/**
 * @param args - parsed options (--vars, --method, --missing).
 * @returns the analysis code.
 */
export function correlationCode(args: CliArgs): AnalysisCode {
  const vars = args.list('vars', true);
  const method = args.choice('method', ['pearson', 'spearman'] as const) ?? 'pearson';
  const missing = args.choice('missing', ['pairwise', 'listwise'] as const) ?? 'pairwise';
  const body = [
    `vars <- ${rVector(vars)}`,
    'for (v in vars) if (!v %in% names(d)) stop("column \'", v, "\' not found in the CSV")',
    'x <- d[vars]',
    'for (v in vars) if (!is.numeric(x[[v]])) stop("column \'", v, "\' is not numeric")',
    'put("nDropped", sum(!complete.cases(x)))',
    ...(missing === 'listwise' ? ['x <- x[complete.cases(x), , drop = FALSE] # listwise: only rows complete in every variable'] : ['# pairwise: each pair uses the rows where both are present']),
    'k <- length(vars)',
    'r <- diag(k); p <- matrix(NA_real_, k, k); n <- matrix(0, k, k)',
    'dimnames(r) <- dimnames(p) <- dimnames(n) <- list(vars, vars)',
    'for (i in 1:k) for (j in 1:k) {',
    '  ok <- complete.cases(x[[i]], x[[j]])',
    '  n[i, j] <- sum(ok)',
    '  if (i < j) {',
    `    ct <- cor.test(x[[i]][ok], x[[j]][ok], method = "${method}"${method === 'spearman' ? ', exact = FALSE' : ''})`,
    '    r[i, j] <- r[j, i] <- unname(ct$estimate)',
    '    p[i, j] <- p[j, i] <- ct$p.value',
    '  }',
    '}',
    'cat("r\\n"); print(round(r, 4))',
    'cat("p\\n"); print(signif(p, 4))',
    'cat("n\\n"); print(n)',
    'for (i in 1:k) for (j in 1:k) {',
    '  put(sprintf("r/[%d]/[%d]", i - 1, j - 1), r[i, j])',
    '  put(sprintf("n/[%d]/[%d]", i - 1, j - 1), n[i, j])',
    '  if (i != j) put(sprintf("p/[%d]/[%d]", i - 1, j - 1), p[i, j])',
    '}',
    'NULL',
  ].join('\n');
  return {
    title: `${method === 'spearman' ? 'Spearman' : 'Pearson'} correlations of ${vars.join(', ')}`,
    packages: [],
    helpers: ['put'],
    notes: [`${missing} deletion; two-sided p from t = r·sqrt((n − 2)/(1 − r²)) on n − 2 df.`],
    setup: '',
    body,
  };
}
