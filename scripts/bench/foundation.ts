/**
 * Benchmark: the start-up path of `npm start` on the embedded default — applying every
 * migration to a fresh SQLite file through the wasm schema engine, a no-op second deploy —
 * and one argon2id password hash (the cost of every sign-up and sign-in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { hashPassword } from '@/lib/server/auth/password';
import { parseDatabaseUrl } from '@/lib/server/db/database-url';
import { deployMigrations } from '@/lib/server/db/migrations';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-'));
  try {
    const fresh: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < 5; i++) {
      const target = parseDatabaseUrl(`file:${join(dir, `b${i}.db`)}`);
      let t = performance.now();
      await deployMigrations(target);
      fresh.push(performance.now() - t);
      t = performance.now();
      await deployMigrations(target);
      again.push(performance.now() - t);
    }
    const hashes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await hashPassword(`bench passphrase ${i}`);
      hashes.push(performance.now() - t);
    }
    return [
      { name: 'migrate a fresh SQLite database (wasm engine)', ms: median(fresh), note: 'first run includes wasm load' },
      { name: 'migrate again (nothing pending)', ms: median(again) },
      { name: 'argon2id hash (19 MiB, t=2)', ms: median(hashes) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
