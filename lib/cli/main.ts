/**
 * Groundwork CLI entry: `npm run -s cli -- stats <analysis> --data FILE.csv [options] --json`.
 *
 * Contract (stable; tests and users script against it):
 * - success: ONE JSON object on stdout (numbers at full double precision), exit code 0;
 *   without --json the same object is pretty-printed;
 * - any error (bad options, unreadable file or CSV, data the model cannot support, a result that
 *   would contain NaN/Infinity): a message on stderr and exit code 2.
 */
import { isStatsError } from '@/lib/stats/errors';
import { CliUsageError } from './args';
import { run } from './run';

function main(): void {
  try {
    process.stdout.write(run(process.argv.slice(2)) + '\n');
  } catch (e) {
    if (e instanceof CliUsageError || isStatsError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
    } else {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exitCode = 2;
  }
}

main();
