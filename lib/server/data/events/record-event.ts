import 'server-only';

import type { NewProjectEvent } from '@/lib/team/event-types';

import { db } from '../../db/client';
import { parseDatabaseUrl } from '../../db/database-url';
import { announce } from '../../realtime/announce';

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The PostgreSQL NOTIFY channel every instance LISTENs on (payload: the project id). */
export const EVENT_CHANNEL = 'groundwork_events';

function isPostgres(): boolean {
  return parseDatabaseUrl(process.env.DATABASE_URL).provider === 'postgresql';
}

/**
 * Appends one event to the project's change log, inside the caller's transaction. The
 * sequence number comes from Project.eventSeq: the increment takes the project row's lock,
 * held to commit, so sequence order is commit order and a client that has seen seq n has seen
 * every event ≤ n. On PostgreSQL the NOTIFY is sent in the same transaction (delivered on
 * commit). Call {@link announce} (or use {@link inProjectTransaction}) after commit.
 * @returns the event's sequence number.
 */
export async function recordEvent(tx: Tx, event: NewProjectEvent): Promise<number> {
  const project = await tx.project.update({
    where: { id: event.projectId },
    data: { eventSeq: { increment: 1 } },
    select: { eventSeq: true },
  });
  await tx.projectEvent.create({
    data: {
      projectId: event.projectId,
      seq: project.eventSeq,
      actorId: event.actorId,
      type: event.type,
      entityType: event.entityType,
      entityId: event.entityId,
      sourceId: event.sourceId ?? null,
      summary: event.summary ?? '',
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
  if (isPostgres()) await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${event.projectId})`;
  return project.eventSeq;
}

/**
 * Runs `body` in one transaction and announces the project's new events after it commits.
 * @example
 * await inProjectTransaction(projectId, async (tx) => {
 *   const row = await tx.coding.create({ data });
 *   await recordEvent(tx, { projectId, actorId: userId, type: 'coding.created', entityType: 'coding', entityId: row.id, sourceId });
 *   return row;
 * });
 */
export async function inProjectTransaction<T>(
  projectId: string,
  body: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const result = await db.$transaction(body, options);
  announce(projectId);
  return result;
}
