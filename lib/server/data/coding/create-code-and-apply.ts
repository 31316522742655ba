import 'server-only';

import { codeNameFromSelection, nextColor } from '@/lib/coding/colors';
import type { WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { codeSnapshot } from '../code/code-snapshot';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { lockProject, newCodeLabel } from '../hierarchy/labels';
import { isUniqueViolation } from '../prisma-errors';
import { assertRangeInSource, findSameCoding, sourceForCoding } from './apply-code';
import { codeTitle, recordCodingEvent } from './coding-events';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

const codeFields = { id: true, name: true, color: true, definition: true, label: true, level: true, parentId: true } as const;

/**
 * Creates a concept from a selection (in vivo, or with a typed name) and codes the selection
 * with it, in one transaction (recording `code.created` and `coding.created`). If a code of
 * that name already exists it is used instead, so coding "trust" twice in vivo does not fail;
 * the same selection coded twice returns the existing coding (idempotent, like applyCode).
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function createCodeAndApply(options: {
  userId: string;
  projectId: string;
  sourceId: string;
  input: { name: string; color?: string; start: number; end: number };
}): Promise<{ code: WorkbenchCode; coding: WorkbenchCoding }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const name = codeNameFromSelection(options.input.name);
  if (!name) throw new AppError('INVALID_INPUT', { userMessage: 'Name the code.' });
  try {
    return await attempt(options, name);
  } catch (error) {
    // A writer that does not take the project lock stored the same code or coding first (on
    // PostgreSQL the failed transaction is aborted): once more, the existing rows are reused.
    if (!isUniqueViolation(error)) throw error;
    return attempt(options, name);
  }
}

function attempt(options: { userId: string; projectId: string; sourceId: string; input: { color?: string; start: number; end: number } }, name: string) {
  const { projectId, sourceId } = options;
  const { start, end } = options.input;
  return inProjectTransaction(projectId, async (tx) => {
    // Serializes code creation in the project (labels, and the name check below).
    await lockProject(tx, projectId);
    const source = await sourceForCoding(tx, projectId, sourceId);
    assertRangeInSource(start, end, source.length);
    let code = await tx.code.findUnique({ where: { projectId_name: { projectId, name } }, select: codeFields });
    if (!code) {
      const used = await tx.code.findMany({ where: { projectId }, select: { color: true } });
      code = await tx.code.create({
        data: {
          projectId,
          name,
          label: await newCodeLabel(tx, projectId, 1),
          color: options.input.color ?? nextColor(used.map((c) => c.color)),
          createdById: options.userId,
        },
        select: codeFields,
      });
      await recordEvent(tx, {
        projectId,
        actorId: options.userId,
        type: 'code.created',
        entityType: 'code',
        entityId: code.id,
        summary: `Created the concept ${codeTitle(code)} (in vivo)`,
        after: codeSnapshot(code),
      });
    }
    const key = { sourceId, codeId: code.id, start, end, coderId: options.userId };
    let coding = await findSameCoding(tx, key);
    if (!coding) {
      coding = await tx.coding.create({ data: { projectId, ...key }, select: codingSelect });
      await recordCodingEvent(tx, { projectId, actorId: options.userId, type: 'coding.created', codingId: coding.id, sourceId, code, sourceTitle: source.title });
    }
    const [segments, sources] = await Promise.all([
      tx.coding.count({ where: { codeId: code.id } }),
      tx.coding.groupBy({ by: ['sourceId'], where: { codeId: code.id } }),
    ]);
    const { parentId: _parentId, ...shown } = code;
    return { code: { ...shown, segmentCount: segments, sourceCount: sources.length }, coding: toWorkbenchCoding(coding) };
  });
}
