/**
 * The small R helper functions a generated script defines before its analysis, each as R source
 * text. A script includes only the helpers it uses ({@link helperCode}), in a fixed order.
 */

const HELPERS = {
  put: `# Key numbers, named as in the app's JSON result (e.g. "coefficients/term=age/se"), printed at
# the end and written as JSON when GROUNDWORK_R_RESULTS names a file.
results <- list()
key_prefix <- ""
put <- function(key, value) {
  results[[paste0(key_prefix, key)]] <<- if (length(value) && !is.na(value[1])) unname(value[1]) else NA
}`,

  completeRows: `# Listwise deletion as the app does it: drop rows with a missing value in any variable the
# analysis uses; numeric variables must be numbers in the CSV.
complete_rows <- function(d, numeric, categorical = character(0)) {
  for (v in c(numeric, categorical)) if (!v %in% names(d)) stop("column '", v, "' not found in the CSV")
  for (v in numeric) if (!is.numeric(d[[v]]) && !all(is.na(d[[v]]))) stop("column '", v, "' is not numeric")
  d[complete.cases(d[c(numeric, categorical)]), , drop = FALSE]
}`,

  appFactor: `# Category labels and level order as the app: numbers by value, text by code point (C locale).
app_label <- function(v) {
  if (is.numeric(v)) vapply(v, function(x) if (is.na(x)) NA_character_ else format(x, scientific = FALSE, digits = 15), "")
  else as.character(v)
}
app_levels <- function(labels) {
  lv <- unique(labels[!is.na(labels)])
  num <- suppressWarnings(as.numeric(lv))
  if (all(!is.na(num))) lv[order(num)] else sort(lv, method = "radix")
}
# A factor with the app's levels; \`ref\` (default: the first level) is the reference category.
app_factor <- function(v, ref = NULL) {
  lab <- app_label(v)
  f <- factor(lab, levels = app_levels(lab))
  if (!is.null(ref)) {
    if (!ref %in% levels(f)) stop("reference level '", ref, "' is not a level (", paste(levels(f), collapse = ", "), ")")
    f <- relevel(f, ref = ref)
  }
  f
}`,

  appNames: `# R names a dummy "sectorprivate" and quotes odd names in backticks; the app writes
# "sector[private]" and keeps the interaction order it was given ("age:female"). \`renamed\`:
# app name -> the name a column was given in R.
app_names <- function(r_names, data, terms = character(0), renamed = character(0)) {
  spell <- function(v) unique(c(v, paste0("\`", v, "\`")))
  lookup <- list()
  for (v in names(data)) {
    a <- if (v %in% renamed) names(renamed)[match(v, renamed)] else v
    for (s in spell(v)) lookup[[s]] <- c(a, a)
    if (is.factor(data[[v]])) for (l in levels(data[[v]])) for (s in spell(v)) lookup[[paste0(s, l)]] <- c(a, paste0(a, "[", l, "]"))
  }
  orders <- lapply(strsplit(terms[grepl(":", terms, fixed = TRUE)], ":", fixed = TRUE), trimws)
  vapply(r_names, function(nm) {
    if (nm == "(Intercept)") return(nm)
    parts <- lapply(strsplit(nm, ":", fixed = TRUE)[[1]], function(p) if (is.null(lookup[[p]])) c(p, p) else lookup[[p]])
    vars <- vapply(parts, \`[\`, "", 1)
    labels <- vapply(parts, \`[\`, "", 2)
    for (o in orders) if (length(o) == length(vars) && setequal(o, vars)) { labels <- labels[match(o, vars)]; break }
    paste(labels, collapse = ":")
  }, "", USE.NAMES = FALSE)
}`,

  coefRows: `# A coefficient table as the app reports it: t (or z when df = Inf) tests and confidence limits.
coef_rows <- function(path, b, se, df, level) {
  t <- b / se
  p <- if (is.finite(df)) 2 * pt(-abs(t), df) else 2 * pnorm(-abs(t))
  q <- if (is.finite(df)) qt((1 + level) / 2, df) else qnorm((1 + level) / 2)
  tab <- data.frame(term = names(b), estimate = unname(b), se = unname(se), t = unname(t), p = unname(p),
                    ciLower = unname(b - q * se), ciUpper = unname(b + q * se), check.names = FALSE)
  for (i in seq_len(nrow(tab))) for (k in names(tab)[-1]) put(paste0(path, "term=", tab$term[i], "/", k), tab[[k]][i])
  tab
}`,

  waldF: `# Joint Wald test that the coefficients idx are 0 with covariance V: F = W/q on (q, df2), or
# chi-squared when df2 = Inf (what the app reports as the model F with robust SEs).
wald_test <- function(b, V, idx, df2) {
  w <- drop(t(b[idx]) %*% solve(V[idx, idx, drop = FALSE], b[idx]))
  q <- length(idx)
  if (is.finite(df2)) list(statistic = w / q, df1 = q, df2 = df2, p = pf(w / q, q, df2, lower.tail = FALSE))
  else list(statistic = w, df1 = q, p = pchisq(w, q, lower.tail = FALSE))
}`,

  clusterVcov: `# Cluster-robust covariance (CR1, Stata's vce(cluster)): G/(G-1)*(n-1)/(n-k) times the
# sandwich of the model's (transformed) regressors and residuals.
cluster_vcov <- function(X, e, cluster) {
  n <- nrow(X); k <- ncol(X); G <- length(unique(cluster))
  bread <- solve(crossprod(X))
  scores <- rowsum(X * e, cluster)
  bread %*% crossprod(scores) %*% bread * (G / (G - 1)) * (n - 1) / (n - k)
}`,
} as const;

/** Name of an R helper. */
export type HelperName = keyof typeof HELPERS;

/**
 * The R code of the given helpers (each once, in a fixed order).
 *
 * @param names - helpers the script uses.
 * @returns R source.
 * @example
 * ```ts
 * helperCode(new Set(['put', 'completeRows']));
 * ```
 */
export function helperCode(names: ReadonlySet<HelperName>): string {
  return (Object.keys(HELPERS) as HelperName[])
    .filter((h) => names.has(h))
    .map((h) => HELPERS[h])
    .join('\n\n');
}
