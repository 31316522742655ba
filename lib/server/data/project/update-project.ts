import 'server-only';

import type { TUpdateProject } from '@/lib/validation/project';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** @throws AppError NOT_FOUND (non-member) | FORBIDDEN (not an owner). */
export async function updateProject(options: { userId: string; projectId: string; input: TUpdateProject }) {
  await requireProjectPermission({ ...options, permission: 'project:update' });
  return db.project.update({
    where: { id: options.projectId },
    data: { name: options.input.name, description: options.input.description },
    select: { id: true, name: true, description: true },
  });
}
