// `npm run db:migrate -- <name>`: creates a migration for BOTH providers from a change to
// prisma/schema.prisma, in Prisma's standard layout, without Prisma's native engine.
// Each provider's migration is diffed on a scratch database (a temp SQLite file; a temp
// PostgreSQL database on MIGRATE_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres),
// so a developer's own data never matters.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { parseDatabaseUrl, pgConnectionConfig } from '../lib/server/db/database-url';
import { createMigration } from '../lib/server/db/migrations';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/i.test(name)) {
    console.error('usage: npm run db:migrate -- <name>   (letters, digits, underscores)');
    process.exit(2);
  }
  // Keep the derived PostgreSQL schema in step with prisma/schema.prisma first.
  execFileSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
  const now = new Date();

  const dir = mkdtempSync(join(tmpdir(), 'gw-migrate-'));
  try {
    const sqlite = await createMigration(parseDatabaseUrl(`file:${join(dir, 'scratch.db')}`), name, process.cwd(), now);
    console.log(sqlite ? `sqlite:     created ${sqlite.directory}` : 'sqlite:     schema matches the migrations; nothing to do');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.MIGRATE_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const admin = pgConnectionConfig(adminUrl);
  const scratch = `gw_migrate_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client(admin);
  try {
    await client.connect();
  } catch (error) {
    console.error(`postgresql: cannot reach ${admin.host}:${admin.port} (${(error as Error).message}).`);
    console.error('  The PostgreSQL migration needs a server: apt-get install postgresql, or set MIGRATE_POSTGRES_URL.');
    process.exit(1);
  }
  await client.query(`CREATE DATABASE "${scratch}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    const created = await createMigration(parseDatabaseUrl(url.toString()), name, process.cwd(), now);
    console.log(created ? `postgresql: created ${created.directory}` : 'postgresql: schema matches the migrations; nothing to do');
  } finally {
    await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await client.end();
  }
}

main().then(
  () => process.exit(0), // the engine's pg pool keeps a timer alive for ~10 s otherwise
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
