import 'server-only';

import { can, isRole, type Permission, type Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';

import { db } from './db/client';

/**
 * THE authorization check for everything inside a project. Every data-layer function that
 * touches project data calls it (pages, server actions and API routes all go through the
 * data layer). A non-member gets NOT_FOUND — the project's existence is not revealed — and a
 * member whose role lacks the permission gets FORBIDDEN.
 *
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function requireProjectPermission(options: { userId: string; projectId: string; permission: Permission }): Promise<{ role: Role }> {
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId: options.projectId, userId: options.userId } },
    select: { role: true },
  });
  if (!membership || !isRole(membership.role)) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  if (!can(membership.role, options.permission)) throw new AppError('FORBIDDEN');
  return { role: membership.role };
}
