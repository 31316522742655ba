// Starts the built app for Playwright on a FRESH database:
//   node scripts/serve-e2e.mjs sqlite 3100       → .data/e2e-3100/e2e.db
//   node scripts/serve-e2e.mjs postgresql 3101   → a new database on TEST_DATABASE_URL's server,
//                                                  dropped again on exit
// then migrates and seeds it (scripts/prepare-db.ts) and runs the production server (scripts/next-server.mjs).
//
// Two instances on one PostgreSQL database (the Playwright `team` project):
//   node scripts/serve-e2e.mjs team 3202         → a fresh database named after the port
//                                                  (groundwork_e2e_team_3202), migrated, seeded,
//                                                  dropped again on exit
//   node scripts/serve-e2e.mjs team 3203 3202    → joins the database of the instance on 3202:
//                                                  waits until that one answers (so its
//                                                  migrations and seed are done), then starts
//                                                  `next start` on the same database, without
//                                                  migrating or seeding and without dropping it.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [provider = 'sqlite', port = '3100', joinPort] = process.argv.slice(2);

function adminConfig(url) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || 'postgres', password: decodeURIComponent(u.password) || undefined, database: u.pathname.slice(1) || 'postgres' };
}
async function admin(sql) {
  const client = new pg.Client(adminConfig(process.env.TEST_DATABASE_URL));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Waits until the instance on `primaryPort` serves its sign-in page (its database is ready). */
async function waitForInstance(primaryPort, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${primaryPort}/sign-in`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the instance on port ${primaryPort} did not start within ${timeoutMs / 1000} s`);
}

const teamDatabase = (primaryPort) => `groundwork_e2e_team_${primaryPort}`;
const withDatabase = (name) => {
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

let databaseUrl;
let cleanup = async () => {};
let prepare = true;
if (provider === 'team') {
  if (!process.env.TEST_DATABASE_URL) {
    console.error('serve-e2e team: TEST_DATABASE_URL must name a PostgreSQL server');
    process.exit(1);
  }
  if (joinPort) {
    await waitForInstance(joinPort);
    databaseUrl = withDatabase(teamDatabase(joinPort));
    prepare = false;
  } else {
    const name = teamDatabase(port);
    // A database left by an interrupted run on this port is replaced.
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    databaseUrl = withDatabase(name);
    cleanup = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
} else if (provider === 'sqlite') {
  const dir = join(root, '.data', `e2e-${port}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  databaseUrl = `file:${join(dir, 'e2e.db')}`;
} else {
  const name = `groundwork_e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(`CREATE DATABASE "${name}"`);
  databaseUrl = withDatabase(name);
  cleanup = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: 'e2e-only-secret-not-for-production-use-0123456789',
  GROUNDWORK_SEED_DEMO: 'true',
  GROUNDWORK_ALLOW_SIGNUP: 'true',
  PORT: port,
  NEXT_TELEMETRY_DISABLED: '1',
};
if (prepare) {
  const prepared = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-db.ts'], { cwd: root, env, stdio: 'inherit' });
  if (prepared.status !== 0) {
    await cleanup();
    process.exit(prepared.status ?? 1);
  }
}
// The production server as `npm start` runs it (scripts/next-server.mjs: client socket addresses).
const next = spawn(process.execPath, [join(root, 'scripts/next-server.mjs'), '-p', port], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  next.kill('SIGTERM');
  await cleanup().catch((e) => console.error('e2e cleanup:', e.message));
  process.exit(code);
};
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
next.on('exit', (code) => stop(code ?? 0));
