/**
 * Residual diagnostics of a saved analysis, as the `analysisDiagnostics` worker job computes
 * them: the analysis's CLI options → the lib/stats options (as lib/cli/stats/{ols,moderate,did}
 * map them) → a refit on the same sample (lib/stats/diagnostics) → drawable points, histogram
 * and Q–Q sample.
 */
import { parseArgs } from '../cli/args';
import { statsCommands } from '../cli/stats';
import { didOptions } from '../cli/stats/did';
import { moderateOptions } from '../cli/stats/moderate';
import { olsOptions } from '../cli/stats/ols';
import { didResiduals, drawableDiagnostics, moderationResiduals, olsResiduals, type ModelResiduals, type ResidualDiagnostics } from '../stats/diagnostics';
import type { DataFrame } from '../stats/frame';

/** Kinds with residual diagnostics. */
export const DIAGNOSTIC_KINDS = ['ols', 'moderate', 'did'] as const;

/** Diagnostics, or why there are none (a value, not an error: the page shows the reason). */
export type DiagnosticsOutcome = { available: true; diagnostics: ResidualDiagnostics } | { available: false; reason: string };

// The bare flags of every command, as runAnalysis parses them.
const FLAGS = ['json', 'help', ...statsCommands.flatMap((c) => c.flags ?? [])];

/**
 * Refits the model of a saved analysis and returns what the diagnostics plots draw.
 *
 * @param kind - the analysis kind.
 * @param df - the version's columns.
 * @param options - the CLI options the analysis ran with.
 * @returns the diagnostics, or `available: false` with a reason (panel models, by-group runs, other kinds).
 * @throws {StatsError | CliUsageError} when the data no longer fit the options.
 */
export function analysisDiagnostics(kind: string, df: DataFrame, options: readonly string[]): DiagnosticsOutcome {
  const args = parseArgs(options, FLAGS);
  if (args.has('group')) return { available: false, reason: 'Residual diagnostics are not available for analyses run by group.' };
  let m: ModelResiduals;
  if (kind === 'ols') m = olsResiduals(df, olsOptions(args));
  else if (kind === 'moderate') m = moderationResiduals(df, moderateOptions(args));
  else if (kind === 'did') m = didResiduals(df, didOptions(args));
  else if (kind === 'panel') return { available: false, reason: 'Residual diagnostics are not available for panel models.' };
  else return { available: false, reason: 'Residual diagnostics are available for linear regression, moderation and difference-in-differences.' };
  return { available: true, diagnostics: drawableDiagnostics(m) };
}
