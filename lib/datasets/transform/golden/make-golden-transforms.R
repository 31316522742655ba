# Golden values for lib/datasets/transform (applyTransforms).
#
# Run from the repository root:   Rscript lib/datasets/transform/golden/make-golden-transforms.R
# Needs: R >= 4.2 (Debian r-base-core), plm (r-cran-plm). Produced with R 4.2.2, plm 2.6-2.
# Writes:
#   transforms-panel.csv        an unbalanced firm–year panel, rows shuffled, with gaps and NAs
#   transforms-expected.json    log, scale(), centring (grand, within group), products,
#                               plm::lag / lead / diff (k = 1, 2), reverse, recode
# Data are rounded to 4 decimals before anything is computed, so the CSV holds them exactly.
# Numbers are written with 17 significant digits by lib/stats/golden/json-writer.R.
suppressPackageStartupMessages(library(plm))
out_dir <- "lib/datasets/transform/golden"
source("lib/stats/golden/json-writer.R") # num(), to_json(), arr()
write_json <- function(x, file) {
  writeLines(to_json(x), file.path(out_dir, file))
  cat("wrote", file, "\n")
}

# ---- data ------------------------------------------------------------------------------------
set.seed(20250110)
firms <- paste0("F", 1:8)
full <- expand.grid(year = 2001:2008, firm = firms, stringsAsFactors = FALSE)[, c("firm", "year")]
d <- full[runif(nrow(full)) > 0.2, ]                 # ~20% of firm-years missing: gaps in time
d <- d[sample(nrow(d)), ]                            # rows in no particular order
n <- nrow(d)
d$income <- round(exp(rnorm(n, 10, 0.6)), 2)
d$income[sample(n, 4)] <- NA
d$sales <- rpois(n, 1.5)                             # has zeros: log needs an offset
d$x <- round(rnorm(n, 50, 10), 4)
d$x[sample(n, 5)] <- NA
d$w <- round(rnorm(n, 0, 2), 4)
d$w[sample(n, 5)] <- NA
d$group <- sample(c("a", "b", "c"), n, replace = TRUE)
d$group[sample(n, 3)] <- NA
d$q <- sample(1:5, n, replace = TRUE)
d$q[sample(n, 4)] <- NA
rownames(d) <- NULL
write.csv(d, file.path(out_dir, "transforms-panel.csv"), row.names = FALSE, na = "NA")

# ---- single-variable transforms -----------------------------------------------------------------
grand <- d$x - mean(d$x, na.rm = TRUE)
# within-group centring; rows with a missing group are missing (ave() would copy x there)
within <- rep(NA_real_, n)
for (g in unique(na.omit(d$group))) {
  idx <- which(d$group == g)
  within[idx] <- d$x[idx] - mean(d$x[idx], na.rm = TRUE)
}
both <- !is.na(d$x) & !is.na(d$w)
recoded <- ifelse(d$q <= 2, 1, ifelse(d$q == 3, 2, 3))   # 1–2 → 1, 3 → 2, 4–5 → 3

# ---- panel: plm on a pdata.frame, put back into the CSV's row order ------------------------------
d$row <- seq_len(n)
p <- pdata.frame(d, index = c("firm", "year"), drop.index = FALSE, row.names = FALSE)
back <- function(s) { out <- rep(NA_real_, n); out[as.integer(p$row)] <- as.numeric(s); out }
lag1 <- back(plm::lag(p$x, 1))
lag2 <- back(plm::lag(p$x, 2))
lead1 <- back(plm::lead(p$x, 1))
diff1 <- back(diff(p$x, 1))
diff2 <- back(diff(p$x, 2))
# cross-check plm with a base-R lookup by (firm, year - k): gaps give NA
shift <- function(v, k) sapply(seq_len(n), function(i) {
  j <- which(d$firm == d$firm[i] & d$year == d$year[i] - k)
  if (length(j) == 1) v[j] else NA_real_
})
stopifnot(identical(lag1, shift(d$x, 1)), identical(lag2, shift(d$x, 2)), identical(lead1, shift(d$x, -1)),
  isTRUE(all.equal(diff1, d$x - shift(d$x, 1))), isTRUE(all.equal(diff2, d$x - shift(d$x, 2))))

write_json(list(
  n = n,
  logIncome = log(d$income),
  log10Income = log(d$income, 10),
  log2Income = log(d$income, 2),
  log3Income = log(d$income, 3),
  logSales1 = log(d$sales + 1),
  zX = as.numeric(scale(d$x)),
  meanX = mean(d$x, na.rm = TRUE), sdX = sd(d$x, na.rm = TRUE),
  centerX = grand,
  centerXWithinGroup = within,
  xw = d$x * d$w,
  xwCentred = (d$x - mean(d$x[both])) * (d$w - mean(d$w[both])),
  qReversed = 6 - d$q,
  qRecoded = recoded,
  lag1 = lag1, lag2 = lag2, lead1 = lead1, diff1 = diff1, diff2 = diff2
), "transforms-expected.json")
