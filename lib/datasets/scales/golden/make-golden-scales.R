# Golden values for lib/datasets/scales (scaleReliability) and the scaleScore transform.
#
# Run from the repository root:   Rscript lib/datasets/scales/golden/make-golden-scales.R
# Needs: R >= 4.2 (Debian r-base-core), psych (r-cran-psych), GPArotation (r-cran-gparotation,
# for psych::omega). Produced with R 4.2.2, psych 2.2.9, GPArotation 2022.10-2. Writes:
#   scales-survey.csv      simulated Likert items with missing answers (fixed seed)
#   scales-expected.json   per scale: psych::alpha (raw_alpha, std.alpha, r.drop, alpha.drop,
#                          item mean/sd), omega total, one-factor loadings; scale scores
# Numbers are written with 17 significant digits by lib/stats/golden/json-writer.R.
suppressPackageStartupMessages({ library(psych); library(GPArotation) })
out_dir <- "lib/datasets/scales/golden"
source("lib/stats/golden/json-writer.R") # num(), to_json(), arr()
write_json <- function(x, file) {
  writeLines(to_json(x), file.path(out_dir, file))
  cat("wrote", file, "\n")
}

# ---- data: 6 items of one construct; t3 and t6 negatively keyed; t6 on a 1–7 scale ----------
set.seed(20250111)
n <- 250
f <- rnorm(n)
lambda <- c(0.8, 0.7, -0.6, 0.5, 0.7, -0.45)
to_likert <- function(z, k) as.integer(cut(z, breaks = qnorm(seq(0, 1, length.out = k + 1)), labels = FALSE))
items <- paste0("t", 1:6)
d <- data.frame(id = seq_len(n))
for (j in 1:6) {
  z <- lambda[j] * f + sqrt(1 - lambda[j]^2) * rnorm(n)
  d[[items[j]]] <- to_likert(z * 0.9 + rnorm(n, sd = 0.3), if (j == 6) 7 else 5)
}
# about 5% missing answers per item (MCAR), and a few respondents who skipped most items
for (j in 1:6) d[[items[j]]][sample(n, 12)] <- NA
d[sample(n, 4), items[1:4]] <- NA
# a text column (for the non-numeric error) and a constant item (for the zero-variance error)
d$comment <- sample(c("ok", "fine", "n/a"), n, replace = TRUE)
d$const <- 3L
write.csv(d, file.path(out_dir, "scales-survey.csv"), row.names = FALSE, na = "NA")

ranges <- list(t1 = c(1, 5), t2 = c(1, 5), t3 = c(1, 5), t4 = c(1, 5), t5 = c(1, 5), t6 = c(1, 7))
keyed <- function(its, rev) {
  x <- d[its]
  for (r in rev) x[[r]] <- ranges[[r]][1] + ranges[[r]][2] - x[[r]]
  x
}

reliability_of <- function(id, name, its, rev) {
  x <- keyed(its, rev)
  cc <- x[complete.cases(x), , drop = FALSE]
  a <- psych::alpha(cc, check.keys = FALSE, warnings = FALSE)
  out <- list(id = id, name = name, items = its, reversed = arr(rev), n = nrow(cc), nDropped = n - nrow(cc),
    alpha = a$total$raw_alpha, standardizedAlpha = a$total$std.alpha,
    itemMean = a$item.stats$mean, itemSd = a$item.stats$sd,
    itemTotalCorrelation = a$item.stats$r.drop)
  if (length(its) >= 3) {
    R <- cor(cc)
    # omega total from one factor as psych::omegah combines it: (sum(R) - sum(u2)) / sum(R).
    # Reference 1: the ULS/minres fixed point solved to convergence by iterated principal axes;
    # lib/stats/reliability.ts computes exactly this.
    pa <- psych::fa(R, nfactors = 1, fm = "pa", max.iter = 100000, min.err = 1e-15, warnings = FALSE)
    u2 <- 1 - rowSums(unclass(pa$loadings)^2)
    # Reference 2: psych::omega itself (default fm = "minres", optim-based, ~1e-6 accurate).
    om <- suppressWarnings(suppressMessages(psych::omega(R, nfactors = 1, n.obs = nrow(cc), plot = FALSE)))
    out$alphaIfDeleted <- a$alpha.drop$raw_alpha
    out$omegaTotal <- (sum(R) - sum(u2)) / sum(R)
    out$omegaTotalPsych <- om$omega.tot
    out$loadings <- as.numeric(unclass(pa$loadings))
  }
  out
}

scales <- list(
  reliability_of("s-all", "Commitment", items, c("t3", "t6")),
  reliability_of("s-pos", "Commitment (positive items)", c("t1", "t2", "t4"), character(0)),
  reliability_of("s-two", "Two items", c("t1", "t5"), character(0))
)

# ---- scale scores (scale s-all) ----------------------------------------------------------------
x <- keyed(items, c("t3", "t6"))
answered <- rowSums(!is.na(x))
mean_avail <- rowMeans(x, na.rm = TRUE)
mean_min4 <- ifelse(answered >= 4, mean_avail, NA)
# cross-check: psych::scoreItems with impute = "none" is the mean of the answered items (on the
# items reversed above: its own min/max reversal takes one range for all items, and t6 is 1–7)
si <- psych::scoreItems(rep(1, 6), x, impute = "none")
stopifnot(isTRUE(all.equal(as.numeric(si$scores), ifelse(answered >= 1, mean_avail, NA), tolerance = 1e-12)))
write_json(list(scales = scales,
  scores = list(
    id = "s-all",
    meanAll = rowMeans(x),                      # every item answered (default minValid = k)
    meanMin4 = mean_min4,                       # SPSS MEAN.4
    sumAll = rowSums(x),
    sumMin4 = ifelse(answered >= 4, mean_avail * 6, NA) # prorated: mean of answered × k
  )), "scales-expected.json")
