/**
 * `stats moderate --y Y --x X --w W [--covariates a,b] [--factor g=ref] [--center]
 * [--w-values 2,3,4] [--level 0.95] [--se classic|hc0|hc1|hc2|hc3]` → lib/stats/moderate
 * (PROCESS model 1): coefficients with "X:W", simple slopes, Johnson–Neyman region.
 */
import { moderate, type ModerateOptions } from '@/lib/stats/moderate';
import { CliUsageError, type CliArgs } from '../args';
import type { StatsCommand } from './command';
import { factorOption } from './options';

function numberList(args: CliArgs, name: string): number[] | undefined {
  if (!args.has(name)) return undefined;
  return args.list(name, true).map((s) => {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new CliUsageError(`--${name}: '${s}' is not a number`);
    return v;
  });
}

/** The `stats moderate` command (registered in ./index.ts). */
export const moderateCommand: StatsCommand = {
  name: 'moderate',
  summary: 'moderation (PROCESS model 1): X:W interaction, simple slopes at mean±1SD or chosen W, Johnson–Neyman',
  options: ['y', 'x', 'w', 'covariates', 'factor', 'center', 'w-values', 'level', 'se', 'stars'],
  flags: ['center'],
  coefficientStars: true,
  usage:
    'stats moderate --data FILE.csv --y Y --x X --w W [--covariates a,b] [--factor g=ref] [--center] [--w-values 2,3,4] [--level 0.95] [--se classic|hc3] [--stars apa|econ] [--group G] --json',
  run: (df, args) => moderate(df, moderateOptions(args)),
};

/** The CLI's `stats moderate` options as lib/stats options (also the diagnostics refit's). */
export function moderateOptions(args: CliArgs): ModerateOptions {
  return {
    y: args.string('y', true),
    x: args.string('x', true),
    w: args.string('w', true),
    covariates: args.list('covariates'),
    factors: factorOption(args),
    center: args.flag('center'),
    wValues: numberList(args, 'w-values'),
    level: args.number('level'),
    se: args.choice('se', ['classic', 'hc0', 'hc1', 'hc2', 'hc3'] as const),
  };
}
