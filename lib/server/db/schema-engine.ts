import 'server-only';

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

import { type DatabaseTarget, pgConnectionConfig } from './database-url';

/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter.
 *
 * Prisma's CLI needs a native `schema-engine` binary for `migrate`, which it downloads and this
 * project cannot (no internet at install time, see README "Migrations"). The npm package
 * `@prisma/schema-engine-wasm` ships the same engine as wasm; this module loads it and gives
 * it a database connection through `@prisma/adapter-better-sqlite3` / `@prisma/adapter-pg`.
 * The engine writes `_prisma_migrations` exactly as `prisma migrate deploy` does.
 */

type WasmModule = typeof import('@prisma/schema-engine-wasm');
export type SchemaEngine = Awaited<ReturnType<WasmModule['SchemaEngine']['new']>>;
type ErrorCapturingFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

// Process-wide state, kept on globalThis: the wasm glue module is shared by every copy of this
// module (test runners and bundlers may load this file more than once), and a second
// `__wbg_set_wasm` would swap the instance under a running engine.
const shared = globalThis as typeof globalThis & {
  __groundworkSchemaEngine?: { wasm?: Promise<WasmModule>; queue: Promise<unknown> };
};
const state = (shared.__groundworkSchemaEngine ??= { queue: Promise.resolve() });

/**
 * Instantiates the wasm module once per process. The package entry does
 * `import * as wasm from "./schema_engine_bg.wasm"`, which Node rejects, so the .wasm is
 * instantiated here with the JS glue module as its import object.
 */
function loadWasm(): Promise<WasmModule> {
  state.wasm ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    // The engine reports Rust panics through this global; without it a panic surfaces as an
    // unrelated TypeError.
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return state.wasm;
}

let lastPanic: string | undefined;

/**
 * Runs `session` when no other engine session is active in this process: the one wasm
 * instance is not re-entrant, and two engines at once (e.g. the SQLite and PostgreSQL test
 * legs setting up together) corrupt each other.
 */
export function withEngine<T>(session: () => Promise<T>): Promise<T> {
  const run = state.queue.then(session, session);
  state.queue = run.catch(() => undefined);
  return run;
}

/** better-sqlite3 runs one statement per call; the engine replays a whole migration.sql in one. */
function withMultiStatementFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length === 0 && /more than one statement/i.test(describe(error))) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

/** adapter-pg rejects pg_catalog `"char"` columns (OID 18) that the engine reads while describing a schema. */
function withCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const io = adapter as unknown as { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

function sqliteFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withMultiStatementFallback(await base.connect()),
    // The SQLite shadow database is in memory.
    connectToShadowDb: async () => withMultiStatementFallback(await new PrismaBetterSqlite3({ url: ':memory:' }).connect()),
  };
}

async function adminQuery(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // Separate fields, not { connectionString }: node-postgres ignores a `database` override
  // when a connection string is given, and the shadow database needs one.
  const config = pgConnectionConfig(url);
  const base = new PrismaPg(config);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withCharAsText(await base.connect()),
    // adapter-pg's own shadow database is dropped before its pool closes (and so fails);
    // create and drop it here in the right order. Needs CREATEDB.
    connectToShadowDb: async () => {
      const database = `gw_shadow_${randomUUID().replaceAll('-', '')}`;
      await adminQuery(config, `CREATE DATABASE "${database}"`);
      const adapter = withCharAsText(await new PrismaPg({ ...config, database }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(config, `DROP DATABASE IF EXISTS "${database}"`);
      };
      return adapter;
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.message} ${describe((error as { cause?: unknown }).cause ?? '')}`.trim();
  if (error && typeof error === 'object') return JSON.stringify(error);
  return String(error ?? '');
}

/** An engine bound to one database, plus the means to explain its errors and close it. */
export interface EngineHandle {
  engine: SchemaEngine;
  /** Turns "External error id#N" into the adapter's real error text. */
  explain(error: unknown): Error;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

function track(opened: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  opened.push(adapter);
  const dispose = adapter.dispose.bind(adapter);
  let disposed = false;
  adapter.dispose = async () => {
    if (disposed) return;
    disposed = true;
    const i = opened.indexOf(adapter);
    if (i >= 0) opened.splice(i, 1);
    await dispose();
  };
  return adapter;
}

/**
 * Opens the wasm schema engine on a database.
 * @param target - which database (see `parseDatabaseUrl`).
 * @param schema - the Prisma schema text for that provider (the engine panics on an empty list).
 */
export async function openSchemaEngine(target: DatabaseTarget, schema: { path: string; content: string }): Promise<EngineHandle> {
  const wasm = await loadWasm();
  // The engine does not dispose the connections it asks for; track them and close them here.
  const opened: SqlDriverAdapter[] = [];
  const base = target.provider === 'sqlite' ? sqliteFactory(target.url) : postgresFactory(target.url);
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(opened, await base.connect()),
    connectToShadowDb: async () => track(opened, await base.connectToShadowDb()),
  };
  const factory: ErrorCapturingFactory = bindMigrationAwareSqlAdapterFactory(tracking);
  const log = process.env.GROUNDWORK_ENGINE_LOG ? (line: string) => console.error('[schema-engine]', line) : () => {};
  const explain = (error: unknown): Error => {
    const text = describe(error);
    const id = /External error id#(\d+)/.exec(text)?.[1];
    const record = id ? factory.errorRegistry.consumeError(Number(id)) : undefined;
    const real = record ? describe(record.error) : text;
    const panic = lastPanic ? ` (engine panic: ${lastPanic})` : '';
    lastPanic = undefined;
    return new Error(`schema engine: ${real}${panic}`, { cause: error });
  };
  try {
    const engine = await wasm.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, factory);
    const close = async () => {
      engine.free();
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    };
    return { engine, explain, close };
  } catch (error) {
    throw explain(error);
  }
}
