import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * Which database Groundwork talks to. `DATABASE_URL` unset → the embedded SQLite file
 * `.data/groundwork.db`; `postgres://` / `postgresql://` → PostgreSQL; `file:` → SQLite.
 */
export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string };

export const DEFAULT_SQLITE_URL = 'file:./.data/groundwork.db';

/**
 * @param url - a DATABASE_URL value, or undefined for the embedded default.
 * @param cwd - base for relative SQLite paths.
 * @throws Error naming the unsupported scheme.
 */
export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = url?.trim() || DEFAULT_SQLITE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: 'postgresql', url: value };
  if (value.startsWith('file:')) {
    const path = value.slice('file:'.length).split('?')[0];
    if (path === ':memory:') return { provider: 'sqlite', url: 'file::memory:', file: ':memory:' };
    const file = isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: 'sqlite', url: `file:${file}`, file };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got '${value.split(':')[0]}:'`);
}

/** node-postgres settings as separate fields (a connection string would pin the database name). */
export function pgConnectionConfig(url: string) {
  const u = new URL(url);
  const ssl = u.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || process.env.PGUSER || 'postgres',
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: ssl && ssl !== 'disable' ? { rejectUnauthorized: ssl === 'verify-full' } : undefined,
  };
}

/** The embedded database's folder (`.data`), which also holds the auth secret. */
export function defaultDataDir(cwd = process.cwd()): string {
  return resolve(cwd, '.data');
}

/** What SQLite may keep beside the database file (rollback journal, WAL, shared memory). */
const SQLITE_COMPANIONS = ['-journal', '-wal', '-shm'];

/**
 * Makes an SQLite database private to the account running Groundwork before anything opens
 * it: it holds password hashes and interview text. Missing folders are created 0700, the file
 * is created (empty: SQLite takes an empty file as a new database) or tightened to 0600, and so
 * are its -journal/-wal/-shm files if present; SQLite creates those later with the database
 * file's own mode. An existing folder is tightened only when it is the default `.data`
 * (a DATABASE_URL may point into a shared folder such as /tmp, which must keep its mode).
 * No-op for PostgreSQL and `:memory:`; idempotent, so every start repairs an older 0644 file.
 * @param target - from {@link parseDatabaseUrl}.
 * @param cwd - base of the default data folder.
 */
export function ensurePrivateSqliteFile(target: DatabaseTarget, cwd = process.cwd()): void {
  if (target.provider !== 'sqlite' || target.file === ':memory:') return;
  const dir = dirname(target.file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (dir === defaultDataDir(cwd)) chmodSync(dir, 0o700);
  // 'a' creates without truncating; the mode applies only on creation, hence the chmod after.
  closeSync(openSync(target.file, 'a', 0o600));
  chmodSync(target.file, 0o600);
  for (const suffix of SQLITE_COMPANIONS) {
    const companion = `${target.file}${suffix}`;
    if (existsSync(companion)) chmodSync(companion, 0o600);
  }
}
