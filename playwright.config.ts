import { defineConfig, devices } from '@playwright/test';

// End-to-end tests in Debian's Chromium (never a downloaded browser) against the production
// build, once per database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Ports of the servers (E2E_PORT, E2E_PORT + 1; the team pair E2E_PORT + 2 and + 3), so two
// checkouts can run e2e side by side.
const sqlitePort = Number(process.env.E2E_PORT || 3100);
const postgresPort = sqlitePort + 1;
// The `team` project (e2e/team/**): two production instances sharing ONE PostgreSQL database,
// as behind a load balancer. Its specs reach them through e2e/fixtures/team.ts.
const teamPorts = [sqlitePort + 2, sqlitePort + 3] as const;
const TEAM_SPECS = /e2e[\\/]team[\\/].*\.spec\.ts$/;

/**
 * Projects named on the command line (`--project=x` / `--project x`), so a run of one project
 * starts only the servers it needs (each `next start` costs memory and CPU). Empty: all.
 */
function selectedProjects(): string[] {
  const names: string[] = [];
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--project=')) names.push(argv[i].slice('--project='.length));
    else if (argv[i] === '--project' && argv[i + 1]) names.push(argv[i + 1]);
  }
  return names;
}
const selected = selectedProjects();
const wanted = (name: string) => selected.length === 0 || selected.includes(name);

const launchOptions = {
  executablePath: chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

const server = (provider: 'sqlite' | 'postgresql' | 'team', port: number, joinPort?: number) => ({
  command: `node scripts/serve-e2e.mjs ${provider} ${port}${joinPort ? ` ${joinPort}` : ''}`,
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
    { name: 'sqlite', testIgnore: TEAM_SPECS, use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${sqlitePort}`, launchOptions } },
    ...(withPostgres
      ? [
          { name: 'postgresql', testIgnore: TEAM_SPECS, use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${postgresPort}`, launchOptions } },
          { name: 'team', testMatch: TEAM_SPECS, use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${teamPorts[0]}`, launchOptions } },
        ]
      : []),
  ],
  webServer: [
    ...(wanted('sqlite') ? [server('sqlite', sqlitePort)] : []),
    ...(withPostgres && wanted('postgresql') ? [server('postgresql', postgresPort)] : []),
    // The second instance waits for the first (migrated and seeded) and joins its database.
    ...(withPostgres && wanted('team') ? [server('team', teamPorts[0]), server('team', teamPorts[1], teamPorts[0])] : []),
  ],
});
