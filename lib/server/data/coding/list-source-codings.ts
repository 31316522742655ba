import 'server-only';

import type { WorkbenchCoding } from '@/lib/coding/workbench-types';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { blindCodingWhere } from '../agreement/blind';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

/**
 * All codings of one source the user may see, in text order: on a blind source (blind coding,
 * not released) a coder sees only their own (lib/team/blind.ts). @throws AppError NOT_FOUND
 */
export async function listSourceCodings(options: { userId: string; projectId: string; sourceId: string }): Promise<WorkbenchCoding[]> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const blind = await blindCodingWhere({ projectId: options.projectId, viewerId: options.userId, role });
  const rows = await db.coding.findMany({
    where: { projectId: options.projectId, sourceId: options.sourceId, ...blind },
    select: codingSelect,
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
  });
  return rows.map(toWorkbenchCoding);
}
