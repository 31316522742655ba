import 'server-only';

import type { WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction } from '../events/record-event';
import { isUniqueViolation } from '../prisma-errors';
import { recordCodingEvent } from './coding-events';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The source's length (code points) — the range check — or NOT_FOUND when not in this project. */
export async function sourceLength(client: Pick<Tx, 'source'>, projectId: string, sourceId: string): Promise<number> {
  return (await sourceForCoding(client, projectId, sourceId)).length;
}

/** The source's length and title, or NOT_FOUND when not in this project. */
export async function sourceForCoding(client: Pick<Tx, 'source'>, projectId: string, sourceId: string): Promise<{ length: number; title: string }> {
  const source = await client.source.findFirst({ where: { id: sourceId, projectId }, select: { length: true, title: true } });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  return source;
}

export function assertRangeInSource(start: number, end: number, length: number): void {
  if (start < 0 || end > length || end <= start) {
    throw new AppError('INVALID_INPUT', { userMessage: `The selection [${start}, ${end}) is outside this source (0–${length}).` });
  }
}

/** The coding unique on (source, code, coder, start, end), if stored. */
export function findSameCoding(client: Pick<Tx, 'coding'>, key: { sourceId: string; codeId: string; coderId: string; start: number; end: number }) {
  return client.coding.findFirst({ where: key, select: codingSelect });
}

/**
 * Codes [start, end) of a source with a code (owners and coders), recording `coding.created`.
 * Idempotent: coding the same range with the same code twice (same coder) returns the existing
 * coding instead of a duplicate — also when the two requests race (the unique index on
 * (source, code, coder, start, end) refuses the second insert; PostgreSQL aborts that
 * transaction, so the existing row is read after it, outside).
 * @throws AppError NOT_FOUND (project, source or code) | FORBIDDEN | INVALID_INPUT (range)
 */
export async function applyCode(options: {
  userId: string;
  projectId: string;
  sourceId: string;
  input: { codeId: string; start: number; end: number };
}): Promise<WorkbenchCoding> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { codeId, start, end } = options.input;
  const { projectId, sourceId } = options;
  const [source, code] = await Promise.all([
    sourceForCoding(db, projectId, sourceId),
    db.code.findFirst({ where: { id: codeId, projectId }, select: { id: true, name: true, label: true } }),
  ]);
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'That code no longer exists.' });
  assertRangeInSource(start, end, source.length);
  const key = { sourceId, codeId, start, end, coderId: options.userId };
  const existing = await findSameCoding(db, key);
  if (existing) return toWorkbenchCoding(existing);
  try {
    const row = await inProjectTransaction(projectId, async (tx) => {
      const created = await tx.coding.create({ data: { projectId, ...key }, select: codingSelect });
      await recordCodingEvent(tx, { projectId, actorId: options.userId, type: 'coding.created', codingId: created.id, sourceId, code, sourceTitle: source.title });
      return created;
    });
    return toWorkbenchCoding(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // An identical request committed first: its row is the answer.
    const winner = await findSameCoding(db, key);
    if (!winner) throw error;
    return toWorkbenchCoding(winner);
  }
}
