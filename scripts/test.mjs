// `npm test`: type-check, unit + integration tests (vitest), production build, and end-to-end
// tests in Debian's Chromium (Playwright). The PostgreSQL legs (integration and e2e) run when
// TEST_DATABASE_URL names a server where throwaway databases may be created; otherwise they are
// reported as skipped. Ends with one line: "npm test: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { ensureBuild } from './start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.data', 'reports');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function step(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

function finish(code, reason) {
  if (reason) console.error(`\n${reason}`);
  console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`npm test: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

function run(command, args, extraEnv = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
}

// 1. Prerequisites, explained instead of failing obscurely.
const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  finish(1, `Chromium not found at ${chromium}. The end-to-end tests use Debian's Chromium:\n  sudo apt-get install chromium\n(or set CHROMIUM_PATH to a Chromium binary).`);
}
if (env.TEST_DATABASE_URL) {
  const u = new URL(env.TEST_DATABASE_URL);
  const client = new pg.Client({ host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || 'postgres', password: decodeURIComponent(u.password) || undefined, database: u.pathname.slice(1) || 'postgres', connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    console.log(`PostgreSQL legs: ON (throwaway databases on ${u.hostname}:${u.port || 5432})`);
  } catch (error) {
    finish(1, `TEST_DATABASE_URL is set but PostgreSQL is not reachable (${error.message}).\nInstall and start it (sudo apt-get install postgresql), or unset TEST_DATABASE_URL to skip the PostgreSQL legs.`);
  }
} else {
  console.log('PostgreSQL legs: SKIPPED — set TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres to run them (sudo apt-get install postgresql).');
}
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// 2. Types across the whole repository (tests and scripts too).
step('Type check (tsc --noEmit)');
if (run(bin('tsc'), ['--noEmit', '-p', '.']) !== 0) {
  totals.failed += 1;
  finish(1, 'Type check failed.');
}

// 3. Unit and integration tests.
step('Unit and integration tests (vitest)');
const vitestReport = join(reports, 'vitest.json');
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
} else if (vitestStatus !== 0) totals.failed += 1;

// 4. Production build (reused when the sources have not changed since it was made).
step('Production build (next build)');
ensureBuild();

// 5. End-to-end tests in Chromium, per database.
step('End-to-end tests (Playwright, Debian Chromium)');
const pwReport = join(reports, 'playwright.json');
const pwStatus = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport });
if (existsSync(pwReport)) {
  const s = JSON.parse(readFileSync(pwReport, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
} else if (pwStatus !== 0) totals.failed += 1;

finish(vitestStatus === 0 && pwStatus === 0 && totals.failed === 0 ? 0 : 1, totals.failed ? 'Some tests failed (see above).' : undefined);
