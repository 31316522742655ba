import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { rewriteStoredMentions } from '../hierarchy/mentions';
import { codeSnapshot, codeSnapshotSelect } from './code-snapshot';

/**
 * Deletes a code and its codings (owners and coders; the UI confirms with the count first).
 * Records `code.deleted` (the code as `before`) and bumps the hierarchy version.
 * @returns how many codings went with it.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function deleteCode(options: { userId: string; projectId: string; codeId: string }): Promise<{ codingsDeleted: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return inProjectTransaction(options.projectId, async (tx) => {
    const code = await tx.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true, ...codeSnapshotSelect } });
    if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
    const { count } = await tx.coding.deleteMany({ where: { codeId: code.id } });
    await tx.code.delete({ where: { id: code.id } });
    // Mentions of it in the storyline and memos stay readable, as plain text.
    await rewriteStoredMentions(tx, options.projectId, new Map([[code.id, null]]));
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'code.deleted',
      entityType: 'code',
      entityId: code.id,
      summary: `Deleted ${code.label} “${code.name}” with ${count} ${count === 1 ? 'coding' : 'codings'}`,
      before: codeSnapshot(code),
    });
    await bumpHierarchyVersion(tx, options.projectId);
    return { codingsDeleted: count };
  });
}
