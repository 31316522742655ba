import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { LONG_TRANSACTION } from '../hierarchy/labels';

export type PlaceholderCoder = { id: string; name: string; codings: number; memos: number };

/**
 * The placeholder coders of a project (imported coders without an account) and how many codings
 * and memos carry their name. Members only (members:read).
 */
export async function listPlaceholderCoders(options: { userId: string; projectId: string }): Promise<PlaceholderCoder[]> {
  await requireProjectPermission({ ...options, permission: 'members:read' });
  const [codings, memos] = await Promise.all([
    db.coding.groupBy({ by: ['coderId'], where: { projectId: options.projectId, coder: { placeholder: true } }, _count: { _all: true } }),
    db.memo.groupBy({ by: ['authorId'], where: { projectId: options.projectId, author: { placeholder: true } }, _count: { _all: true } }),
  ]);
  const ids = [...new Set([...codings.map((c) => c.coderId), ...memos.map((m) => m.authorId)].filter((id): id is string => id !== null))];
  if (!ids.length) return [];
  const users = await db.user.findMany({ where: { id: { in: ids }, placeholder: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    codings: codings.find((c) => c.coderId === u.id)?._count._all ?? 0,
    memos: memos.find((m) => m.authorId === u.id)?._count._all ?? 0,
  }));
}

/**
 * Gives a placeholder coder's codings, memos and authored rows in this project to a member, in
 * one transaction. A coding the member already has (same code, range) is kept once: the
 * placeholder's copy is dropped, its memo only if the member's copy has none. The placeholder
 * account is deleted once nothing refers to it any more. Owners only (members:manage); the
 * member must be able to code (owner or coder).
 * @throws AppError NOT_FOUND for an unknown placeholder or member; INVALID_INPUT for a member who cannot code.
 */
export async function assignPlaceholderCoder(options: { userId: string; projectId: string; placeholderId: string; memberId: string }): Promise<{ codings: number; memos: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'members:manage' });
  const { projectId, placeholderId, memberId } = options;
  return db.$transaction(async (tx) => {
    const placeholder = await tx.user.findFirst({ where: { id: placeholderId, placeholder: true }, select: { id: true } });
    if (!placeholder) throw new AppError('NOT_FOUND', { userMessage: 'That imported coder no longer exists (perhaps already assigned).' });
    const member = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: memberId } }, select: { role: true } });
    if (!member) throw new AppError('NOT_FOUND', { userMessage: 'That person is not a member of this project.' });
    if (member.role !== 'owner' && member.role !== 'coder') throw new AppError('INVALID_INPUT', { userMessage: 'Codings can only be given to an owner or a coder.' });

    const theirs = await tx.coding.findMany({ where: { projectId, coderId: placeholderId }, select: { id: true, sourceId: true, codeId: true, start: true, end: true, memo: { select: { id: true } } } });
    const mine = await tx.coding.findMany({ where: { projectId, coderId: memberId }, select: { id: true, sourceId: true, codeId: true, start: true, end: true, memo: { select: { id: true } } } });
    const key = (c: { sourceId: string; codeId: string; start: number; end: number }) => `${c.sourceId}|${c.codeId}|${c.start}|${c.end}`;
    const mineByKey = new Map(mine.map((c) => [key(c), c]));
    const duplicates = theirs.filter((c) => mineByKey.has(key(c)));
    for (const d of duplicates) {
      const twin = mineByKey.get(key(d))!;
      // Keep the placeholder's memo when the member's copy has none.
      if (d.memo && !twin.memo) await tx.memo.update({ where: { id: d.memo.id }, data: { codingId: twin.id } });
    }
    if (duplicates.length) await tx.coding.deleteMany({ where: { id: { in: duplicates.map((d) => d.id) } } });
    const moved = await tx.coding.updateMany({ where: { projectId, coderId: placeholderId }, data: { coderId: memberId } });
    const memos = await tx.memo.updateMany({ where: { projectId, authorId: placeholderId }, data: { authorId: memberId } });
    await tx.source.updateMany({ where: { projectId, createdById: placeholderId }, data: { createdById: memberId } });
    await tx.code.updateMany({ where: { projectId, createdById: placeholderId }, data: { createdById: memberId } });
    await tx.codeRelation.updateMany({ where: { projectId, createdById: placeholderId }, data: { createdById: memberId } });
    const left = await tx.user.findUniqueOrThrow({
      where: { id: placeholderId },
      select: { _count: { select: { codings: true, memos: true, sources: true, codes: true, relations: true, memberships: true } } },
    });
    if (Object.values(left._count).every((n) => n === 0)) await tx.user.delete({ where: { id: placeholderId } });
    return { codings: moved.count + duplicates.length, memos: memos.count };
  }, LONG_TRANSACTION);
}
