import 'server-only';

import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { DatabaseTarget } from './database-url';
import { openSchemaEngine, withEngine } from './schema-engine';

/**
 * Migrations in Prisma's standard layout, applied through the wasm schema engine:
 *   prisma/migrations/<timestamp>_<name>/migration.sql            (SQLite)
 *   prisma/postgres/migrations/<timestamp>_<name>/migration.sql   (PostgreSQL)
 * each folder with its migration_lock.toml. Prisma's `provider` is fixed per schema file,
 * hence one schema and one history per provider (prisma/postgres/schema.prisma is derived).
 */
export interface ProviderLayout {
  schemaPath: string;
  migrationsDir: string;
}

export function layoutFor(provider: DatabaseTarget['provider'], root = process.cwd()): ProviderLayout {
  return provider === 'sqlite'
    ? { schemaPath: resolve(root, 'prisma/schema.prisma'), migrationsDir: resolve(root, 'prisma/migrations') }
    : { schemaPath: resolve(root, 'prisma/postgres/schema.prisma'), migrationsDir: resolve(root, 'prisma/postgres/migrations') };
}

const noFilter = { externalTables: [], externalEnums: [] };

async function exists(path: string) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Reads the migration history from disk the way the Prisma CLI hands it to the engine. */
export async function loadMigrationList(migrationsDir: string) {
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  const entries = (await exists(migrationsDir)) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: (await exists(lockPath)) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const file = join(migrationsDir, name, 'migration.sql');
        const content = (await exists(file))
          ? ({ tag: 'ok', value: await readFile(file, 'utf8') } as const)
          : ({ tag: 'error', value: `missing ${file}` } as const);
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

async function ensureSqliteDir(target: DatabaseTarget) {
  if (target.provider === 'sqlite' && target.file !== ':memory:') {
    await mkdir(resolve(target.file, '..'), { recursive: true });
  }
}

/**
 * Applies pending migrations (what `prisma migrate deploy` does). A second run applies nothing.
 * @returns the names of the migrations applied now.
 * @throws Error with the database's own message when a migration fails.
 */
export function deployMigrations(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  return withEngine(() => deploy(target, root));
}

async function deploy(target: DatabaseTarget, root: string): Promise<string[]> {
  const layout = layoutFor(target.provider, root);
  await ensureSqliteDir(target);
  const handle = await openSchemaEngine(target, { path: layout.schemaPath, content: await readFile(layout.schemaPath, 'utf8') });
  try {
    const migrationsList = await loadMigrationList(layout.migrationsDir);
    const { appliedMigrationNames } = await handle.engine.applyMigrations({ migrationsList, filters: noFilter });
    return appliedMigrationNames;
  } catch (error) {
    throw handle.explain(error);
  } finally {
    await handle.close();
  }
}

/**
 * Creates a migration from the difference between the migration history and the schema
 * (what `prisma migrate dev --create-only` does), after applying the history to `target`.
 * @returns the new folder and its SQL, or null when the schema matches the history.
 * @throws Error when the database has drifted from the history (the engine asks for a reset).
 */
export function createMigration(
  target: DatabaseTarget,
  name: string,
  root = process.cwd(),
  now = new Date(),
): Promise<{ directory: string; sql: string } | null> {
  return withEngine(() => create(target, name, root, now));
}

async function create(target: DatabaseTarget, name: string, root: string, now: Date): Promise<{ directory: string; sql: string } | null> {
  const layout = layoutFor(target.provider, root);
  await ensureSqliteDir(target);
  const schema = { path: layout.schemaPath, content: await readFile(layout.schemaPath, 'utf8') };
  const handle = await openSchemaEngine(target, schema);
  try {
    const migrationsList = await loadMigrationList(layout.migrationsDir);
    // Order matters: applyMigrations creates _prisma_migrations; devDiagnostic replays the
    // history on a shadow database; only then can createMigration diff against it.
    await handle.engine.applyMigrations({ migrationsList, filters: noFilter });
    const { action } = await handle.engine.devDiagnostic({ migrationsList, filters: noFilter });
    if (action.tag === 'reset') throw new Error(`the database has drifted from the migration history: ${action.reason}`);
    const result = await handle.engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [schema] },
      filters: noFilter,
    });
    if (!result.migrationScript) return null;
    // Prisma's folder name: UTC yyyyMMddHHmmss_<name>.
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const directory = join(layout.migrationsDir, `${stamp}_${name}`);
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, 'migration.sql'), result.migrationScript);
    const lock = join(layout.migrationsDir, 'migration_lock.toml');
    if (!(await exists(lock))) {
      await writeFile(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${result.connectorType}"\n`,
      );
    }
    return { directory, sql: result.migrationScript };
  } catch (error) {
    throw handle.explain(error);
  } finally {
    await handle.close();
  }
}
