/** `stats correlation --vars a,b,c [--method pearson|spearman] [--stars apa|econ]` → lib/stats/correlation. */
import { correlation } from '@/lib/stats/correlation';
import type { StatsCommand } from './command';

/** The `stats correlation` command (registered in ./index.ts). */
export const correlationCommand: StatsCommand = {
  name: 'correlation',
  summary: 'Pearson or Spearman correlation matrix with two-sided p, pairwise n and stars',
  options: ['vars', 'method', 'missing', 'stars'],
  usage: 'stats correlation --data FILE.csv --vars a,b,c [--method pearson|spearman] [--missing pairwise|listwise] [--stars apa|econ] --json',
  run: (df, args) =>
    correlation(df, {
      vars: args.list('vars', true),
      method: args.choice('method', ['pearson', 'spearman'] as const),
      missing: args.choice('missing', ['pairwise', 'listwise'] as const),
      stars: args.choice('stars', ['apa', 'econ'] as const),
    }),
};
