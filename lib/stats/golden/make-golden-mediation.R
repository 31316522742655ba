# Golden fixtures for lib/stats/mediate.ts, lib/stats/moderate.ts and lib/stats/by-group.ts.
#
#   cd lib/stats/golden && Rscript make-golden-mediation.R
#
# Writes
#   mediate-survey.csv       simulated employee survey (n = 420, ~3% missing cells per column),
#                            Likert scale scores on their natural grids (means of k items);
#   mediate-expected.json    mediation (Hayes PROCESS model 4 / Baron-Kenny) reference values;
#   moderate-expected.json   moderation (PROCESS model 1) reference values;
#   by-group-expected.json   by-group (state-owned vs private) reference values.
#
# Checked with R 4.2.2 (Debian r-base-core), sandwich 3.0. Base R + sandwich only (no jsonlite:
# JSON is written by json-writer.R with 17 significant digits).
#
# Paths come from lm(); Sobel (1982) and Aroian (1947) tests by formula; simple slopes from the
# coefficient covariance matrix (Aiken & West 1991, eq. 2.4; Hayes 2022, eq. 7.12); Johnson-Neyman
# points by solving the quadratic (Hayes 2022, sec. 7.4; Bauer & Curran 2005) with a numerically
# stable root formula; bootstrap percentile CIs from a large bootstrap (B = 100000) with .lm.fit,
# used by the TypeScript tests as the Monte-Carlo reference (R's RNG cannot be reproduced).

suppressPackageStartupMessages(library(sandwich))

set.seed(20240501)

# ---------------------------------------------------------------------------------------------
# 1. Data: a realistic employee survey.
# ---------------------------------------------------------------------------------------------
n <- 420
likert <- function(latent, items, lo, hi) {
  # Mean of `items` Likert items: round to the 1/items grid and clamp to [lo, hi].
  v <- round(latent * items) / items
  pmin(pmax(v, lo), hi)
}
ownership <- ifelse(runif(n) < 0.4, "state", "private")
state <- as.numeric(ownership == "state")
female <- rbinom(n, 1, 0.46)
age <- round(pmin(pmax(rnorm(n, 38, 9), 21), 62))
tenure <- round(pmin(pmax((age - 21) * runif(n, 0.1, 0.8) + rnorm(n, 0, 1), 0), 40))
tl_lat <- rnorm(n, 3.5, 0.75)                     # transformational leadership (1-5, 5 items)
tl <- likert(tl_lat, 5, 1, 5)
pos_lat <- 4.4 + 0.35 * (tl_lat - 3.5) + rnorm(n, 0, 1.05) # perceived org. support (1-7, 5 items)
pos <- likert(pos_lat, 5, 1, 7)
empower <- likert(4.1 + 0.55 * (tl - 3.5) + 0.01 * (age - 38) + rnorm(n, 0, 0.85), 4, 1, 7)
trust <- likert(4.0 + 0.35 * (tl - 3.5) - 0.15 * female + rnorm(n, 0, 0.95), 8, 1, 7)
engage <- likert(
  4.3 + 0.12 * (tl - 3.5) + ifelse(state == 1, 0.1, 0.45) * (empower - 4.1) +
    0.2 * (trust - 4) + 0.15 * (pos - 4.4) + 0.16 * (tl - 3.5) * (pos - 4.4) +
    0.008 * (age - 38) + 0.1 * female + rnorm(n, 0, 0.8),
  4, 1, 7
)
survey <- data.frame(
  id = sprintf("R%04d", seq_len(n)), ownership = ownership, female = female, age = age,
  tenure = tenure, tl = tl, pos = pos, empower = empower, trust = trust, engage = engage,
  stringsAsFactors = FALSE
)
# ~3% missing cells in each survey column (item non-response), plus a few missing ownership codes.
for (col in c("female", "age", "tenure", "tl", "pos", "empower", "trust", "engage")) {
  survey[[col]][sample.int(n, round(0.03 * n))] <- NA
}
survey$ownership[sample.int(n, 4)] <- NA
write.csv(survey, "mediate-survey.csv", row.names = FALSE, na = "", quote = FALSE)
d <- read.csv("mediate-survey.csv", stringsAsFactors = FALSE, na.strings = "")

# ---------------------------------------------------------------------------------------------
# 2. Tiny JSON writer (17 significant digits; round-trips doubles exactly).
# ---------------------------------------------------------------------------------------------
source("json-writer.R") # num(), to_json(), arr()
write_json <- function(x, file) writeLines(to_json(x), file)

# ---------------------------------------------------------------------------------------------
# 3. Helpers.
# ---------------------------------------------------------------------------------------------
path_row <- function(fit, term) {
  s <- summary(fit)$coefficients
  list(estimate = s[term, 1], se = s[term, 2], t = s[term, 3], p = s[term, 4])
}
coef_table <- function(fit, vc = vcov(fit)) {
  b <- coef(fit)
  se <- sqrt(diag(vc))
  t <- b / se
  df <- fit$df.residual
  p <- 2 * pt(-abs(t), df)
  q <- qt(0.975, df)
  lapply(seq_along(b), function(i) list(
    term = names(b)[i], estimate = unname(b[i]), se = unname(se[i]), t = unname(t[i]),
    p = unname(p[i]), ciLower = unname(b[i] - q * se[i]), ciUpper = unname(b[i] + q * se[i])
  ))
}
model_info <- function(fit) {
  s <- summary(fit)
  list(coefficients = coef_table(fit), r2 = s$r.squared, sigma = s$sigma, dfResidual = fit$df.residual)
}
# Percentile CI as R's quantile(type = 7) (Hyndman & Fan 1996, definition 7).
pct <- function(x) unname(quantile(x, c(0.025, 0.975), type = 7))

# ---------------------------------------------------------------------------------------------
# 4. Mediation (PROCESS model 4; Baron & Kenny 1986).
# ---------------------------------------------------------------------------------------------
mediation_case <- function(name, y, x, ms, covs, B, data = d) {
  vars <- c(y, x, ms, covs)
  dd <- data[complete.cases(data[, vars]), vars]
  rhs_cov <- if (length(covs)) paste("+", paste(covs, collapse = " + ")) else ""
  fit_m <- lapply(ms, function(m) lm(as.formula(paste(m, "~", x, rhs_cov)), data = dd))
  fit_y <- lm(as.formula(paste(y, "~", x, "+", paste(ms, collapse = " + "), rhs_cov)), data = dd)
  fit_c <- lm(as.formula(paste(y, "~", x, rhs_cov)), data = dd)
  med <- lapply(seq_along(ms), function(j) {
    a <- path_row(fit_m[[j]], x)
    b <- path_row(fit_y, ms[j])
    ab <- a$estimate * b$estimate
    se1 <- sqrt(b$estimate^2 * a$se^2 + a$estimate^2 * b$se^2)               # Sobel 1982
    se2 <- sqrt(b$estimate^2 * a$se^2 + a$estimate^2 * b$se^2 + a$se^2 * b$se^2) # Aroian 1947
    list(name = ms[j], a = a, b = b, indirect = ab,
         sobel = list(z = ab / se1, p = 2 * pnorm(-abs(ab / se1)), se = se1),
         aroian = list(z = ab / se2, p = 2 * pnorm(-abs(ab / se2)), se = se2))
  })
  # Large percentile bootstrap (resampling cases), .lm.fit on prebuilt design matrices.
  nn <- nrow(dd)
  Xa <- cbind(1, as.matrix(dd[, c(x, covs), drop = FALSE]))
  Xy <- cbind(1, as.matrix(dd[, c(x, ms, covs), drop = FALSE]))
  Mm <- as.matrix(dd[, ms, drop = FALSE])
  yy <- dd[[y]]
  draws <- matrix(NA_real_, B, length(ms))
  for (r in seq_len(B)) {
    i <- sample.int(nn, nn, replace = TRUE)
    bx <- .lm.fit(Xy[i, , drop = FALSE], yy[i])$coefficients
    for (j in seq_along(ms)) {
      a <- .lm.fit(Xa[i, , drop = FALSE], Mm[i, j])$coefficients[2]
      draws[r, j] <- a * bx[2 + j]
    }
  }
  total <- rowSums(draws)
  boot_ref <- list(
    B = B,
    perMediator = lapply(seq_along(ms), function(j) list(
      name = ms[j], bootSe = sd(draws[, j]), ciLower = pct(draws[, j])[1], ciUpper = pct(draws[, j])[2],
      mean = mean(draws[, j])
    )),
    total = list(bootSe = sd(total), ciLower = pct(total)[1], ciUpper = pct(total)[2], mean = mean(total))
  )
  list(
    name = name, y = y, x = x, m = arr(ms), covariates = arr(covs),
    n = nrow(dd), nDropped = nrow(data) - nrow(dd),
    c = path_row(fit_c, x), cPrime = path_row(fit_y, x),
    mediators = med,
    totalIndirect = sum(vapply(med, function(z) z$indirect, 0)),
    models = list(
      mediators = lapply(fit_m, model_info), outcome = model_info(fit_y), total = model_info(fit_c)
    ),
    boot = boot_ref
  )
}

t0 <- proc.time()
mediate <- list(
  mediation_case("simple", "engage", "tl", "empower", c("age", "female", "tenure"), 100000),
  mediation_case("parallel", "engage", "tl", c("empower", "trust"), c("age", "female", "tenure"), 100000),
  mediation_case("no-covariates", "engage", "tl", "trust", character(0), 20000)
)
write_json(list(
  rVersion = R.version.string, generated = "make-golden-mediation.R", cases = mediate
), "mediate-expected.json")
cat("mediation done in", (proc.time() - t0)[["elapsed"]], "s\n")

# ---------------------------------------------------------------------------------------------
# 5. Moderation (PROCESS model 1).
# ---------------------------------------------------------------------------------------------
# Stable real roots of A w^2 + B w + C = 0 (Press et al., Numerical Recipes, sec. 5.6).
quad_roots <- function(A, B, C) {
  if (abs(A) < 1e-300) return(if (B != 0) -C / B else numeric(0))
  D <- B^2 - 4 * A * C
  if (D < 0) return(numeric(0))
  q <- -0.5 * (B + ifelse(B >= 0, 1, -1) * sqrt(D))
  r <- c(q / A, C / q)
  sort(r)
}
moderation_case <- function(name, y, x, w, covs, center, type = "classic", wvalues = NULL, data = d) {
  vars <- c(y, x, w, covs)
  dd <- data[complete.cases(data[, vars]), vars]
  cx <- if (center) mean(dd[[x]]) else 0
  cw <- if (center) mean(dd[[w]]) else 0
  X <- dd[[x]] - cx
  W <- dd[[w]] - cw
  mf <- data.frame(Y = dd[[y]], X = X, W = W, XW = X * W)
  for (cv in covs) mf[[cv]] <- dd[[cv]]
  fit <- lm(as.formula(paste("Y ~ X + W + XW", if (length(covs)) paste("+", paste(covs, collapse = " + ")) else "")), data = mf)
  V <- if (type == "hc3") vcovHC(fit, type = "HC3") else vcov(fit)
  b <- coef(fit)
  df <- fit$df.residual
  tab <- coef_table(fit, V)
  # rename to the contract's term names
  nm <- c("(Intercept)", x, w, paste0(x, ":", w), covs)
  for (i in seq_along(tab)) tab[[i]]$term <- nm[i]
  # probe values, original metric of W
  wraw <- dd[[w]]
  dich <- length(unique(wraw)) == 2
  if (!is.null(wvalues)) {
    probe <- wvalues; labels <- rep("value", length(wvalues))
  } else if (dich) {
    probe <- sort(unique(wraw)); labels <- rep("value", 2)
  } else {
    m <- mean(wraw); s <- sd(wraw)
    probe <- c(m - s, m, m + s); labels <- c("-1SD", "mean", "+1SD")
    if (probe[1] < min(wraw)) { probe[1] <- min(wraw); labels[1] <- "min" }
    if (probe[3] > max(wraw)) { probe[3] <- max(wraw); labels[3] <- "max" }
  }
  slopes <- lapply(seq_along(probe), function(i) {
    wc <- probe[i] - cw
    th <- b[["X"]] + b[["XW"]] * wc                                   # Hayes 2022, eq. 7.9
    se <- sqrt(V["X", "X"] + 2 * wc * V["X", "XW"] + wc^2 * V["XW", "XW"]) # Hayes 2022, eq. 7.12
    list(w = probe[i], label = labels[i], slope = th, se = se, t = th / se, p = 2 * pt(-abs(th / se), df),
         ciLower = th - qt(0.975, df) * se, ciUpper = th + qt(0.975, df) * se)
  })
  # R-squared change due to X:W (PROCESS "Test(s) of highest order unconditional interaction");
  # F = t^2 of X:W (with HC3 the robust Wald F, as PROCESS).
  reduced <- lm(as.formula(paste("Y ~ X + W", if (length(covs)) paste("+", paste(covs, collapse = " + ")) else "")), data = mf)
  tXW <- b[["XW"]] / sqrt(V["XW", "XW"])
  interaction <- list(r2Change = summary(fit)$r.squared - summary(reduced)$r.squared, f = tXW^2, df1 = 1,
                      df2 = df, p = 2 * pt(-abs(tXW), df))
  # Overall model F as a Wald test of all slopes with V (equals summary()$fstatistic for classic).
  sl <- names(b)[-1]
  Fm <- drop(t(b[sl]) %*% solve(V[sl, sl]) %*% b[sl]) / length(sl)
  model <- list(r2 = summary(fit)$r.squared, f = Fm, dfModel = length(sl), dfResidual = df,
                pF = pf(Fm, length(sl), df, lower.tail = FALSE), sigma = summary(fit)$sigma)
  jn <- NULL
  if (!dich) {
    tc <- qt(0.975, df)
    A <- b[["XW"]]^2 - tc^2 * V["XW", "XW"]
    B <- 2 * b[["X"]] * b[["XW"]] - 2 * tc^2 * V["X", "XW"]
    C <- b[["X"]]^2 - tc^2 * V["X", "X"]
    roots <- quad_roots(A, B, C) + cw
    inside <- roots[roots >= min(wraw) & roots <= max(wraw)]
    pts <- lapply(inside, function(r) {
      wc <- r - cw
      th <- b[["X"]] + b[["XW"]] * wc
      se <- sqrt(V["X", "X"] + 2 * wc * V["X", "XW"] + wc^2 * V["XW", "XW"])
      list(w = r, slope = th, se = se, t = th / se, p = 2 * pt(-abs(th / se), df),
           percentBelow = 100 * mean(wraw < r), percentAbove = 100 * mean(wraw > r))
    })
    jn <- list(tCritical = tc, roots = arr(roots), points = pts, wMin = min(wraw), wMax = max(wraw))
  }
  list(
    name = name, y = y, x = x, w = w, covariates = arr(covs), center = center, se = type,
    n = nrow(dd), nDropped = nrow(data) - nrow(dd), dfResidual = df, r2 = summary(fit)$r.squared,
    coefficients = tab, simpleSlopes = slopes, johnsonNeyman = jn, interaction = interaction, model = model,
    wMean = mean(wraw), wSd = sd(wraw), wValues = if (is.null(wvalues)) NULL else arr(wvalues)
  )
}
moderate <- list(
  moderation_case("centered", "engage", "tl", "pos", c("age", "female"), TRUE),
  moderation_case("uncentered", "engage", "tl", "pos", c("age", "female"), FALSE),
  moderation_case("hc3", "engage", "tl", "pos", c("age", "female"), TRUE, type = "hc3"),
  moderation_case("values", "engage", "tl", "pos", character(0), FALSE, wvalues = c(3, 4.4, 6)),
  moderation_case("dichotomous", "engage", "tl", "female", c("age"), FALSE)
)
write_json(list(rVersion = R.version.string, cases = moderate), "moderate-expected.json")

# ---------------------------------------------------------------------------------------------
# 6. By group (state-owned vs private): separate fits, z tests of b1 - b2 (Clogg, Petkova &
#    Haritou 1995; Paternoster et al. 1998, eq. 4) and a Chow (1960) pooled interaction test.
# ---------------------------------------------------------------------------------------------
g_vars <- c("engage", "tl", "empower", "age", "female", "ownership")
gd <- d[complete.cases(d[, g_vars]), g_vars]
levels_g <- sort(unique(gd$ownership)) # "private", "state"
fits <- lapply(levels_g, function(l) lm(engage ~ tl + empower + age + female, data = gd[gd$ownership == l, ]))
tabs <- lapply(fits, coef_table)
zt <- lapply(seq_along(coef(fits[[1]])), function(i) {
  b1 <- coef(fits[[1]])[i]; b2 <- coef(fits[[2]])[i]
  s1 <- sqrt(diag(vcov(fits[[1]])))[i]; s2 <- sqrt(diag(vcov(fits[[2]])))[i]
  z <- (b1 - b2) / sqrt(s1^2 + s2^2)
  list(term = names(coef(fits[[1]]))[i], difference = unname(b1 - b2), se = unname(sqrt(s1^2 + s2^2)),
       z = unname(z), p = unname(2 * pnorm(-abs(z))))
})
gd$D <- as.numeric(gd$ownership == levels_g[2])
pooled <- lm(engage ~ tl + empower + age + female, data = gd)
full <- lm(engage ~ (tl + empower + age + female) * D, data = gd)
av <- anova(pooled, full)
sf <- summary(full)$coefficients
inter <- lapply(c("D", "tl:D", "empower:D", "age:D", "female:D"), function(tn) list(
  term = tn, estimate = sf[tn, 1], se = sf[tn, 2], t = sf[tn, 3], p = sf[tn, 4]
))
# mediation paths by group (single mediator), reusing the mediation case builder (small B: only
# paths and Sobel are compared exactly).
med_g <- lapply(levels_g, function(l) {
  sub <- d[!is.na(d$ownership) & d$ownership == l, ]
  r <- mediation_case(paste0("group-", l), "engage", "tl", "empower", c("age", "female"), 20000, data = sub)
  r$models <- NULL
  r
})
write_json(list(
  rVersion = R.version.string,
  ols = list(
    y = "engage", x = arr(c("tl", "empower", "age", "female")), group = "ownership",
    levels = arr(levels_g), n = arr(vapply(fits, nobs, 0)), nTotal = nrow(gd),
    nDroppedTotal = nrow(d) - nrow(gd),
    groups = lapply(seq_along(fits), function(i) list(level = levels_g[i], n = nobs(fits[[i]]),
      coefficients = tabs[[i]], r2 = summary(fits[[i]])$r.squared)),
    zTests = zt,
    chow = list(f = av$F[2], df1 = av$Df[2], df2 = av$Res.Df[2], p = av$`Pr(>F)`[2],
                rssPooled = av$RSS[1], rssSeparate = av$RSS[2]),
    interactions = inter
  ),
  mediate = med_g
), "by-group-expected.json")
cat("done in", (proc.time() - t0)[["elapsed"]], "s\n")
