/**
 * `--group G` for any `stats` analysis that has no grouping of its own (describe groups by
 * itself): runs the analysis in each group with lib/stats/by-group and adds the pairwise z tests
 * of equal coefficients (Clogg et al. 1995). For `ols` (with --x) and `moderate` it also adds the
 * Chow (1960) test of the pooled against the fully group-interacted model (classic OLS
 * assumptions; for moderate on the uncentred X, W, X:W — the F test is invariant to centring).
 */
import { byGroup, chowTest, type ChowResult } from '@/lib/stats/by-group';
import type { DataFrame } from '@/lib/stats/frame';
import { isStatsError } from '@/lib/stats/errors';
import type { CliArgs } from './args';
import type { StatsCommand } from './stats';
import { factorOption } from './stats/ols';

/**
 * Whether `--group` should be handled generically for this command.
 *
 * @param command - the analysis.
 * @param args - parsed options.
 * @returns true when --group is given and the command does not take --group itself.
 */
export function wantsByGroup(command: StatsCommand, args: CliArgs): boolean {
  return args.has('group') && !command.options.includes('group');
}

/**
 * Runs `command` by group.
 *
 * @param command - the analysis.
 * @param df - the data.
 * @param args - parsed options (including --group).
 * @returns the by-group result, plus `chow` (or `chowError`) for ols/moderate.
 * @throws {StatsError | CliUsageError} when the analysis fails in every group or options are bad.
 */
export function runByGroup(command: StatsCommand, df: DataFrame, args: CliArgs): unknown {
  const group = args.string('group', true);
  const result = byGroup(df, { group, level: args.number('level') }, (sub) => command.run(sub, args));
  const spec = chowSpec(command.name, args);
  if (!spec) return result;
  try {
    const chow: ChowResult = chowTest(df, { ...spec, group, factors: factorOption(args) });
    return { ...result, chow };
  } catch (e) {
    if (!isStatsError(e)) throw e;
    return { ...result, chow: null, chowError: e.message };
  }
}

function chowSpec(name: string, args: CliArgs): { y: string; terms: string[] } | null {
  if (name === 'ols' && args.has('x')) return { y: args.string('y', true), terms: args.list('x', true) };
  if (name === 'moderate') {
    const x = args.string('x', true);
    const w = args.string('w', true);
    return { y: args.string('y', true), terms: [x, w, `${x}:${w}`, ...args.list('covariates')] };
  }
  return null;
}
