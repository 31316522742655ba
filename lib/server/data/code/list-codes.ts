import 'server-only';

import type { WorkbenchCode } from '@/lib/coding/workbench-types';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** The codebook with segment and distinct-source counts. @throws AppError NOT_FOUND */
export async function listCodes(options: { userId: string; projectId: string }): Promise<WorkbenchCode[]> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [codes, perSource] = await Promise.all([
    db.code.findMany({
      where: { projectId: options.projectId },
      select: { id: true, name: true, color: true, definition: true, label: true, level: true },
      orderBy: { name: 'asc' },
    }),
    db.coding.groupBy({ by: ['codeId', 'sourceId'], where: { projectId: options.projectId }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { segments: number; sources: number }>();
  for (const row of perSource) {
    const c = counts.get(row.codeId) ?? { segments: 0, sources: 0 };
    c.segments += row._count._all;
    c.sources += 1;
    counts.set(row.codeId, c);
  }
  return codes.map((c) => ({ ...c, segmentCount: counts.get(c.id)?.segments ?? 0, sourceCount: counts.get(c.id)?.sources ?? 0 }));
}
