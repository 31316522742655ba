import { isAbsolute, resolve } from 'node:path';

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
