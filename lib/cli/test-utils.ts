/**
 * Test helper (test code only): runs the real CLI process exactly as `npm run -s cli` does
 * (package.json "cli" script), from the repository root, and returns its exit status and output.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (cwd of the spawned CLI, so data paths are repository-relative). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Spawns `node --conditions=react-server --import tsx lib/cli/main.ts ...args`.
 *
 * @param args - CLI arguments, e.g. 'stats', 'ols', '--data', 'x.csv', '--json'.
 * @returns status, stdout and stderr (strings).
 * @example
 * ```ts
 * const r = cli('stats', 'describe', '--data', 'lib/stats/golden/ols-survey.csv', '--vars', 'age', '--json');
 * expect(r.status).toBe(0);
 * ```
 */
export function cli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/cli/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}
