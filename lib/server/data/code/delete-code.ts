import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { rewriteStoredMentions } from '../hierarchy/mentions';

/**
 * Deletes a code and its codings (owners and coders; the UI confirms with the count first).
 * @returns how many codings went with it.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function deleteCode(options: { userId: string; projectId: string; codeId: string }): Promise<{ codingsDeleted: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return db.$transaction(async (tx) => {
    const code = await tx.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true } });
    if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
    const { count } = await tx.coding.deleteMany({ where: { codeId: code.id } });
    await tx.code.delete({ where: { id: code.id } });
    // Mentions of it in the storyline and memos stay readable, as plain text.
    await rewriteStoredMentions(tx, options.projectId, new Map([[code.id, null]]));
    return { codingsDeleted: count };
  });
}
