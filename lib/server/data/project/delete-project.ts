import 'server-only';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** Deletes the project and everything in it. @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteProject(options: { userId: string; projectId: string }): Promise<void> {
  await requireProjectPermission({ ...options, permission: 'project:delete' });
  await db.project.delete({ where: { id: options.projectId } });
}
