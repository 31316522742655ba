# Golden fixtures for lib/stats/panel.ts, lib/stats/did.ts and lib/stats/qreg.ts.
#
#   cd lib/stats/golden && Rscript make-golden-panel.R
#
# Writes
#   panel-firms.csv          simulated unbalanced firm-year panel: 150 firms, 2010-2019, firms
#                            enter and exit and skip years; ~2% missing cells in x2 and y;
#                            a DID treatment (treat = firm-level, post = year >= 2015);
#   panel-expected.json      pooled / within / two-way within / random (Swamy-Arora) results,
#                            F tests of the fixed effects, Hausman test;
#   did-expected.json        two-way FE difference-in-differences (with and without covariates)
#                            and the group-by-time means tables;
#   qreg-wages.csv           simulated wage cross-section (503 rows, 4 with a missing cell);
#   qreg-expected.json       rq(method = "br") at tau = .1 .25 .5 .75 .9 with summary(se = "nid"),
#                            and rq fits on qreg-ties.csv (integer outcome, many ties).
#
# Checked with R 4.2.2 (Debian r-base-core), plm 2.6-2, quantreg 5.94, sandwich 3.0-2.
# Base R + plm + quantreg (no jsonlite: JSON is written by json-writer.R, 17 significant
# digits, which round-trips doubles exactly).
#
# Conventions matched by the TypeScript code (documented in panel.ts / did.ts / qreg.ts):
# - Classic SEs as plm's vcov(); t tests on df.residual (within: n - N - K; two-way:
#   n - N - T + 1 - K), except the random-effects model, where plm reports z tests (normal).
# - Cluster-robust SEs by entity: plm::vcovHC(type = "sss", cluster = "group"), i.e. the Stata
#   CR1 factor G/(G-1) * (n-1)/(n-k) with k = number of reported coefficients (the within
#   models report no intercept, so k excludes the absorbed effects). Clustered t tests use
#   G - 1 degrees of freedom (Stata's vce(cluster) convention; plm's own summary would use
#   df.residual); random effects keep z tests.
# - Confidence intervals: estimate -/+ q * se with q from the same t (or normal) distribution
#   as the p-value.
# - quantreg: summary.rq(se = "nid") p-values are 2 * (1 - pt(|t|, n - p)); CIs (not reported
#   by summary.rq with "nid") are estimate -/+ qt(.975, n - p) * se.

suppressPackageStartupMessages({
  library(plm)
  library(quantreg)
})

set.seed(20240517)

# ---------------------------------------------------------------------------------------------
# 1. Tiny JSON writer (17 significant digits).
# ---------------------------------------------------------------------------------------------
source("json-writer.R") # num(), to_json(), as_array()

# A coefficient table as a list of {term, estimate, se, t, p, ciLower, ciUpper}.
coef_table <- function(b, se, df) {
  stat <- b / se
  if (is.infinite(df)) {
    p <- 2 * pnorm(abs(stat), lower.tail = FALSE)
    q <- qnorm(0.975)
  } else {
    p <- 2 * pt(abs(stat), df, lower.tail = FALSE)
    q <- qt(0.975, df)
  }
  lapply(seq_along(b), function(j) list(
    term = names(b)[j], estimate = unname(b[j]), se = unname(se[j]), t = unname(stat[j]),
    p = unname(p[j]), ciLower = unname(b[j] - q * se[j]), ciUpper = unname(b[j] + q * se[j])
  ))
}

# ---------------------------------------------------------------------------------------------
# 2. Panel data: 150 firms, 2010-2019, unbalanced.
# ---------------------------------------------------------------------------------------------
n_firms <- 150
years <- 2010:2019
rows <- list()
alpha <- rnorm(n_firms, 0, 1)                         # firm effect
soe <- rbinom(n_firms, 1, 0.35)                       # state-owned: constant within firm
treat <- as.integer(0.8 * alpha + rnorm(n_firms) > 0.2) # treatment correlated with the firm effect
lambda <- 0.12 * (years - 2010) + rnorm(length(years), 0, 0.15) # year effects
for (i in seq_len(n_firms)) {
  first <- sample(2010:2014, 1, prob = c(0.5, 0.15, 0.15, 0.1, 0.1))
  last <- sample(2015:2019, 1, prob = c(0.1, 0.1, 0.1, 0.15, 0.55))
  yrs <- first:last
  yrs <- yrs[runif(length(yrs)) > 0.06]               # occasional gaps
  if (length(yrs) < 2) yrs <- c(first, last)
  k <- length(yrs)
  size <- 4 + 0.5 * alpha[i] + rnorm(1, 0, 0.5) + cumsum(rnorm(k, 0.05, 0.1))
  x1 <- round(size, 4)                                # log assets (correlated with alpha)
  x2 <- round(rnorm(k, 0, 1) + 0.3 * rnorm(1), 4)     # e.g. sales growth
  lev <- round(pmin(pmax(0.45 + 0.1 * soe[i] + rnorm(1, 0, 0.1) + rnorm(k, 0, 0.05), 0.02), 0.98), 4)
  post <- as.integer(yrs >= 2015)
  eps <- rnorm(k, 0, 0.6) * (1 + 0.25 * abs(x2))
  y <- 1.5 + alpha[i] + lambda[yrs - 2009] + 0.45 * x1 - 0.25 * x2 + 0.9 * lev +
    0.3 * soe[i] + 0.5 * treat[i] * post + eps
  rows[[i]] <- data.frame(
    firm = sprintf("F%03d", i), year = yrs, y = round(y, 4), x1 = x1, x2 = x2, lev = lev,
    soe = soe[i], treat = treat[i], post = post, stringsAsFactors = FALSE
  )
}
panel <- do.call(rbind, rows)
panel$x2[sample.int(nrow(panel), round(0.02 * nrow(panel)))] <- NA
panel$y[sample.int(nrow(panel), round(0.01 * nrow(panel)))] <- NA
write.csv(panel, "panel-firms.csv", row.names = FALSE, na = "", quote = FALSE)
d <- read.csv("panel-firms.csv", stringsAsFactors = FALSE, na.strings = "")

# ---------------------------------------------------------------------------------------------
# 3. Panel models: y ~ x1 + x2 + lev.
# ---------------------------------------------------------------------------------------------
vars <- c("firm", "year", "y", "x1", "x2", "lev")
dc <- d[complete.cases(d[, vars]), ]
n_dropped <- nrow(d) - nrow(dc)
pd <- pdata.frame(dc, index = c("firm", "year"))
fm <- y ~ x1 + x2 + lev
G <- length(unique(dc$firm))

fit_summary <- function(m, z = FALSE) {
  b <- coef(m)
  dfr <- df.residual(m)
  se <- sqrt(diag(vcov(m)))
  vc <- vcovHC(m, type = "sss", cluster = "group")
  sec <- sqrt(diag(vc))
  wt <- pwaldtest(m, test = if (z) "Chisq" else "F")
  # robust joint test: plm adjusts df2 to G - 1 for a group-clustered vcov (df2adj)
  wtc <- pwaldtest(m, test = if (z) "Chisq" else "F", vcov = vc)
  out <- list(
    n = nrow(dc), nDropped = n_dropped, nEntities = G,
    dfResidual = dfr,
    coefficients = coef_table(b, se, if (z) Inf else dfr),
    clustered = coef_table(b, sec, if (z) Inf else G - 1),
    r2 = unname(r.squared(m)), adjR2 = unname(r.squared(m, dfcor = TRUE)),
    rss = sum(resid(m)^2),
    wald = list(statistic = unname(wt$statistic), df1 = unname(wt$parameter[1]),
                df2 = if (z) NULL else unname(wt$parameter[2]), p = unname(wt$p.value)),
    waldCluster = list(statistic = unname(wtc$statistic), df1 = unname(wtc$parameter[1]),
                df2 = if (z) NULL else unname(wtc$parameter[2]), p = unname(wtc$p.value))
  )
  out
}

pool <- plm(fm, pd, model = "pooling")
fe <- plm(fm, pd, model = "within")
fe2 <- plm(fm, pd, model = "within", effect = "twoways")
re <- plm(fm, pd, model = "random", random.method = "swar")

ft1 <- pFtest(fe, pool)
ft2 <- pFtest(fe2, pool)
ht <- phtest(fe, re)
erc <- ercomp(fm, pd, method = "swar", effect = "individual")
theta_by_firm <- tapply(as.numeric(erc$theta), as.character(index(pd)[[1]]), function(v) v[1])

panel_expected <- list(
  formula = "y ~ x1 + x2 + lev",
  pooled = fit_summary(pool),
  entity = c(fit_summary(fe), list(fTest = list(
    statistic = unname(ft1$statistic), df1 = unname(ft1$parameter[1]),
    df2 = unname(ft1$parameter[2]), p = unname(ft1$p.value)))),
  twoway = c(fit_summary(fe2), list(fTest = list(
    statistic = unname(ft2$statistic), df1 = unname(ft2$parameter[1]),
    df2 = unname(ft2$parameter[2]), p = unname(ft2$p.value)))),
  random = c(fit_summary(re, z = TRUE), list(
    sigma2Idios = unname(erc$sigma2["idios"]), sigma2Entity = unname(erc$sigma2["id"]),
    thetaFirms = as_array(names(theta_by_firm)), theta = as_array(unname(theta_by_firm)))),
  hausman = list(chisq = unname(ht$statistic), df = unname(ht$parameter), p = unname(ht$p.value))
)

# Note: soe is constant within firm. plm drops it silently from within models; panel.ts refuses
# with an error naming it (panel.test.ts, degenerate input).

writeLines(to_json(panel_expected), "panel-expected.json")

# ---------------------------------------------------------------------------------------------
# 4. Difference-in-differences: two-way FE with treat:post.
# ---------------------------------------------------------------------------------------------
did_fit <- function(covs) {
  v <- c("firm", "year", "y", "treat", "post", covs)
  dd <- d[complete.cases(d[, v]), ]
  p <- pdata.frame(dd, index = c("firm", "year"))
  f <- as.formula(paste("y ~ treat:post", if (length(covs)) paste("+", paste(covs, collapse = " + ")) else ""))
  m <- plm(f, p, model = "within", effect = "twoways")
  g <- length(unique(dd$firm))
  b <- coef(m)
  vc <- vcovHC(m, type = "sss", cluster = "group")
  # group-by-time means
  by_year <- aggregate(y ~ treat + year, dd, function(v) c(n = length(v), mean = mean(v)))
  by_post <- aggregate(y ~ treat + post, dd, function(v) c(n = length(v), mean = mean(v)))
  cell <- function(t, q) by_post$y[by_post$treat == t & by_post$post == q, "mean"]
  list(
    covariates = as_array(covs),
    n = nrow(dd), nDropped = nrow(d) - nrow(dd), nEntities = g, dfResidual = df.residual(m),
    coefficients = coef_table(b, sqrt(diag(vc)), g - 1),
    classic = coef_table(b, sqrt(diag(vcov(m))), df.residual(m)),
    r2Within = unname(r.squared(m)),
    meansByTime = lapply(seq_len(nrow(by_year)), function(j) list(
      treat = by_year$treat[j], time = by_year$year[j], n = unname(by_year$y[j, "n"]),
      mean = unname(by_year$y[j, "mean"]))),
    meansByPost = lapply(seq_len(nrow(by_post)), function(j) list(
      treat = by_post$treat[j], post = by_post$post[j], n = unname(by_post$y[j, "n"]),
      mean = unname(by_post$y[j, "mean"]))),
    simpleDid = (cell(1, 1) - cell(1, 0)) - (cell(0, 1) - cell(0, 0))
  )
}
did_expected <- list(
  plain = did_fit(character(0)),
  covariates = did_fit(c("x1", "x2"))
)
writeLines(to_json(did_expected), "did-expected.json")

# ---------------------------------------------------------------------------------------------
# 5. Quantile regression: wage cross-section.
# ---------------------------------------------------------------------------------------------
nq <- 503
educ <- sample(8:20, nq, replace = TRUE, prob = c(2, 2, 3, 4, 20, 8, 8, 6, 14, 5, 8, 4, 3))
exper <- pmax(0, round(rnorm(nq, 18, 10)))
female <- rbinom(nq, 1, 0.48)
u <- rnorm(nq)
lwage <- 1.1 + 0.085 * educ + 0.028 * exper - 0.0004 * exper^2 - 0.18 * female +
  (0.32 + 0.006 * exper + 0.05 * female) * u
wages <- data.frame(
  id = seq_len(nq), lwage = round(lwage, 5), educ = educ, exper = exper, female = female
)
wages$educ[c(17, 230)] <- NA
wages$lwage[c(101, 402)] <- NA
write.csv(wages, "qreg-wages.csv", row.names = FALSE, na = "", quote = FALSE)
w <- read.csv("qreg-wages.csv", na.strings = "")
wc <- w[complete.cases(w[, c("lwage", "educ", "exper", "female")]), ]

taus <- c(0.1, 0.25, 0.5, 0.75, 0.9)
qfit <- function(tau) {
  warn <- character(0)
  f <- withCallingHandlers(
    rq(lwage ~ educ + exper + female, tau = tau, data = wc, method = "br"),
    warning = function(wn) { warn <<- c(warn, conditionMessage(wn)); invokeRestart("muffleWarning") }
  )
  s <- summary(f, se = "nid")
  co <- s$coefficients
  n <- nrow(wc); p <- ncol(co)
  h <- bandwidth.rq(tau, n, hs = TRUE)
  while ((tau - h < 0) || (tau + h > 1)) h <- h / 2
  X <- model.matrix(~ educ + exper + female, wc)
  bhi <- rq.fit(X, wc$lwage, tau = tau + h, method = "br")$coef
  blo <- rq.fit(X, wc$lwage, tau = tau - h, method = "br")$coef
  tab <- coef_table(setNames(co[, 1], rownames(co)), co[, 2], n - nrow(co))
  # summary.rq's own p-values (2 * (1 - pt)); identical to coef_table's within 1e-16.
  for (j in seq_along(tab)) tab[[j]]$p <- unname(co[j, 4])
  list(
    tau = tau, bandwidth = h,
    objective = sum(resid(f) * (tau - (resid(f) < 0))),
    warnings = as_array(warn),
    coefficients = tab,
    coefHigh = as_array(unname(bhi)), coefLow = as_array(unname(blo))
  )
}
# Tie-heavy data (integer outcome, discrete regressors): degenerate LP vertices. The minimum
# objective is unique even when the minimiser is not; R's nonunique warnings are recorded.
nt <- 150
ties <- data.frame(x1 = sample(0:4, nt, TRUE), x2 = rbinom(nt, 1, 0.5))
ties$y <- round(2 + ties$x1 + ties$x2 + 2 * rnorm(nt))
write.csv(ties, "qreg-ties.csv", row.names = FALSE, quote = FALSE)
ties <- read.csv("qreg-ties.csv")
ties_fit <- function(tau) {
  warn <- character(0)
  f <- withCallingHandlers(
    rq(y ~ x1 + x2, tau = tau, data = ties, method = "br"),
    warning = function(wn) { warn <<- c(warn, conditionMessage(wn)); invokeRestart("muffleWarning") }
  )
  list(tau = tau, coefficients = as_array(unname(coef(f))),
       objective = sum(resid(f) * (tau - (resid(f) < 0))), warnings = as_array(warn))
}

qreg_expected <- list(
  formula = "lwage ~ educ + exper + female",
  n = nrow(wc), nDropped = nrow(w) - nrow(wc),
  quantiles = lapply(taus, qfit),
  ties = list(formula = "y ~ x1 + x2", n = nt, fits = lapply(c(0.2, 0.3, 0.37, 0.5, 0.8), ties_fit))
)
writeLines(to_json(qreg_expected), "qreg-expected.json")
cat("wrote panel-firms.csv, panel-expected.json, did-expected.json, qreg-wages.csv, qreg-expected.json\n")
