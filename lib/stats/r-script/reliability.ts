/**
 * R code for `stats reliability`: psych::alpha on the items after reverse-coding (as the app:
 * min + max − x), and McDonald's ω total from the one-factor minres solution (psych::fa with
 * fm = "pa" iterated to convergence, which is the ULS solution lib/stats/reliability.ts finds).
 */
import { CliUsageError, type CliArgs } from '@/lib/cli/args';
import type { AnalysisCode } from './analysis-code';
import { listwise } from './analysis-code';
import { rNumber, rVector } from './r-code';

/**
 * @param args - parsed options (--items, --reverse, --scale-min, --scale-max).
 * @returns the analysis code.
 * @throws {CliUsageError} when --reverse lacks the scale range.
 */
export function reliabilityCode(args: CliArgs): AnalysisCode {
  const items = args.list('items', true);
  const reverse = args.list('reverse');
  const lo = args.number('scale-min');
  const hi = args.number('scale-max');
  if (reverse.length && (lo === undefined || hi === undefined)) throw new CliUsageError('--reverse needs --scale-min and --scale-max');
  const k = items.length;
  const body = [
    listwise(items),
    `items <- ${rVector(items)}`,
    'x <- d[items]',
    ...(reverse.length
      ? [
          `# Reverse-coded items: ${rNumber(lo as number)} + ${rNumber(hi as number)} - x. (psych::alpha(keys = …) reverses by the`,
          '# observed range instead, which changes the item means; α and r.drop are the same.)',
          `for (v in ${rVector(reverse)}) {`,
          `  if (any(x[[v]] < ${rNumber(lo as number)} | x[[v]] > ${rNumber(hi as number)})) stop("item '", v, "' has a value outside the scale")`,
          `  x[[v]] <- ${rNumber(lo as number)} + ${rNumber(hi as number)} - x[[v]]`,
          '}',
        ]
      : []),
    'a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)',
    'print(a$total)',
    'put("alpha", a$total$raw_alpha)',
    'put("standardizedAlpha", a$total$std.alpha)',
    'stats <- data.frame(name = items, mean = colMeans(x), sd = apply(x, 2, sd),',
    `                    itemTotalCorrelation = a$item.stats$r.drop${k >= 3 ? ', alphaIfDeleted = a$alpha.drop$raw_alpha' : ''}, row.names = NULL)`,
    ...(k >= 3
      ? [
          '# ω total (McDonald) from one factor: ω = (sum(R) - sum(1 - λ²)) / sum(R), as psych::omega; the',
          '# minres solution solved to convergence by iterated principal axes.',
          'R <- cor(x)',
          'fa1 <- psych::fa(R, nfactors = 1, fm = "pa", max.iter = 100000, min.err = 1e-15, warnings = FALSE)',
          'lambda <- as.numeric(unclass(fa1$loadings))',
          'if (sum(lambda) < 0) lambda <- -lambda',
          'put("omegaTotal", (sum(R) - sum(1 - lambda^2)) / sum(R))',
          'stats$loading <- lambda',
          'cat("omega total:", results[[paste0(key_prefix, "omegaTotal")]], "\\n")',
        ]
      : []),
    'print(stats, digits = 6, row.names = FALSE)',
    'for (i in seq_along(items)) for (k in names(stats)[-1]) put(paste0("items/name=", items[i], "/", k), stats[[k]][i])',
    'NULL',
  ].join('\n');
  return {
    title: `Reliability of ${items.join(', ')}`,
    packages: ['psych'],
    helpers: ['put', 'completeRows'],
    notes: reverse.length ? [`reverse-coded: ${reverse.join(', ')} on the scale ${lo}–${hi}.`] : [],
    setup: '',
    body,
  };
}

