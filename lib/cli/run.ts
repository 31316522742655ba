/**
 * The Groundwork CLI as a function (`run(argv)` → stdout text, or a thrown usage/data error), so
 * tests can drive it in-process; ./main.ts is the process entry that prints and sets the exit code.
 */
import { readFileSync } from 'node:fs';
import { StatsError, assertFiniteResult } from '@/lib/stats/errors';
import { type DataFrame, nRows, parseCsv } from '@/lib/stats/frame';
import { withStars } from '@/lib/stats/stars';
import { type CliArgs, CliUsageError, parseArgs } from './args';
import { runByGroup, wantsByGroup } from './by-group';
import { type StatsCommand, statsCommands } from './stats';
import type { AnalysisContext } from './stats/command';

// `group`: any analysis can run by group (./by-group.ts) unless it groups by itself.
const COMMON = ['help', 'group'];

function helpText(): string {
  const lines = ['usage: npm run -s cli -- stats <analysis> --data FILE.csv [options] --json', '', 'analyses:'];
  for (const c of statsCommands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  lines.push('', 'stats <analysis> --help shows the options of one analysis.');
  return lines.join('\n');
}

function findCommand(analysis: string): StatsCommand {
  const command = statsCommands.find((c) => c.name === analysis);
  if (!command) throw new CliUsageError(`unknown analysis '${analysis}' (available: ${statsCommands.map((c) => c.name).join(', ')})`);
  return command;
}

function checkOptions(command: StatsCommand, args: CliArgs, extra: readonly string[]): void {
  const allowed = new Set([...COMMON, ...extra, ...command.options]);
  for (const name of args.names()) {
    if (!allowed.has(name)) throw new CliUsageError(`unknown option --${name} for stats ${command.name} (allowed: ${[...allowed].map((o) => `--${o}`).join(', ')})`);
  }
}

/** Runs a command on a frame: by group when asked, stars when asked, finite numbers only. */
function runParsed(command: StatsCommand, df: DataFrame, args: CliArgs, context?: AnalysisContext): unknown {
  const starConvention = command.coefficientStars ? args.choice('stars', ['apa', 'econ'] as const) : undefined;
  let result = wantsByGroup(command, args) ? runByGroup(command, df, args) : command.run(df, args, context);
  if (starConvention) result = withStars(result, starConvention);
  // JSON.stringify would print NaN/Infinity as null: refuse them instead (field named).
  assertFiniteResult(result);
  return result;
}

/**
 * Runs one analysis on data already in memory, with the CLI's options as arguments — the one
 * path the app's analysis pages, their exports and the CLI share, so a saved analysis and
 * `npm run cli -- stats <analysis> --data export.csv <same options>` give the same JSON.
 *
 * @param analysis - the analysis name (`ols`, `mediate`, …).
 * @param df - the data.
 * @param options - CLI options without --data/--json, e.g. `['--y', 'sat', '--x', 'a,b']`.
 * @param context - a progress callback for long steps (bootstrap draws).
 * @returns the result object (finite numbers only).
 * @throws {CliUsageError | StatsError} on bad options or data.
 * @example
 * ```ts
 * runAnalysis('describe', { age: [30, 41, 52] }, ['--vars', 'age']);
 * ```
 */
export function runAnalysis(analysis: string, df: DataFrame, options: readonly string[], context?: AnalysisContext): unknown {
  const command = findCommand(analysis);
  const flags = new Set(['json', 'help', ...statsCommands.flatMap((c) => c.flags ?? [])]);
  const args = parseArgs(options, [...flags]);
  if (args.positional.length > 0) throw new CliUsageError(`unexpected argument '${args.positional[0]}'`);
  checkOptions(command, args, []);
  if (nRows(df) === 0) throw new StatsError('too-few-observations', 'the dataset has no rows');
  return runParsed(command, df, args, context);
}

/**
 * Runs the CLI.
 *
 * @param argv - arguments after the script name.
 * @returns the text for stdout.
 * @throws {CliUsageError | StatsError} on bad input (main maps them to exit code 2).
 * @example
 * ```ts
 * run(['stats', 'describe', '--data', 'survey.csv', '--vars', 'age', '--json']);
 * ```
 */
export function run(argv: readonly string[]): string {
  const flags = new Set(['json', 'help', ...statsCommands.flatMap((c) => c.flags ?? [])]);
  const args = parseArgs(argv, [...flags]);
  const [group, analysis, ...rest] = args.positional;
  if (group === undefined || (group !== 'stats' && args.flag('help'))) return helpText();
  if (group !== 'stats') throw new CliUsageError(`unknown command '${group}' (try: stats)`);
  if (analysis === undefined) {
    if (args.flag('help')) return helpText();
    throw new CliUsageError(`missing analysis: stats <${statsCommands.map((c) => c.name).join('|')}>`);
  }
  if (args.flag('help')) {
    const command = findCommand(analysis);
    return `usage: npm run -s cli -- ${command.usage}`;
  }
  if (rest.length > 0) throw new CliUsageError(`unexpected argument '${rest[0]}'`);
  checkOptions(findCommand(analysis), args, ['data', 'json']);
  const file = args.string('data', true);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliUsageError(`cannot read --data '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const df = parseCsv(text);
  if (nRows(df) === 0) throw new StatsError('too-few-observations', `--data '${file}' has a header but no data rows`);
  const result = runParsed(findCommand(analysis), df, args);
  // JSON.stringify prints the shortest decimal that round-trips, i.e. full double precision.
  return args.flag('json') ? JSON.stringify(result) : JSON.stringify(result, null, 2);
}
