import 'server-only';

import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import type { Tx } from '../events/record-event';

/**
 * Who may move or delete other people's codings by a structural action (issue 14 item 19).
 * Codings belong to their coder (lib/auth/roles.ts canChangeCoding), so the structural actions
 * follow the same rule: a coder's split, merge or delete that would move or delete codings made
 * by someone else is refused, naming how many codings by whom; owners may. With "hierarchy
 * changes need review" on, a coder's split or merge becomes a proposal instead, and an owner or
 * reviewer approving it applies it (approval is the owner's or reviewer's consent).
 */
export function mayMoveOthersCodings(role: Role): boolean {
  return role === 'owner';
}

/**
 * Refuses when `codingIds` include codings by anyone but `userId`.
 * @param what - the action, for the message: 'This merge would move', 'Deleting this code would delete'.
 * @throws AppError FORBIDDEN naming the count per coder.
 */
export async function refuseOthersCodings(tx: Pick<Tx, 'coding' | 'user'>, options: { userId: string; codingIds: readonly string[]; what: string }): Promise<void> {
  if (options.codingIds.length === 0) return;
  const rows = await tx.coding.findMany({ where: { id: { in: [...options.codingIds] }, NOT: { coderId: options.userId } }, select: { coderId: true } });
  if (rows.length === 0) return;
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(r.coderId, (counts.get(r.coderId) ?? 0) + 1);
  const ids = [...counts.keys()].filter((id): id is string => id !== null);
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name.trim() || u.email]));
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${n.toLocaleString('en')} ${n === 1 ? 'coding' : 'codings'} by ${id === null ? 'a former member' : (nameOf.get(id) ?? 'another member')}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  throw new AppError('FORBIDDEN', {
    userMessage: `${options.what} ${list}. Coders change only their own codings: ask an owner to do this, or ask an owner to turn on “Hierarchy changes need review” in the project settings so you can propose it for approval. Nothing was changed.`,
  });
}

/**
 * Before a code is deleted with its codings: refuses a coder when some of those codings are
 * someone else's (owners may). Called by the delete actions before lib/server/data/code/delete-code.ts.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function refuseDeletingOthersCodings(options: { userId: string; projectId: string; codeId: string }): Promise<void> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  if (mayMoveOthersCodings(role)) return;
  const code = await db.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true, name: true, label: true } });
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  const codings = await db.coding.findMany({ where: { codeId: code.id }, select: { id: true } });
  await refuseOthersCodings(db, { userId: options.userId, codingIds: codings.map((c) => c.id), what: `Deleting ${code.label ? `${code.label} ` : ''}“${code.name}” would delete` });
}
