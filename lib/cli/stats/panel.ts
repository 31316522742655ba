/**
 * `stats panel --y Y --x a,b [--covariates c] --entity id [--time year]
 * [--effects pooled|entity|twoway|random] [--se classic|cluster] [--cluster id] [--factor g=ref]
 * [--level 0.95] [--stars apa|econ]` → lib/stats/panel.
 */
import { panel } from '@/lib/stats/panel';
import type { StatsCommand } from './command';
import { factorOption, regressors, seAndCluster } from './options';

/** The `stats panel` command (registered in ./index.ts). */
export const panelCommand: StatsCommand = {
  name: 'panel',
  summary: 'panel regression: pooled, entity FE, two-way FE, random effects (Swamy–Arora); within R², F test of effects, Hausman; cluster SE',
  options: ['y', 'x', 'covariates', 'entity', 'time', 'effects', 'se', 'cluster', 'factor', 'level', 'stars'],
  coefficientStars: true,
  usage:
    'stats panel --data FILE.csv --y Y --x a,b [--covariates c] --entity id [--time year] [--effects pooled|entity|twoway|random] [--se classic|cluster] [--cluster id] [--factor g=ref] [--level 0.95] [--stars apa|econ] --json',
  run: (df, args) => {
    const { se, cluster } = seAndCluster(args, ['classic', 'cluster'] as const);
    return panel(df, {
      y: args.string('y', true),
      x: regressors(args),
      entity: args.string('entity', true),
      time: args.string('time'),
      effects: args.choice('effects', ['pooled', 'entity', 'twoway', 'random'] as const),
      se,
      cluster,
      factors: factorOption(args),
      level: args.number('level'),
    });
  },
};
