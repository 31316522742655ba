import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Suites: `unit` (pure lib/ code) and `integration-<db>` (data layer against a real
// database): SQLite always; PostgreSQL when TEST_DATABASE_URL names a server to create a
// throwaway database on (scripts/test.mjs says so when it is skipped).
const alias = {
  '@': fileURLToPath(new URL('.', import.meta.url)),
  // `server-only` throws outside React Server Components; tests run server code directly.
  'server-only': fileURLToPath(new URL('./lib/server/testing/empty-module.ts', import.meta.url)),
};

const integration = (provider: 'sqlite' | 'postgresql'): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `integration-${provider}`,
    include: ['lib/server/**/*.test.ts'],
    environment: 'node',
    env: { GW_TEST_PROVIDER: provider, GROUNDWORK_ALLOW_SIGNUP: 'true' },
    globalSetup: ['lib/server/testing/global-setup.ts'],
    setupFiles: ['lib/server/testing/setup-db.ts'],
    // One file at a time per database: the files share it (SQLite allows one writer).
    maxWorkers: 1,
    sequence: { groupOrder: provider === 'sqlite' ? 1 : 2 },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          // Component tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
          exclude: ['lib/server/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      integration('sqlite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgresql')] : []),
    ],
  },
});
