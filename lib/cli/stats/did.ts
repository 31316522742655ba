/**
 * `stats did --y Y --treat T --post P --entity id --time year [--covariates a,b]
 * [--se cluster|classic] [--cluster id] [--factor g=ref] [--level 0.95] [--stars apa|econ]`
 * → lib/stats/did (clustered by entity unless --se classic).
 */
import { did, type DidOptions } from '@/lib/stats/did';
import type { CliArgs } from '../args';
import type { StatsCommand } from './command';
import { factorOption, seAndCluster } from './options';

/** The `stats did` command (registered in ./index.ts). */
export const didCommand: StatsCommand = {
  name: 'did',
  summary: 'difference-in-differences: two-way FE with treat:post, covariates, clustered SE (default), group-by-time means',
  options: ['y', 'treat', 'post', 'entity', 'time', 'covariates', 'se', 'cluster', 'factor', 'level', 'stars'],
  coefficientStars: true,
  usage:
    'stats did --data FILE.csv --y Y --treat T --post P --entity id --time year [--covariates a,b] [--se cluster|classic] [--cluster id] [--factor g=ref] [--level 0.95] [--stars apa|econ] --json',
  run: (df, args) => did(df, didOptions(args)),
};

/** The CLI's `stats did` options as lib/stats options (also the diagnostics refit's). */
export function didOptions(args: CliArgs): DidOptions {
  const { se, cluster } = seAndCluster(args, ['classic', 'cluster'] as const);
  return {
    y: args.string('y', true),
    treat: args.string('treat', true),
    post: args.string('post', true),
    entity: args.string('entity', true),
    time: args.string('time', true),
    covariates: args.list('covariates'),
    se,
    cluster,
    factors: factorOption(args),
    level: args.number('level'),
  };
}
