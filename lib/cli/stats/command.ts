/**
 * The shape of one `stats <analysis>` CLI command. One file per analysis in lib/cli/stats,
 * registered in ./index.ts. A command maps options to the pure lib/stats function and returns
 * its plain result object; main.ts loads the CSV, prints the JSON and turns errors into exit 2.
 */
import type { DataFrame } from '@/lib/stats/frame';
import type { CliArgs } from '../args';

/** What a run may report back while it works. */
export interface AnalysisContext {
  /** Progress of a long step (bootstrap draws done of the total). */
  onProgress?: (done: number, total: number) => void;
}

/** One analysis command. */
export interface StatsCommand {
  /** Analysis name as typed: `stats <name>`. */
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Option names the command accepts (without dashes); `data`, `json`, `help` are implied. */
  options: readonly string[];
  /** Options that are bare flags (never take a value), e.g. `center`. */
  flags?: readonly string[];
  /**
   * `--stars apa|econ` adds a `stars` string next to every `p` of the result (coefficient rows,
   * paths, simple slopes, tests), for "coef*** (t)" tables; the command must list 'stars' in
   * `options`. Without --stars the result is unchanged.
   */
  coefficientStars?: boolean;
  /** Usage text shown by `stats <name> --help`. */
  usage: string;
  /**
   * Runs the analysis.
   *
   * @param df - the data loaded from --data.
   * @param args - parsed options.
   * @param context - what the caller offers besides options: a progress callback (the app's
   *   worker reports it to the browser; the CLI passes none).
   * @returns a JSON-serializable result (finite numbers only).
   * @throws {StatsError | CliUsageError} on bad data or options (exit code 2).
   */
  run(df: DataFrame, args: CliArgs, context?: AnalysisContext): unknown;
}
