/**
 * "Copy as R script" (issue 10): an R script that reads the CSV the app exports and reproduces
 * an analysis saved as (analysis, CLI options) — the same spec `npm run -s cli -- stats
 * <analysis> --data export.csv <options> --json` runs — with lm, sandwich, lmtest, plm,
 * quantreg and psych. The script prints its results and lists the key numbers under the names
 * of the app's JSON result ("coefficients/term=age/se"), so the two can be compared line by
 * line; with the environment variable GROUNDWORK_R_RESULTS set it also writes them to that
 * file (JSON with jsonlite, else a key,value CSV).
 */
import { CliUsageError, parseArgs, type CliArgs } from '@/lib/cli/args';
import { statsCommands } from '@/lib/cli/stats';
import type { AnalysisCode } from './analysis-code';
import { byGroupCode } from './by-group';
import { correlationCode } from './correlation';
import { describeCode } from './describe';
import { helperCode, type HelperName } from './helpers';
import { mediateCode } from './mediate';
import { moderateCode } from './moderate';
import { olsCode } from './ols';
import { didCode, panelCode } from './panel';
import { qregCode } from './qreg';
import { indent, rString, RScriptUnsupportedError } from './r-code';
import { reliabilityCode } from './reliability';

export { RScriptUnsupportedError } from './r-code';

const GENERATORS: Record<string, (args: CliArgs) => AnalysisCode> = {
  describe: describeCode,
  reliability: reliabilityCode,
  correlation: correlationCode,
  ols: olsCode,
  mediate: mediateCode,
  moderate: moderateCode,
  panel: panelCode,
  did: didCode,
  qreg: qregCode,
};

/**
 * An R script reproducing a saved analysis on the exported CSV.
 *
 * @param analysis - the analysis name (`ols`, `mediate`, …), as `stats <analysis>`.
 * @param options - its CLI options as saved by the app, without --data/--json, e.g.
 *   `['--y', 'sat', '--x', 'a,b', '--se', 'hc3']`.
 * @param csvFileName - the CSV file the script reads (the app's export of the dataset version).
 * @returns the R source (UTF-8 text).
 * @throws {CliUsageError} for an unknown analysis or option, or a bad option value (as the CLI);
 *   {RScriptUnsupportedError} for an option combination the script cannot reproduce (the
 *   message names it).
 * @example
 * ```ts
 * rScript('ols', ['--y', 'sat', '--x', 'age,sector', '--factor', 'sector=public', '--se', 'hc3'], 'survey.csv');
 * ```
 */
export function rScript(analysis: string, options: readonly string[], csvFileName: string): string {
  const command = statsCommands.find((c) => c.name === analysis);
  const generate = GENERATORS[analysis];
  if (!command || !generate) throw new CliUsageError(`unknown analysis '${analysis}' (available: ${Object.keys(GENERATORS).join(', ')})`);
  const flags = new Set(['json', 'help', ...statsCommands.flatMap((c) => c.flags ?? [])]);
  const args = parseArgs(options, [...flags]);
  if (args.positional.length > 0) throw new CliUsageError(`unexpected argument '${args.positional[0]}'`);
  const allowed = new Set(['group', ...command.options]);
  for (const name of args.names()) {
    if (name === 'data' || name === 'json' || name === 'help') throw new RScriptUnsupportedError(`--${name} is not part of a saved analysis (the script reads ${csvFileName})`);
    if (!allowed.has(name)) throw new CliUsageError(`unknown option --${name} for stats ${analysis} (allowed: ${[...allowed].map((o) => `--${o}`).join(', ')})`);
  }
  const code = generate(args);
  const group = !command.options.includes('group') ? args.string('group') : undefined;
  const helpers = new Set<HelperName>(code.helpers);
  if (group) helpers.add('appFactor');
  const packages = [...new Set(code.packages)];
  const shellWord = (s: string) => (/^[\w.,:=\-[\]/]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const cli = ['npm run -s cli -- stats', ...[analysis, '--data', csvFileName, ...options, '--json'].map(shellWord)].join(' ');

  const header = [
    `# Groundwork — ${code.title}${group ? `, by ${group}` : ''}`,
    '#',
    '# This R script reproduces the analysis saved in Groundwork, i.e.',
    `#   ${cli}`,
    `# It reads ${csvFileName} (the dataset exported from Groundwork: UTF-8, names in the first row,`,
    '# missing values empty). Run it in the folder of that file:  Rscript this-script.R',
    '# (save the script as UTF-8; in RStudio/Windows use source("this-script.R", encoding = "UTF-8")).',
    ...(packages.length ? [`# Packages: install.packages(${rVectorOf(packages)})`] : []),
    ...code.notes.map((n) => `# Note: ${n}`),
    '# --stars only changes how the app prints p-values; R prints its own significance codes.',
  ];
  const parts = [
    header.join('\n'),
    packages.length
      ? `for (p in ${rVectorOf(packages)}) if (!requireNamespace(p, quietly = TRUE)) stop("please install the R package '", p, "': install.packages(\\"", p, "\\")")`
      : '',
    `data_file <- ${rString(csvFileName)}`,
    '# ---- helpers ------------------------------------------------------------------------------',
    helperCode(helpers),
    '# ---- data ---------------------------------------------------------------------------------',
    [
      '# Missing values: empty cells, NA, "." (SPSS/Stata) and NaN, as in the app.',
      'd <- read.csv(data_file, fileEncoding = "UTF-8-BOM", check.names = FALSE, stringsAsFactors = FALSE,',
      '              na.strings = c("", "NA", ".", "NaN", "nan"), strip.white = TRUE)',
      'cat("Read", nrow(d), "rows and", ncol(d), "columns from", data_file, "\\n\\n")',
    ].join('\n'),
    '# ---- analysis -----------------------------------------------------------------------------',
    code.setup,
    `analyse <- function(d) {\n${indent(code.body)}\n}`,
    group ? byGroupCode(group, code.byGroupExtra) : 'estimates <- analyse(d)',
    '# ---- key numbers ----------------------------------------------------------------------------',
    [
      'cat("\\nKey numbers (named as in the app\'s JSON result):\\n")',
      'for (k in names(results)) cat(sprintf("  %-60s %s\\n", k, format(results[[k]], digits = 8)))',
      'out_file <- Sys.getenv("GROUNDWORK_R_RESULTS")',
      'if (nzchar(out_file)) {',
      '  if (requireNamespace("jsonlite", quietly = TRUE)) {',
      '    jsonlite::write_json(results, out_file, auto_unbox = TRUE, digits = NA, na = "null")',
      '  } else {',
      '    write.csv(data.frame(key = names(results), value = vapply(results, function(v) sprintf("%.17g", v), "")),',
      '              out_file, row.names = FALSE, fileEncoding = "UTF-8")',
      '  }',
      '}',
    ].join('\n'),
  ];
  return `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`;
}

function rVectorOf(items: readonly string[]): string {
  return items.length === 1 ? rString(items[0]) : `c(${items.map(rString).join(', ')})`;
}
