import 'server-only';

import { parentProblem } from '@/lib/coding/hierarchy';
import { codeName } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { lockProject, refuse } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

export interface CodeMove {
  codeId: string;
  /** The new parent, one level up; null takes the code out of its parent. */
  parentId: string | null;
}

/**
 * The core of {@link moveCodes} on a caller's transaction (also used when a proposal is
 * approved): checks each move against the rules, stores it, records one `hierarchy.moved`
 * event per moved code (before → after parent) and bumps the hierarchy version.
 * @throws AppError NOT_FOUND | INVALID_INPUT (wrong level)
 */
export async function moveCodesInTx(tx: Tx, options: { projectId: string; actorId: string | null; moves: readonly CodeMove[] }): Promise<{ previous: CodeMove[] }> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const previous: CodeMove[] = [];
  for (const move of options.moves) {
    const code = findCode(codes, move.codeId);
    const parent = move.parentId === null ? null : findCode(codes, move.parentId);
    refuse(parentProblem(code, parent));
    previous.push({ codeId: code.id, parentId: code.parentId });
    if (code.parentId === (parent?.id ?? null)) continue;
    await tx.code.update({ where: { id: code.id }, data: { parentId: parent?.id ?? null } });
    const before = code.parentId ? codes.find((c) => c.id === code.parentId) : undefined;
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.actorId,
      type: 'hierarchy.moved',
      entityType: 'code',
      entityId: code.id,
      summary: parent ? `Moved ${codeName(code)} into ${codeName(parent)}` : `Took ${codeName(code)} out of ${codeName(before)}`,
      before: { codeId: code.id, parentId: code.parentId, parentName: before?.name ?? null },
      after: { codeId: code.id, parentId: parent?.id ?? null, parentName: parent?.name ?? null },
    });
    code.parentId = parent?.id ?? null;
  }
  if (previous.length > 0) await bumpHierarchyVersion(tx, options.projectId);
  return { previous };
}

/**
 * Places codes under parents one level up, or takes them out (parentId null), all or none.
 * Owners and coders.
 * @returns each code's previous parent, so the UI can offer one Undo for the whole move.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (wrong level)
 */
export async function moveCodes(options: { userId: string; projectId: string; moves: readonly CodeMove[] }): Promise<{ previous: CodeMove[] }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return inProjectTransaction(options.projectId, (tx) => moveCodesInTx(tx, { projectId: options.projectId, actorId: options.userId, moves: options.moves }));
}

/**
 * Moves one code (see {@link moveCodes}).
 * @returns the previous parent, for Undo.
 */
export async function moveCode(options: { userId: string; projectId: string; codeId: string; parentId: string | null }): Promise<{ previousParentId: string | null }> {
  const { previous } = await moveCodes({ userId: options.userId, projectId: options.projectId, moves: [{ codeId: options.codeId, parentId: options.parentId }] });
  return { previousParentId: previous[0].parentId };
}
