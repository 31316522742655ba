/**
 * `stats mediate --y Y --x X --m M1[,M2…] [--covariates a,b] [--factor g=ref] [--boot 5000]
 * [--seed 1] [--level 0.95] [--se classic|hc0|hc1|hc2|hc3]` → lib/stats/mediate (PROCESS model 4).
 *
 * With one mediator `a`, `b`, `sobel` are objects; with several they are arrays in the order of
 * --m and `indirect` is the total indirect effect (per-mediator detail in `mediators`). Without
 * --seed a random seed is used and reported in `bootstrap.seed`. Under --group the raw draws are
 * kept so that by-group compares the indirect effects by bootstrap (they are not printed).
 */
import { mediate } from '@/lib/stats/mediate';
import type { CliArgs } from '../args';
import type { StatsCommand } from './command';
import { factorOption } from './options';

/** The `stats mediate` command (registered in ./index.ts). */
export const mediateCommand: StatsCommand = {
  name: 'mediate',
  summary: 'mediation (PROCESS model 4 / Baron–Kenny): a, b, c, c′, indirect effect with percentile bootstrap CI, Sobel',
  coefficientStars: true,
  options: ['y', 'x', 'm', 'covariates', 'factor', 'boot', 'seed', 'level', 'se', 'stars'],
  usage:
    'stats mediate --data FILE.csv --y Y --x X --m M1[,M2] [--covariates a,b] [--factor g=ref] [--boot 5000] [--seed 1] [--level 0.95] [--se classic|hc3] [--stars apa|econ] [--group G] --json',
  run: (df, args: CliArgs, context) =>
    mediate(df, {
      y: args.string('y', true),
      x: args.string('x', true),
      m: args.list('m', true),
      covariates: args.list('covariates'),
      factors: factorOption(args),
      boot: args.number('boot'),
      seed: args.number('seed'),
      level: args.number('level'),
      se: args.choice('se', ['classic', 'hc0', 'hc1', 'hc2', 'hc3'] as const),
      keepDraws: args.has('group'),
      onProgress: context?.onProgress,
    }),
};
