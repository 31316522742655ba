import 'server-only';

import { isRole, type Role } from '@/lib/auth/roles';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface MemberItem {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

/** @throws AppError NOT_FOUND when the user is not a member. */
export async function listMembers(options: { userId: string; projectId: string }): Promise<MemberItem[]> {
  await requireProjectPermission({ ...options, permission: 'members:read' });
  const rows = await db.membership.findMany({
    where: { projectId: options.projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role as Role, joinedAt: r.createdAt.toISOString() }));
}
