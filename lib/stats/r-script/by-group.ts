/**
 * The `--group G` loop of a script: the analysis in every group (levels in the app's order),
 * then the z tests of equal coefficients for every pair of groups (Clogg, Petkova & Haritou
 * 1995), the bootstrap CI of differences in indirect effects (mediation) and the analysis'
 * extra by-group code (the Chow test for ols and moderate), as lib/stats/by-group.ts.
 */
import { rString } from './r-code';

/**
 * @param group - the grouping column.
 * @param extra - top-level code after the comparisons (may be undefined).
 * @returns R code.
 */
export function byGroupCode(group: string, extra?: string): string {
  return [
    `# ---- by group: the analysis in every group of ${group} ----`,
    `group_var <- ${rString(group)}`,
    'g_all <- app_label(d[[group_var]])',
    'estimates <- list()',
    'n_used <- 0',
    'for (group_level in app_levels(g_all)) {',
    '  cat("\\n==========", group_var, "=", group_level, "==========\\n")',
    '  key_prefix <- paste0("groups/level=", group_level, "/result/")',
    '  sub <- d[!is.na(g_all) & g_all == group_level, , drop = FALSE]',
    '  est <- tryCatch(analyse(sub), error = function(e) {',
    '    cat("Not estimable in this group:", conditionMessage(e), "\\n")',
    '    results[startsWith(names(results), key_prefix)] <<- NULL',
    '    FALSE',
    '  })',
    '  if (isFALSE(est)) next',
    '  estimates[group_level] <- list(est)',
    '  n_used <- n_used + if (is.null(results[[paste0(key_prefix, "n")]])) nrow(sub) else results[[paste0(key_prefix, "n")]]',
    '}',
    'key_prefix <- ""',
    'put("n", n_used)',
    'put("nDropped", nrow(d) - n_used)',
    '',
    '# Equal coefficients in two groups: z = (b1 - b2) / sqrt(se1^2 + se2^2) (Clogg et al. 1995).',
    'ok <- names(estimates)',
    'pair <- 0',
    'for (i in seq_along(ok)) for (j in seq_along(ok)) if (i < j) {',
    '  key <- sprintf("comparisons/[%d]/", pair)',
    '  pair <- pair + 1',
    '  e1 <- estimates[[ok[i]]]',
    '  e2 <- estimates[[ok[j]]]',
    '  if (is.null(e1) || is.null(e2)) next',
    '  cat("\\n", group_var, "=", ok[i], "vs", ok[j], "\\n")',
    '  tests <- merge(e1, e2, by = "term", sort = FALSE, suffixes = c("1", "2"))',
    '  tests$difference <- tests$estimate1 - tests$estimate2',
    '  tests$se <- sqrt(tests$se1^2 + tests$se2^2)',
    '  tests$z <- tests$difference / tests$se',
    '  tests$p <- 2 * pnorm(-abs(tests$z))',
    '  print(tests[c("term", "difference", "se", "z", "p")], digits = 6, row.names = FALSE)',
    '  for (r in seq_len(nrow(tests))) for (k in c("difference", "se", "z", "p")) put(paste0(key, "tests/term=", tests$term[r], "/", k), tests[[k]][r])',
    '  d1 <- attr(e1, "draws"); d2 <- attr(e2, "draws")',
    '  if (!is.null(d1) && !is.null(d2)) {',
    '    # Mediation: percentile bootstrap CI of the difference of the two groups\' independent draws.',
    '    B <- min(nrow(d1), nrow(d2))',
    '    effects <- intersect(colnames(d1), colnames(d2))',
    '    if (ncol(d1) > 1 && ncol(d2) > 1) effects <- c(effects, "total")',
    '    for (m in effects) {',
    '      pick <- function(dr) if (m == "total") rowSums(dr)[1:B] else dr[1:B, m]',
    '      est <- function(e) if (m == "total") sum(attr(e, "indirect")) else attr(e, "indirect")[[m]]',
    '      boot_put(paste0(key, "indirect/effect=", m), est(e1) - est(e2), pick(d1) - pick(d2), field = "difference")',
    '    }',
    '  }',
    '}',
    ...(extra ? ['', extra] : []),
  ].join('\n');
}
