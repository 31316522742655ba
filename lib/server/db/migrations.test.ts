import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { db } from './client';
import { parseDatabaseUrl, pgConnectionConfig } from './database-url';
import { createMigration, deployMigrations, layoutFor } from './migrations';

const target = parseDatabaseUrl(inject('databaseUrl'));
const layout = layoutFor(target.provider);

/** A scratch database of this leg's provider, and a way to drop it. */
async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (target.provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gw-mig-'));
    return { url: `file:${join(dir, 'scratch.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `gw_scratch_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const run = async (sql: string) => {
    const c = new pg.Client(pgConnectionConfig(target.url));
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe(`migrations on ${target.provider}`, () => {
  it('records every migration as the Prisma CLI does (sha256 checksum) and a second deploy applies nothing', async () => {
    const dirs = readdirSync(layout.migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(dirs.length).toBeGreaterThan(0);
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string; checksum: string; finished_at: unknown }>>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = readFileSync(join(layout.migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
    expect(await deployMigrations(target)).toEqual([]);
  });

  it('creates migrations from schema changes in the standard layout, replaying earlier ones (several statements each)', async () => {
    // A copy of prisma/ to change, so the real history is untouched.
    const root = mkdtempSync(join(tmpdir(), 'gw-root-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(process.cwd(), 'prisma'), join(root, 'prisma'), { recursive: true });
    const schemaFile = layoutFor(target.provider, root).schemaPath;
    const scratch = await scratchDatabase();
    cleanups.push(() => scratch.drop());
    const scratchTarget = parseDatabaseUrl(scratch.url);

    expect(await createMigration(scratchTarget, 'nothing_changed', root)).toBeNull();

    writeFileSync(schemaFile, `${readFileSync(schemaFile, 'utf8')}\nmodel Widget {\n  id String @id\n  label String\n  size Int @default(1)\n  @@index([label])\n}\n`);
    const first = await createMigration(scratchTarget, 'add_widget', root, new Date('2030-01-01T00:00:00Z'));
    expect(first?.directory).toMatch(/20300101000000_add_widget$/);
    expect(first?.sql).toMatch(/CREATE TABLE "Widget"/);
    expect(first?.sql).toMatch(/CREATE INDEX "Widget_label_idx"/);

    // The second one replays add_widget (two statements) on the shadow database.
    writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace('size Int @default(1)', 'size Int @default(1)\n  colour String?'));
    const second = await createMigration(scratchTarget, 'widget_colour', root, new Date('2030-01-02T00:00:00Z'));
    expect(second?.sql).toMatch(/colour/);
    expect(readdirSync(layoutFor(target.provider, root).migrationsDir).filter((n) => n.startsWith('2030'))).toEqual([
      '20300101000000_add_widget',
      '20300102000000_widget_colour',
    ]);
    // And the new history deploys on a fresh database.
    const fresh = await scratchDatabase();
    cleanups.push(() => fresh.drop());
    const applied = await deployMigrations(parseDatabaseUrl(fresh.url), root);
    expect(applied.slice(-2)).toEqual(['20300101000000_add_widget', '20300102000000_widget_colour']);
  });
});
