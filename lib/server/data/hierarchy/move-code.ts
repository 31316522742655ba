import 'server-only';

import { parentProblem } from '@/lib/coding/hierarchy';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { lockProject, refuse } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

export interface CodeMove {
  codeId: string;
  /** The new parent, one level up; null takes the code out of its parent. */
  parentId: string | null;
}

/**
 * Places codes under parents one level up, or takes them out (parentId null), all or none.
 * Owners and coders.
 * @returns each code's previous parent, so the UI can offer one Undo for the whole move.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (wrong level)
 */
export async function moveCodes(options: { userId: string; projectId: string; moves: readonly CodeMove[] }): Promise<{ previous: CodeMove[] }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return db.$transaction(async (tx) => {
    await lockProject(tx, options.projectId);
    const codes = await hierarchyCodes(tx, options.projectId);
    const previous: CodeMove[] = [];
    for (const move of options.moves) {
      const code = findCode(codes, move.codeId);
      const parent = move.parentId === null ? null : findCode(codes, move.parentId);
      refuse(parentProblem(code, parent));
      previous.push({ codeId: code.id, parentId: code.parentId });
      await tx.code.update({ where: { id: code.id }, data: { parentId: parent?.id ?? null } });
    }
    return { previous };
  });
}

/**
 * Moves one code (see {@link moveCodes}).
 * @returns the previous parent, for Undo.
 */
export async function moveCode(options: { userId: string; projectId: string; codeId: string; parentId: string | null }): Promise<{ previousParentId: string | null }> {
  const { previous } = await moveCodes({ userId: options.userId, projectId: options.projectId, moves: [{ codeId: options.codeId, parentId: options.parentId }] });
  return { previousParentId: previous[0].parentId };
}
