import 'server-only';

import type { WorkbenchCoding } from '@/lib/coding/workbench-types';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

/** All codings of one source, in text order. @throws AppError NOT_FOUND */
export async function listSourceCodings(options: { userId: string; projectId: string; sourceId: string }): Promise<WorkbenchCoding[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.coding.findMany({
    where: { projectId: options.projectId, sourceId: options.sourceId },
    select: codingSelect,
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
  });
  return rows.map(toWorkbenchCoding);
}
