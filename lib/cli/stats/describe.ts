/** `stats describe --vars a,b [--group g] [--missing listwise|pairwise]` → lib/stats/describe. */
import { describe } from '@/lib/stats/describe';
import type { StatsCommand } from './command';

/** The `stats describe` command (registered in ./index.ts). */
export const describeCommand: StatsCommand = {
  name: 'describe',
  summary: 'n, mean, SD, min, median, max, skewness (G1), excess kurtosis (G2), optionally by group',
  options: ['vars', 'group', 'missing'],
  usage: 'stats describe --data FILE.csv --vars a,b,c [--group g] [--missing listwise|pairwise] --json',
  run: (df, args) =>
    describe(df, {
      vars: args.list('vars', true),
      group: args.string('group'),
      missing: args.choice('missing', ['listwise', 'pairwise'] as const),
    }),
};
