import 'server-only';

import { parentProblem } from '@/lib/coding/hierarchy';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { lockProject, refuse } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

/**
 * Puts a code under a parent one level up, or takes it out (parentId null). Owners and coders.
 * @returns the previous parent, so the UI can offer Undo.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (wrong level)
 */
export async function moveCode(options: { userId: string; projectId: string; codeId: string; parentId: string | null }): Promise<{ previousParentId: string | null }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return db.$transaction(async (tx) => {
    await lockProject(tx, options.projectId);
    const codes = await hierarchyCodes(tx, options.projectId);
    const code = findCode(codes, options.codeId);
    const parent = options.parentId === null ? null : findCode(codes, options.parentId);
    refuse(parentProblem(code, parent));
    await tx.code.update({ where: { id: code.id }, data: { parentId: parent?.id ?? null } });
    return { previousParentId: code.parentId };
  });
}
