import 'server-only';

import { codeNameFromSelection, nextColor } from '@/lib/coding/colors';
import type { WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { lockProject, newCodeLabel } from '../hierarchy/labels';
import { assertRangeInSource, sourceLength } from './apply-code';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

/**
 * Creates a concept from a selection (in vivo, or with a typed name) and codes the selection
 * with it, in one transaction. If a code of that name already exists it is used instead, so
 * coding "trust" twice in vivo does not fail.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function createCodeAndApply(options: {
  userId: string;
  projectId: string;
  sourceId: string;
  input: { name: string; color?: string; start: number; end: number };
}): Promise<{ code: WorkbenchCode; coding: WorkbenchCoding }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { start, end } = options.input;
  const name = codeNameFromSelection(options.input.name);
  if (!name) throw new AppError('INVALID_INPUT', { userMessage: 'Name the code.' });
  return db.$transaction(async (tx) => {
    await lockProject(tx, options.projectId);
    assertRangeInSource(start, end, await sourceLength(tx, options.projectId, options.sourceId));
    let code = await tx.code.findUnique({
      where: { projectId_name: { projectId: options.projectId, name } },
      select: { id: true, name: true, color: true, definition: true, label: true, level: true },
    });
    if (!code) {
      const used = await tx.code.findMany({ where: { projectId: options.projectId }, select: { color: true } });
      code = await tx.code.create({
        data: {
          projectId: options.projectId,
          name,
          label: await newCodeLabel(tx, options.projectId, 1),
          color: options.input.color ?? nextColor(used.map((c) => c.color)),
          createdById: options.userId,
        },
        select: { id: true, name: true, color: true, definition: true, label: true, level: true },
      });
    }
    const coding = await tx.coding.create({
      data: { projectId: options.projectId, sourceId: options.sourceId, codeId: code.id, start, end, coderId: options.userId },
      select: codingSelect,
    });
    const [segments, sources] = await Promise.all([
      tx.coding.count({ where: { codeId: code.id } }),
      tx.coding.groupBy({ by: ['sourceId'], where: { codeId: code.id } }),
    ]);
    return { code: { ...code, segmentCount: segments, sourceCount: sources.length }, coding: toWorkbenchCoding(coding) };
  });
}
