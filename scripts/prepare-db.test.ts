import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ensurePrivateSqliteFile, parseDatabaseUrl } from '../lib/server/db/database-url';

const mode = (path: string) => statSync(path).mode & 0o777;
const scratch = mkdtempSync(join(tmpdir(), 'gw-perms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the SQLite database is private (issue 16)', () => {
  it('npm start’s prepare step creates a fresh data dir 0700 and the database 0600', () => {
    const cwd = join(scratch, 'install');
    mkdirSync(cwd);
    // As `npm start` runs it (scripts/start.mjs), with the default DATABASE_URL resolved
    // against a fresh working directory, so the default `.data` folder does not exist yet.
    const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', join(process.cwd(), 'scripts/prepare-db.ts'), '--no-seed'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: `file:${join(cwd, '.data', 'groundwork.db')}`, GROUNDWORK_SEED_DEMO: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).not.toMatch(/database:.*(error|failed)/i);
    expect(result.status).toBe(0);
    const dir = join(cwd, '.data');
    expect(mode(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);
    expect(mode(join(dir, 'groundwork.db'))).toBe(0o600);
    expect(statSync(join(dir, 'groundwork.db')).size).toBeGreaterThan(0);
  }, 90_000);

  it('tightens an existing 0644 database, its journal files and the default .data folder', () => {
    const cwd = join(scratch, 'upgrade');
    const dir = join(cwd, '.data');
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    for (const name of ['groundwork.db', 'groundwork.db-wal', 'groundwork.db-shm']) writeFileSync(join(dir, name), '', { mode: 0o644 });
    ensurePrivateSqliteFile(parseDatabaseUrl('file:./.data/groundwork.db', cwd), cwd);
    expect(mode(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);
  });

  it('leaves an existing shared folder’s mode alone (DATABASE_URL=file:/tmp/…) and ignores PostgreSQL and :memory:', () => {
    const shared = join(scratch, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    const target = parseDatabaseUrl(`file:${join(shared, 'db.sqlite')}`);
    ensurePrivateSqliteFile(target);
    expect(mode(shared)).toBe(0o755);
    expect(mode(join(shared, 'db.sqlite'))).toBe(0o600);
    ensurePrivateSqliteFile(parseDatabaseUrl('postgresql://localhost/x'));
    ensurePrivateSqliteFile(parseDatabaseUrl('file::memory:'));
    expect(existsSync(':memory:')).toBe(false);
  });
});
