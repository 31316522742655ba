/**
 * `stats did --y Y --treat T --post P --entity id --time year [--covariates a,b]
 * [--se classic|cluster] [--cluster id] [--factor g=ref] [--level 0.95]` → lib/stats/did.
 */
import { did } from '@/lib/stats/did';
import type { StatsCommand } from './command';
import { factorOption } from './ols';

export const didCommand: StatsCommand = {
  name: 'did',
  summary: 'difference-in-differences: two-way FE with treat:post, covariates, clustered SE (default), group-by-time means',
  options: ['y', 'treat', 'post', 'entity', 'time', 'covariates', 'se', 'cluster', 'factor', 'level'],
  usage:
    'stats did --data FILE.csv --y Y --treat T --post P --entity id --time year [--covariates a,b] [--se cluster|classic] [--cluster id] [--factor g=ref] [--level 0.95] --json',
  run: (df, args) =>
    did(df, {
      y: args.string('y', true),
      treat: args.string('treat', true),
      post: args.string('post', true),
      entity: args.string('entity', true),
      time: args.string('time', true),
      covariates: args.list('covariates'),
      se: args.choice('se', ['classic', 'cluster'] as const),
      cluster: args.string('cluster'),
      factors: factorOption(args),
      level: args.number('level'),
    }),
};
