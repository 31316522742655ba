/**
 * The Groundwork CLI as a function (`run(argv)` → stdout text, or a thrown usage/data error), so
 * tests can drive it in-process; ./main.ts is the process entry that prints and sets the exit code.
 */
import { readFileSync } from 'node:fs';
import { StatsError, assertFiniteResult } from '@/lib/stats/errors';
import { nRows, parseCsv } from '@/lib/stats/frame';
import { withStars } from '@/lib/stats/stars';
import { CliUsageError, parseArgs } from './args';
import { runByGroup, wantsByGroup } from './by-group';
import { statsCommands } from './stats';

// `group`: any analysis can run by group (./by-group.ts) unless it groups by itself.
const COMMON = ['data', 'json', 'help', 'group'];

function helpText(): string {
  const lines = ['usage: npm run -s cli -- stats <analysis> --data FILE.csv [options] --json', '', 'analyses:'];
  for (const c of statsCommands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  lines.push('', 'stats <analysis> --help shows the options of one analysis.');
  return lines.join('\n');
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
  const command = statsCommands.find((c) => c.name === analysis);
  if (!command) throw new CliUsageError(`unknown analysis '${analysis}' (available: ${statsCommands.map((c) => c.name).join(', ')})`);
  if (args.flag('help')) return `usage: npm run -s cli -- ${command.usage}`;
  if (rest.length > 0) throw new CliUsageError(`unexpected argument '${rest[0]}'`);
  const allowed = new Set([...COMMON, ...command.options]);
  for (const name of args.names()) {
    if (!allowed.has(name)) throw new CliUsageError(`unknown option --${name} for stats ${command.name} (allowed: ${[...allowed].map((o) => `--${o}`).join(', ')})`);
  }
  const file = args.string('data', true);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliUsageError(`cannot read --data '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const df = parseCsv(text);
  if (nRows(df) === 0) throw new StatsError('too-few-observations', `--data '${file}' has a header but no data rows`);
  const starConvention = command.coefficientStars ? args.choice('stars', ['apa', 'econ'] as const) : undefined;
  let result = wantsByGroup(command, args) ? runByGroup(command, df, args) : command.run(df, args);
  if (starConvention) result = withStars(result, starConvention);
  // JSON.stringify would print NaN/Infinity as null: refuse them instead (exit 2, field named).
  assertFiniteResult(result);
  // JSON.stringify prints the shortest decimal that round-trips, i.e. full double precision.
  return args.flag('json') ? JSON.stringify(result) : JSON.stringify(result, null, 2);
}
