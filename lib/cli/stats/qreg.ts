/**
 * `stats qreg --y Y --x a,b [--covariates c] [--tau 0.25,0.5,0.75] [--factor g=ref] [--level 0.95]
 * [--no-intercept] [--stars apa|econ]` → lib/stats/qreg.
 */
import { qreg } from '@/lib/stats/qreg';
import { CliUsageError } from '../args';
import type { StatsCommand } from './command';
import { factorOption, regressors } from './options';

/** The `stats qreg` command (registered in ./index.ts). */
export const qregCommand: StatsCommand = {
  name: 'qreg',
  summary: 'quantile regression at one or several tau (exact LP as R rq "br"), SE as summary.rq se="nid", coefficient-by-tau table',
  options: ['y', 'x', 'covariates', 'tau', 'factor', 'level', 'no-intercept', 'stars'],
  flags: ['no-intercept'],
  coefficientStars: true,
  usage:
    'stats qreg --data FILE.csv --y Y --x a,b [--covariates c] [--tau 0.25,0.5,0.75] [--factor g=ref] [--level 0.95] [--no-intercept] [--stars apa|econ] --json',
  run: (df, args) => {
    const tau = args.list('tau').map((s) => {
      const v = Number(s);
      if (!Number.isFinite(v)) throw new CliUsageError(`option --tau must be numbers between 0 and 1 (got '${s}')`);
      return v;
    });
    return qreg(df, {
      y: args.string('y', true),
      x: regressors(args),
      tau: tau.length ? tau : undefined,
      factors: factorOption(args),
      level: args.number('level'),
      intercept: !args.flag('no-intercept'),
    });
  },
};
