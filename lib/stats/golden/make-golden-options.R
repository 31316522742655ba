# Golden values for options that the other scripts leave unchecked against R (audit of issue 5):
#   ols         no intercept (uncentred R², as summary.lm); HC0 and HC2 (sandwich::vcovHC)
#   describe    pairwise deletion (psych::describe with na.rm, type = 2)
#   correlation listwise deletion (cor.test on the complete cases of all variables)
#   reliability items as given, without reverse-coding (psych::alpha, check.keys = FALSE)
#   mediate     HC3 paths (sandwich::vcovHC type "HC3", PROCESS hc3=1); a factor covariate
#   qreg        a factor predictor with a chosen reference level and an interaction term
#
# Run from the repository root:   Rscript lib/stats/golden/make-golden-options.R
# Needs R >= 4.2 with psych, sandwich, quantreg. Reads the committed CSVs (ols-survey.csv,
# mediate-survey.csv); writes lib/stats/golden/options-expected.json (17 significant digits, no
# jsonlite). Deterministic: no random numbers are drawn.
suppressPackageStartupMessages({ library(psych); library(sandwich); library(quantreg) })
dir <- "lib/stats/golden"

source(file.path(dir, "json-writer.R")) # num(), to_json(), arr()

# Coefficient rows {term, estimate, se, t, p, ciLower, ciUpper} with t tests on df.
coef_rows <- function(b, se, df) {
  t <- b / se
  q <- qt(0.975, df)
  lapply(seq_along(b), function(i) list(term = names(b)[i], estimate = unname(b[i]), se = unname(se[i]),
    t = unname(t[i]), p = unname(2 * pt(-abs(t[i]), df)), ciLower = unname(b[i] - q * se[i]), ciUpper = unname(b[i] + q * se[i])))
}
wald_f <- function(b, V, idx, df2) {
  w <- drop(t(b[idx]) %*% solve(V[idx, idx], b[idx])) / length(idx)
  list(f = w, df1 = length(idx), df2 = df2, p = pf(w, length(idx), df2, lower.tail = FALSE))
}

survey <- read.csv(file.path(dir, "ols-survey.csv"))
med <- read.csv(file.path(dir, "mediate-survey.csv"), stringsAsFactors = FALSE, na.strings = "")

# ---- ols: no intercept; HC0 / HC2 ----------------------------------------------------------
m0 <- lm(satisfaction ~ 0 + age + income + female, survey)
s0 <- summary(m0)
ols_no_intercept <- list(
  y = "satisfaction", x = arr(c("age", "income", "female")), n = nobs(m0), nDropped = nrow(survey) - nobs(m0),
  r2 = s0$r.squared, adjR2 = s0$adj.r.squared, sigma = s0$sigma, f = unname(s0$fstatistic[1]),
  dfModel = unname(s0$fstatistic[2]), dfResidual = unname(s0$fstatistic[3]),
  pF = unname(pf(s0$fstatistic[1], s0$fstatistic[2], s0$fstatistic[3], lower.tail = FALSE)),
  classic = coef_rows(coef(m0), sqrt(diag(vcov(m0))), m0$df.residual),
  hc1 = coef_rows(coef(m0), sqrt(diag(vcovHC(m0, type = "HC1"))), m0$df.residual)
)
m1 <- lm(satisfaction ~ age + income + female + tenure, survey)
ols_hc <- lapply(c(hc0 = "HC0", hc2 = "HC2"), function(type) {
  V <- vcovHC(m1, type = type)
  list(coefficients = coef_rows(coef(m1), sqrt(diag(V)), m1$df.residual), overall = wald_f(coef(m1), V, 2:5, m1$df.residual))
})

# ---- describe: pairwise ---------------------------------------------------------------------
dvars <- c("age", "income", "satisfaction", "q2")
ds <- psych::describe(survey[dvars], type = 2) # na.rm = TRUE: each variable on its own rows
describe_pairwise <- list(vars = arr(dvars), variables = lapply(seq_along(dvars), function(j) {
  x <- survey[[dvars[j]]]
  list(name = dvars[j], n = ds$n[j], mean = ds$mean[j], sd = ds$sd[j], min = ds$min[j], median = median(x, na.rm = TRUE),
    max = ds$max[j], skewness = ds$skew[j], kurtosis = ds$kurtosis[j])
}))

# ---- correlation: listwise ------------------------------------------------------------------
cvars <- c("satisfaction", "age", "income", "tenure")
cc <- survey[complete.cases(survey[cvars]), cvars]
k <- length(cvars)
r <- p <- matrix(NA_real_, k, k)
for (i in 1:k) for (j in 1:k) {
  if (i == j) { r[i, j] <- 1; next }
  ct <- cor.test(cc[[i]], cc[[j]], method = "pearson")
  r[i, j] <- unname(ct$estimate); p[i, j] <- ct$p.value
}
correlation_listwise <- list(variables = arr(cvars), n = nrow(cc), nDropped = nrow(survey) - nrow(cc), r = r, p = p)

# ---- reliability: raw items (q4 not reversed) -------------------------------------------------
items <- paste0("q", 1:4)
ri <- survey[complete.cases(survey[items]), items]
a <- suppressWarnings(psych::alpha(ri, check.keys = FALSE, warnings = FALSE))
reliability_raw <- list(items = arr(items), n = nrow(ri), alpha = a$total$raw_alpha, standardizedAlpha = a$total$std.alpha,
  itemTotalCorrelation = a$item.stats$r.drop, alphaIfDeleted = a$alpha.drop$raw_alpha)

# ---- mediate: HC3 paths; a factor covariate (ownership, reference "private") ----------------------
mediation_paths <- function(vars, covs, vc) {
  dd <- med[complete.cases(med[, vars]), vars]
  rhs <- paste(c("tl", covs), collapse = " + ")
  fm <- lm(as.formula(paste("empower ~", rhs)), dd)
  fy <- lm(as.formula(paste("engage ~", paste(c("tl", "empower", covs), collapse = " + "))), dd)
  fc <- lm(as.formula(paste("engage ~", rhs)), dd)
  row <- function(fit, term) {
    V <- vc(fit)
    est <- coef(fit)[[term]]; se <- sqrt(V[term, term]); df <- fit$df.residual
    list(estimate = est, se = se, t = est / se, p = 2 * pt(-abs(est / se), df))
  }
  a <- row(fm, "tl"); b <- row(fy, "empower")
  se1 <- sqrt(b$estimate^2 * a$se^2 + a$estimate^2 * b$se^2)
  list(n = nrow(dd), a = a, b = b, c = row(fc, "tl"), cPrime = row(fy, "tl"),
    indirect = a$estimate * b$estimate, sobel = list(z = a$estimate * b$estimate / se1, p = 2 * pnorm(-abs(a$estimate * b$estimate / se1))))
}
mediate_hc3 <- mediation_paths(c("engage", "tl", "empower", "age", "female", "tenure"), c("age", "female", "tenure"),
  function(f) vcovHC(f, type = "HC3"))
med$ownership <- relevel(factor(med$ownership), ref = "private")
mediate_factor <- mediation_paths(c("engage", "tl", "empower", "age", "ownership"), c("age", "ownership"), vcov)

# ---- qreg: factor predictor (reference "public") and an interaction ------------------------------
survey$sector <- relevel(factor(survey$sector), ref = "public")
qd <- survey[complete.cases(survey[c("satisfaction", "age", "sector", "female")]), ]
qreg_factor <- list(n = nrow(qd), nDropped = nrow(survey) - nrow(qd), quantiles = lapply(c(0.25, 0.75), function(tau) {
  f <- rq(satisfaction ~ age + sector + age:female, tau = tau, data = qd, method = "br")
  co <- summary(f, se = "nid")$coefficients
  rows <- coef_rows(setNames(co[, 1], rownames(co)), co[, 2], nrow(qd) - nrow(co))
  for (j in seq_along(rows)) rows[[j]]$p <- unname(co[j, 4])
  list(tau = tau, coefficients = rows)
}))

writeLines(to_json(list(
  rVersion = R.version.string,
  olsNoIntercept = ols_no_intercept, olsHc = ols_hc,
  describePairwise = describe_pairwise, correlationListwise = correlation_listwise, reliabilityRaw = reliability_raw,
  mediateHc3 = mediate_hc3, mediateFactor = mediate_factor, qregFactor = qreg_factor
)), file.path(dir, "options-expected.json"))
cat("wrote options-expected.json\n")
