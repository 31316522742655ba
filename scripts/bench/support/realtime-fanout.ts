// One leg of the realtime bench (scripts/bench/realtime.ts), in its own process because the
// database client and the realtime hub are per process: `DATABASE_URL=… node --conditions=
// react-server --import tsx scripts/bench/support/realtime-fanout.ts` prints one JSON line of
// rows. Latency = from the start of the writing transaction to the moment the last of N open
// SSE streams (lib/server/realtime/stream.ts, in this process) has the event.
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';

import { db, disconnectDb } from '@/lib/server/db/client';
import { parseDatabaseUrl } from '@/lib/server/db/database-url';
import { deployMigrations } from '@/lib/server/db/migrations';
import { inProjectTransaction, recordEvent } from '@/lib/server/data/events/record-event';
import { startRealtime } from '@/lib/server/realtime/hub';
import { projectEventStream } from '@/lib/server/realtime/stream';
import { makeProject, makeUser } from '@/prisma/seed/factories';

const SUBSCRIBERS = [1, 10, 50];
const EVENTS = 30;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await deployMigrations(target);
  const user = await makeUser();
  const project = await makeProject(user.id, [], 'Realtime bench');
  await startRealtime();
  const postgres = target.provider === 'postgresql';
  const rows: Array<{ name: string; ms: number; note?: string }> = [];

  for (const n of SUBSCRIBERS) {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    const head = (await db.project.findUniqueOrThrow({ where: { id: project.id }, select: { eventSeq: true } })).eventSeq;
    const got = new Map<number, number>(); // seq → subscribers that have it
    let waiter = null as { seq: number; resolve: () => void } | null;
    for (let i = 0; i < n; i++) {
      const reader = projectEventStream({ userId: user.id, projectId: project.id, role: 'owner', after: head, signal: controller.signal }).getReader();
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
          if (chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(block);
            if (!id || !block.includes('event: change')) continue;
            const seq = Number(id[1]);
            got.set(seq, (got.get(seq) ?? 0) + 1);
            if (waiter && waiter.seq === seq && got.get(seq) === n) waiter.resolve();
          }
        }
      })();
    }
    const latencies: number[] = [];
    for (let i = 0; i < EVENTS + 3; i++) {
      const started = performance.now();
      const event = { projectId: project.id, actorId: user.id, type: 'memo.created' as const, entityType: 'memo' as const, entityId: `m${n}-${i}` };
      // PostgreSQL: only the NOTIFY (as if another instance wrote); SQLite: the in-process signal.
      const seq = postgres ? await db.$transaction((tx) => recordEvent(tx, event)) : await inProjectTransaction(project.id, (tx) => recordEvent(tx, event));
      await new Promise<void>((resolve, reject) => {
        if (got.get(seq) === n) return resolve();
        const timer = setTimeout(() => reject(new Error(`event ${seq} reached ${got.get(seq) ?? 0} of ${n} subscribers in 10 s`)), 10_000);
        waiter = {
          seq,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      if (i >= 3) latencies.push(performance.now() - started); // the first three warm up
    }
    controller.abort();
    const via = postgres ? 'NOTIFY → LISTEN → stream' : 'in-process signal → stream';
    rows.push({ name: `${target.provider}: record → ${n} SSE subscriber(s), p50`, ms: pct(latencies, 50), note: `${via}; ${EVENTS} events` });
    rows.push({ name: `${target.provider}: record → ${n} SSE subscriber(s), p95`, ms: pct(latencies, 95), note: `max ${Math.max(...latencies).toFixed(1)} ms` });
  }
  await disconnectDb();
  process.stdout.write(`\nRESULT ${JSON.stringify(rows)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
