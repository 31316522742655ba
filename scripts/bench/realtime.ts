/**
 * Benchmark (live sessions): event fan-out latency, from the writing transaction to the last of
 * N open SSE streams having the event (1, 10, 50 subscribers), p50/p95 over 30 events.
 *  - SQLite: the app process relays (in-process signal);
 *  - PostgreSQL (when TEST_DATABASE_URL is set): the event travels as NOTIFY and comes back
 *    through the LISTEN connection, as between two instances. Target: p95 < 1 s (the issue's
 *    "within 1 second"), in practice far less.
 * Each leg runs in its own process (scripts/bench/support/realtime-fanout.ts) on a fresh database.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { pgConnectionConfig } from '@/lib/server/db/database-url';

type Row = { name: string; ms: number; targetMs?: number; note?: string };

function leg(databaseUrl: string): Row[] {
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bench/support/realtime-fanout.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || !line) throw new Error(`realtime bench leg failed (${databaseUrl.split(':')[0]}): ${run.stderr.slice(-2000)}`);
  return (JSON.parse(line.slice('RESULT '.length)) as Row[]).map((r) => ({ ...r, targetMs: r.name.endsWith('p95') ? 1000 : undefined }));
}

export default async function realtimeBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-realtime-'));
  try {
    rows.push(...leg(`file:${join(dir, 'bench.db')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `groundwork_bench_rt_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const admin = async (sql: string) => {
      const client = new pg.Client(pgConnectionConfig(server));
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    try {
      const u = new URL(server);
      u.pathname = `/${name}`;
      rows.push(...leg(u.toString()));
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } else {
    rows.push({ name: 'postgresql: skipped (set TEST_DATABASE_URL)', ms: 0 });
  }
  return rows;
}
