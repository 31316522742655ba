import 'server-only';

import type { WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The source's length (code points) — the range check — or NOT_FOUND when not in this project. */
export async function sourceLength(client: Pick<Tx, 'source'>, projectId: string, sourceId: string): Promise<number> {
  const source = await client.source.findFirst({ where: { id: sourceId, projectId }, select: { length: true } });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  return source.length;
}

export function assertRangeInSource(start: number, end: number, length: number): void {
  if (start < 0 || end > length || end <= start) {
    throw new AppError('INVALID_INPUT', { userMessage: `The selection [${start}, ${end}) is outside this source (0–${length}).` });
  }
}

/**
 * Codes [start, end) of a source with a code (owners and coders). Coding the same range with
 * the same code twice (same coder) returns the existing coding instead of a duplicate.
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
  const [length, code] = await Promise.all([
    sourceLength(db, options.projectId, options.sourceId),
    db.code.findFirst({ where: { id: codeId, projectId: options.projectId }, select: { id: true } }),
  ]);
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'That code no longer exists.' });
  assertRangeInSource(start, end, length);
  const existing = await db.coding.findFirst({
    where: { sourceId: options.sourceId, codeId, start, end, coderId: options.userId },
    select: codingSelect,
  });
  if (existing) return toWorkbenchCoding(existing);
  const row = await db.coding.create({
    data: { projectId: options.projectId, sourceId: options.sourceId, codeId, start, end, coderId: options.userId },
    select: codingSelect,
  });
  return toWorkbenchCoding(row);
}
