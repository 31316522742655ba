import { defineConfig, devices } from '@playwright/test';

// End-to-end tests in Debian's Chromium (never a downloaded browser) against the production
// build, once per database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Ports of the two servers (E2E_PORT and E2E_PORT + 1), so two checkouts can run e2e side by side.
const sqlitePort = Number(process.env.E2E_PORT || 3100);
const postgresPort = sqlitePort + 1;

const launchOptions = {
  executablePath: chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

const server = (provider: 'sqlite' | 'postgresql', port: number) => ({
  command: `node scripts/serve-e2e.mjs ${provider} ${port}`,
  url: `http://127.0.0.1:${port}/sign-in`,
  reuseExistingServer: false,
  timeout: 120_000,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', launchOptions },
  projects: [
    { name: 'sqlite', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${sqlitePort}`, launchOptions } },
    ...(withPostgres ? [{ name: 'postgresql', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${postgresPort}`, launchOptions } }] : []),
  ],
  webServer: [server('sqlite', sqlitePort), ...(withPostgres ? [server('postgresql', postgresPort)] : [])],
});
