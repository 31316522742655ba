/**
 * `stats ols --y Y --x a,b,a:b [--covariates c,d] [--factor g=ref,h] [--block a,b --block c]
 * [--se classic|hc1|hc3|cluster] [--cluster id] [--level 0.95] [--no-intercept] [--stars apa|econ]`
 * → lib/stats/ols.
 */
import { ols, type OlsOptions } from '@/lib/stats/ols';
import { type CliArgs, CliUsageError } from '../args';
import type { StatsCommand } from './command';
import { factorOption, regressors, seAndCluster } from './options';

// Re-exported for the commands and tests that import it from here.
export { factorOption } from './options';

/** The `stats ols` command (registered in ./index.ts). */
export const olsCommand: StatsCommand = {
  name: 'ols',
  summary: 'OLS: B, SE, β, t, p, CI, VIF, R², F; classic/HC1/HC3/cluster SE; hierarchical blocks; factors; interactions',
  options: ['y', 'x', 'covariates', 'block', 'factor', 'se', 'cluster', 'level', 'no-intercept', 'stars'],
  flags: ['no-intercept'],
  coefficientStars: true,
  usage:
    'stats ols --data FILE.csv --y Y --x a,b,a:b [--covariates c,d] [--factor g=ref] [--block a,b --block c] [--se classic|hc1|hc3|cluster] [--cluster id] [--level 0.95] [--no-intercept] [--stars apa|econ] --json',
  run: (df, args) => ols(df, olsOptions(args)),
};

/**
 * The CLI's `stats ols` options as lib/stats options (also the diagnostics refit's).
 * @throws {CliUsageError} on --x/--covariates given with --block.
 */
export function olsOptions(args: CliArgs): OlsOptions {
  const blocks = args.lists('block');
  if (blocks.length > 0 && (args.has('x') || args.has('covariates'))) {
    throw new CliUsageError('give either --x [--covariates] or --block (controls go in the first --block), not both');
  }
  const { se, cluster } = seAndCluster(args, ['classic', 'hc0', 'hc1', 'hc2', 'hc3', 'cluster'] as const);
  return {
    y: args.string('y', true),
    x: blocks.length ? undefined : regressors(args),
    blocks: blocks.length ? blocks : undefined,
    factors: factorOption(args),
    se,
    cluster,
    level: args.number('level'),
    intercept: !args.flag('no-intercept'),
  };
}
