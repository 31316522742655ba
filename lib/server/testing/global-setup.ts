import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { parseDatabaseUrl, pgConnectionConfig } from '../db/database-url';
import { deployMigrations } from '../db/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Gives each integration leg a fresh database, migrated through the same code path as
 * `npm start`: a temp SQLite file, or a new database on the PostgreSQL server named by
 * TEST_DATABASE_URL (created here, dropped afterwards: the given database is never touched).
 */
export default async function setup(project: TestProject) {
  const provider = project.config.env?.GW_TEST_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';
  if (provider === 'sqlite') {
    const dir = join(process.cwd(), '.data', `test-${randomUUID().slice(0, 8)}`);
    mkdirSync(dir, { recursive: true });
    const url = `file:${join(dir, 'integration.db')}`;
    await deployMigrations(parseDatabaseUrl(url));
    project.provide('databaseUrl', url);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `groundwork_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client(pgConnectionConfig(adminUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await deployMigrations(parseDatabaseUrl(url.toString()));
  project.provide('databaseUrl', url.toString());
  return async () => {
    const client = new pg.Client(pgConnectionConfig(adminUrl));
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}
