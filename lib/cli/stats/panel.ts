/**
 * `stats panel --y Y --x a,b --entity id [--time year] [--effects pooled|entity|twoway|random]
 * [--se classic|cluster] [--cluster id] [--factor g=ref] [--level 0.95]` → lib/stats/panel.
 */
import { panel } from '@/lib/stats/panel';
import type { StatsCommand } from './command';
import { factorOption } from './ols';

export const panelCommand: StatsCommand = {
  name: 'panel',
  summary: 'panel regression: pooled, entity FE, two-way FE, random effects (Swamy–Arora); within R², F test of effects, Hausman; cluster SE',
  options: ['y', 'x', 'entity', 'time', 'effects', 'se', 'cluster', 'factor', 'level'],
  usage:
    'stats panel --data FILE.csv --y Y --x a,b --entity id [--time year] [--effects pooled|entity|twoway|random] [--se classic|cluster] [--cluster id] [--factor g=ref] [--level 0.95] --json',
  run: (df, args) =>
    panel(df, {
      y: args.string('y', true),
      x: args.list('x', true),
      entity: args.string('entity', true),
      time: args.string('time'),
      effects: args.choice('effects', ['pooled', 'entity', 'twoway', 'random'] as const),
      se: args.choice('se', ['classic', 'cluster'] as const),
      cluster: args.string('cluster'),
      factors: factorOption(args),
      level: args.number('level'),
    }),
};
