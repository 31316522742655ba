import 'server-only';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export async function listFolders(options: { userId: string; projectId: string }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.folder.findMany({
    where: { projectId: options.projectId },
    select: { id: true, name: true, _count: { select: { sources: true } } },
    orderBy: { name: 'asc' },
  });
  return rows.map((f) => ({ id: f.id, name: f.name, sourceCount: f._count.sources }));
}
