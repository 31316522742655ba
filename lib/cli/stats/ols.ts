/**
 * `stats ols --y Y --x a,b,a:b [--factor g=ref,h] [--block a,b --block c] [--se classic|hc1|hc3|cluster
 * --cluster id] [--level 0.95] [--no-intercept]` → lib/stats/ols.
 */
import type { FactorSpec } from '@/lib/stats/frame';
import { ols } from '@/lib/stats/ols';
import { CliUsageError, type CliArgs } from '../args';
import type { StatsCommand } from './command';

/**
 * Parses `--factor sector=public,region` into a factor spec (no `=ref`: first level).
 *
 * @param args - parsed options.
 * @returns factor name → reference level (null = first level).
 * @throws {CliUsageError} for an empty name or reference.
 */
export function factorOption(args: CliArgs): FactorSpec {
  const spec: Record<string, string | null> = {};
  for (const item of args.lists('factor').flat()) {
    const [name, ref, extra] = item.split('=');
    if (!name || ref === '' || extra !== undefined) throw new CliUsageError(`--factor item '${item}' must be NAME or NAME=REFERENCE`);
    spec[name] = ref ?? null;
  }
  return spec;
}

export const olsCommand: StatsCommand = {
  name: 'ols',
  summary: 'OLS: B, SE, β, t, p, CI, VIF, R², F; classic/HC1/HC3/cluster SE; hierarchical blocks; factors; interactions',
  options: ['y', 'x', 'block', 'factor', 'se', 'cluster', 'level', 'no-intercept'],
  flags: ['no-intercept'],
  usage:
    'stats ols --data FILE.csv --y Y --x a,b,a:b [--factor g=ref] [--block a,b --block c] [--se classic|hc1|hc3|cluster --cluster id] [--level 0.95] [--no-intercept] --json',
  run: (df, args) => {
    const blocks = args.lists('block');
    if (blocks.length > 0 && args.has('x')) throw new CliUsageError('give either --x or --block, not both');
    return ols(df, {
      y: args.string('y', true),
      x: blocks.length ? undefined : args.list('x', true),
      blocks: blocks.length ? blocks : undefined,
      factors: factorOption(args),
      se: args.choice('se', ['classic', 'hc0', 'hc1', 'hc2', 'hc3', 'cluster'] as const),
      cluster: args.string('cluster'),
      level: args.number('level'),
      intercept: !args.flag('no-intercept'),
    });
  },
};
