import 'server-only';

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

import { ensurePrivateSqliteFile, parseDatabaseUrl, pgConnectionConfig } from './database-url';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';

/**
 * The one Prisma client of the process. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so the data layer is
 * written once against this type and never learns which database runs.
 */
export type Db = SqliteClient;

function createDb(): Db {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.provider === 'sqlite') {
    // Also when nothing ran scripts/prepare-db.ts first (tests, tools): never a 0644 database.
    ensurePrivateSqliteFile(target);
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.url }) });
  }
  return new PostgresClient({ adapter: new PrismaPg(pgConnectionConfig(target.url)) }) as unknown as Db;
}

const holder = globalThis as typeof globalThis & { __groundworkDb?: Db };

/** Lazily created, and kept across hot reloads in development. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    holder.__groundworkDb ??= createDb();
    const value = Reflect.get(holder.__groundworkDb, property);
    return typeof value === 'function' ? value.bind(holder.__groundworkDb) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.__groundworkDb?.$disconnect();
  holder.__groundworkDb = undefined;
}
