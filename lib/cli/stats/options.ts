/**
 * Option readers shared by several `stats` commands, so that an option means the same thing in
 * every analysis: `--factor`, `--covariates` as extra regressors, and `--se` / `--cluster`.
 */
import type { FactorSpec } from '@/lib/stats/frame';
import { CliUsageError, type CliArgs } from '../args';

/**
 * Parses `--factor sector=public,region` into a factor spec (no `=ref`: first level).
 *
 * @param args - parsed options.
 * @returns factor name → reference level (null = first level).
 * @throws {CliUsageError} for an empty name or reference.
 * @example
 * ```ts
 * factorOption(parseArgs(['--factor', 'sector=public'])); // { sector: 'public' }
 * ```
 */
export function factorOption(args: CliArgs): FactorSpec {
  const spec: Record<string, string | null> = {};
  for (const item of args.lists('factor').flat()) {
    const [name, ref, extra] = item.split('=');
    if (!name || ref === '' || extra !== undefined) throw new CliUsageError(`--factor item '${item}' must be NAME or NAME=REFERENCE`);
    spec[name] = ref ?? null;
  }
  return spec;
}

/**
 * The regressors of a regression command: `--x` followed by `--covariates` (control variables
 * are ordinary regressors in OLS, panel and quantile regression).
 *
 * @param args - parsed options.
 * @returns the terms, --x first.
 * @throws {CliUsageError} when --x is missing or a term is given twice.
 * @example
 * ```ts
 * regressors(parseArgs(['--x', 'tl', '--covariates', 'age,female'])); // ['tl', 'age', 'female']
 * ```
 */
export function regressors(args: CliArgs): string[] {
  const terms = [...args.list('x', true), ...args.list('covariates')];
  const twice = terms.find((t, i) => terms.indexOf(t) !== i);
  if (twice !== undefined) throw new CliUsageError(`'${twice}' is given twice in --x/--covariates`);
  return terms;
}

/**
 * `--se` and `--cluster` together: `--cluster ID` alone means `--se cluster` (as Stata's
 * `vce(cluster ID)`); `--cluster` with another `--se` is a contradiction and is refused rather
 * than silently ignored.
 *
 * @param args - parsed options.
 * @param choices - the SE types the command supports.
 * @returns the SE type (undefined = the analysis' default) and the cluster column.
 * @throws {CliUsageError} for an unknown --se or --cluster with a non-cluster --se.
 * @example
 * ```ts
 * seAndCluster(parseArgs(['--cluster', 'school']), ['classic', 'cluster']); // { se: 'cluster', cluster: 'school' }
 * ```
 */
export function seAndCluster<T extends string>(args: CliArgs, choices: readonly T[]): { se: T | undefined; cluster: string | undefined } {
  const se = args.choice('se', choices);
  const cluster = args.string('cluster');
  if (cluster === undefined) return { se, cluster };
  if (!choices.includes('cluster' as T)) throw new CliUsageError('--cluster is not supported by this analysis');
  if (se !== undefined && se !== 'cluster') throw new CliUsageError(`--cluster ${cluster} needs --se cluster (got --se ${se})`);
  return { se: 'cluster' as T, cluster };
}
