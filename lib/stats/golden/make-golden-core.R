# Golden values for the lib/stats core: distributions, describe, reliability, correlation, ols.
#
# Run from the repository root:   Rscript lib/stats/golden/make-golden-core.R
# Needs: R >= 4.2 (Debian r-base-core), psych, sandwich. Writes (all in lib/stats/golden/):
#   ols-survey.csv                   simulated survey data (fixed seed) used by every analysis
#   distributions-expected.json      pt/pf/pchisq/pnorm/qt/qnorm values
#   describe-expected.json           psych::describe(type = 2) (= SPSS G1 / G2), by sector too
#   reliability-expected.json        alpha, std. alpha, r.drop, alpha if dropped, omega total
#   correlation-expected.json        Pearson and Spearman r, p, pairwise n
#   ols-expected.json                lm + sandwich (HC1, HC3, CL), VIF, beta, hierarchical F
# Numbers are written with 17 significant digits by json-writer.R; jsonlite is not needed.
suppressPackageStartupMessages({ library(psych); library(sandwich) })
out_dir <- "lib/stats/golden"

source(file.path(out_dir, "json-writer.R")) # num(), to_json(), arr()
write_json <- function(x, file) {
  writeLines(to_json(x), file.path(out_dir, file))
  cat("wrote", file, "\n")
}

# ---- data: a survey of employees in 30 schools ------------------------------------------
set.seed(20240501)
n <- 420
G <- 30
school <- sample(seq_len(G), n, replace = TRUE)
school_sector <- sample(c("public", "private", "ngo"), G, replace = TRUE, prob = c(.5, .3, .2))
sector <- school_sector[school]
region <- sample(c("east", "central", "west"), n, replace = TRUE)
female <- rbinom(n, 1, 0.55)
age <- round(runif(n, 21, 64))
tenure <- pmax(0, round(pmin(age - 20, rexp(n, 1 / 8)), 1))
income <- round(exp(rnorm(n, 3.4 + 0.01 * (age - 40), 0.35)), 2)
trust <- rnorm(n)
loadings <- c(0.8, 0.7, 0.65, -0.6, 0.75, 0.5)  # q4 is negatively worded
likert <- sapply(loadings, function(l) {
  z <- l * trust + rnorm(n, 0, sqrt(1 - l^2))
  as.integer(cut(z, c(-Inf, -1.3, -0.45, 0.35, 1.2, Inf)))
})
colnames(likert) <- paste0("q", 1:6)
school_effect <- rnorm(G, 0, 0.3)[school]
satisfaction <- 2 + 0.45 * trust + 0.015 * age + 0.012 * income - 0.2 * female +
  0.004 * age * female + ifelse(sector == "private", 0.25, ifelse(sector == "ngo", -0.15, 0)) +
  0.02 * tenure + school_effect + rnorm(n, 0, 0.6)
satisfaction <- round(satisfaction, 3)
d <- data.frame(id = seq_len(n), school, sector, region, female, age, tenure, income, likert, satisfaction)
for (v in c("q2", "q5", "income", "satisfaction", "age", "tenure")) d[[v]][sample(n, 12)] <- NA
write.csv(d, file.path(out_dir, "ols-survey.csv"), row.names = FALSE, quote = FALSE, na = "NA")
d <- read.csv(file.path(out_dir, "ols-survey.csv"))

# ---- distributions ------------------------------------------------------------------------
tcases <- list(c(2, 10), c(-1.5, 3.5), c(0.3, 1), c(12, 40), c(40, 5), c(1e-4, 100), c(8.5, 400), c(3, 1e6))
fcases <- list(c(3.5, 2, 40), c(0.2, 5, 7), c(150, 3, 300), c(1.01, 20, 25), c(30, 1, 2))
ccases <- list(c(3.84, 1), c(100, 10), c(0.01, 3), c(500, 20), c(25.3, 7.5))
zcases <- c(-40, -8.5, -1.96, 0, 0.5, 3.2, 10)
write_json(list(
  t = lapply(tcases, function(a) list(t = a[1], df = a[2], p = 2 * pt(-abs(a[1]), a[2]))),
  f = lapply(fcases, function(a) list(f = a[1], df1 = a[2], df2 = a[3], p = pf(a[1], a[2], a[3], lower.tail = FALSE))),
  chisq = lapply(ccases, function(a) list(x = a[1], df = a[2], p = pchisq(a[1], a[2], lower.tail = FALSE))),
  z = lapply(zcases, function(z) list(z = z, cdf = pnorm(z), p = 2 * pnorm(-abs(z)))),
  qt = lapply(list(c(0.975, 10), c(0.995, 3), c(0.9, 250), c(0.025, 7), c(0.999, 1.5)), function(a) list(p = a[1], df = a[2], q = qt(a[1], a[2]))),
  qnorm = lapply(c(0.975, 0.5, 1e-10, 0.9999), function(p) list(p = p, q = qnorm(p)))
), "distributions-expected.json")

# ---- describe -----------------------------------------------------------------------------
dvars <- c("age", "income", "satisfaction", "q1", "q2", "q5")
describe_rows <- function(x) {
  s <- psych::describe(x, type = 2) # type 2 = SPSS/SAS G1 and G2
  lapply(seq_along(x), function(j) list(name = names(x)[j], n = s$n[j], mean = s$mean[j], sd = s$sd[j],
    min = s$min[j], median = median(x[[j]]), max = s$max[j], skewness = s$skew[j], kurtosis = s$kurtosis[j]))
}
cc <- d[complete.cases(d[dvars]), ]
by_sector <- lapply(sort(unique(cc$sector)), function(g) list(group = g, variables = describe_rows(cc[cc$sector == g, dvars])))
write_json(list(vars = dvars, n = nrow(cc), nDropped = n - nrow(cc), variables = describe_rows(cc[dvars]),
  byGroup = list(group = "sector", groups = by_sector)), "describe-expected.json")

# ---- reliability ------------------------------------------------------------------------------
items <- paste0("q", 1:6)
ri <- d[complete.cases(d[items]), items]
ri$q4 <- 1 + 5 - ri$q4 # reverse-code q4 on the 1..5 scale
a <- psych::alpha(ri, check.keys = FALSE, warnings = FALSE)
R <- cor(ri)
# omega total (one factor) = (sum(R) - sum(u2)) / sum(R) as psych::omegah computes it.
# Reference 1: psych's default minres fit (psych::fa fm = "minres", optim-based, ~1e-6 accurate),
# i.e. what psych::omega(nfactors = 1) uses (omega itself needs GPArotation, not installed here).
mr <- psych::fa(R, nfactors = 1, fm = "minres", warnings = FALSE)
# Reference 2: the same one-factor ULS/minres solution solved to convergence by iterated
# principal axes (psych::fa fm = "pa" with a tight min.err); lib/stats/reliability.ts matches this.
pa <- psych::fa(R, nfactors = 1, fm = "pa", max.iter = 100000, min.err = 1e-15, warnings = FALSE)
u2 <- 1 - rowSums(unclass(pa$loadings)^2)
write_json(list(items = items, reversed = arr("q4"), scaleMin = 1, scaleMax = 5, n = nrow(ri), nDropped = n - nrow(ri),
  alpha = a$total$raw_alpha, standardizedAlpha = a$total$std.alpha,
  omegaTotal = (sum(R) - sum(u2)) / sum(R), omegaTotalPsychMinres = (sum(R) - sum(mr$uniquenesses)) / sum(R),
  loadings = as.numeric(unclass(pa$loadings)),
  itemTotalCorrelation = a$item.stats$r.drop, alphaIfDeleted = a$alpha.drop$raw_alpha), "reliability-expected.json")

# ---- correlation --------------------------------------------------------------------------
cvars <- c("satisfaction", "age", "income", "q1", "tenure")
cor_block <- function(method) {
  k <- length(cvars)
  r <- p <- nn <- matrix(NA_real_, k, k)
  for (i in 1:k) for (j in 1:k) {
    ok <- complete.cases(d[[cvars[i]]], d[[cvars[j]]])
    nn[i, j] <- sum(ok)
    if (i == j) { r[i, j] <- 1; next }
    ct <- suppressWarnings(cor.test(d[[cvars[i]]][ok], d[[cvars[j]]][ok], method = method, exact = FALSE))
    r[i, j] <- unname(ct$estimate); p[i, j] <- ct$p.value
  }
  list(r = r, p = p, n = nn)
}
write_json(list(variables = cvars, pearson = cor_block("pearson"), spearman = cor_block("spearman")), "correlation-expected.json")

# ---- ols ------------------------------------------------------------------------------------
d$sector <- relevel(factor(d$sector), ref = "public")
coef_json <- function(est, se, df, beta = NULL) {
  t <- est / se
  p <- 2 * pt(-abs(t), df)
  crit <- qt(0.975, df)
  lapply(seq_along(est), function(i) list(term = names(est)[i], estimate = unname(est[i]), se = unname(se[i]),
    t = unname(t[i]), p = unname(p[i]), ciLower = unname(est[i] - crit * se[i]), ciUpper = unname(est[i] + crit * se[i]),
    beta = if (is.null(beta)) NA else unname(beta[i])))
}
wald_f <- function(b, V, idx, df2) {
  w <- drop(t(b[idx]) %*% solve(V[idx, idx], b[idx])) / length(idx)
  list(f = w, df1 = length(idx), df2 = df2, p = pf(w, length(idx), df2, lower.tail = FALSE))
}
ols_case <- function(name, formula, x, factors = list(), se = c("classic", "hc1", "hc3", "cluster")) {
  mf <- model.frame(formula, d, na.action = na.omit)
  used <- d[rownames(mf), ]
  m <- lm(formula, data = used)
  X <- model.matrix(m)
  y <- model.response(mf)
  b <- coef(m)
  beta <- c(NA, b[-1] * apply(X[, -1, drop = FALSE], 2, sd) / sd(y))
  vif <- diag(solve(cor(X[, -1, drop = FALSE])))
  G <- length(unique(used$school))
  s <- summary(m)
  out <- list(name = name, y = "satisfaction", x = x, factors = factors, n = nobs(m), nDropped = nrow(d) - nobs(m),
    r2 = s$r.squared, adjR2 = s$adj.r.squared, sigma = s$sigma, dfModel = unname(s$fstatistic[2]),
    dfResidual = m$df.residual, vif = vif, vifTerms = colnames(X)[-1], nClusters = G)
  fits <- list()
  for (type in se) {
    V <- switch(type, classic = vcov(m), hc1 = vcovHC(m, type = "HC1"), hc3 = vcovHC(m, type = "HC3"),
      cluster = vcovCL(m, cluster = used$school, type = "HC1", cadjust = TRUE)) # G/(G-1)(N-1)/(N-K)
    df <- if (type == "cluster") G - 1 else m$df.residual
    fits[[type]] <- list(coefficients = coef_json(b, sqrt(diag(V)), df, beta),
      overall = wald_f(b, V, 2:length(b), df))
  }
  out$se <- fits
  out
}
cases <- list(
  ols_case("main", satisfaction ~ age + income + female + tenure, arr(c("age", "income", "female", "tenure"))),
  ols_case("factor-interaction", satisfaction ~ age + female + sector + age:female + income + income:sector,
    arr(c("age", "female", "sector", "age:female", "income", "income:sector")), list(sector = "public"))
)
# hierarchical blocks on the common sample
hv <- c("satisfaction", "age", "female", "income", "tenure", "sector")
hd <- d[complete.cases(d[hv]), ]
h1 <- lm(satisfaction ~ age + female, hd)
h2 <- lm(satisfaction ~ age + female + income + tenure, hd)
h3 <- lm(satisfaction ~ age + female + income + tenure + sector, hd)
hs <- list(h1, h2, h3)
blocks <- lapply(seq_along(hs), function(i) {
  r2 <- summary(hs[[i]])$r.squared
  if (i == 1) {
    fs <- summary(hs[[i]])$fstatistic
    return(list(r2 = r2, deltaR2 = r2, deltaF = unname(fs[1]), df1 = unname(fs[2]), df2 = unname(fs[3]),
      pDeltaF = pf(fs[1], fs[2], fs[3], lower.tail = FALSE)))
  }
  a <- anova(hs[[i - 1]], hs[[i]])
  list(r2 = r2, deltaR2 = r2 - summary(hs[[i - 1]])$r.squared, deltaF = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pDeltaF = a$`Pr(>F)`[2])
})
write_json(list(cases = cases, hierarchical = list(blocks = list(arr(c("age", "female")), arr(c("income", "tenure")), arr("sector")),
  factors = list(sector = "public"), n = nrow(hd), nDropped = nrow(d) - nrow(hd), steps = blocks,
  final = coef_json(coef(h3), sqrt(diag(vcov(h3))), h3$df.residual))), "ols-expected.json")
