import 'server-only';

import { triangulate, type TriangulationRow } from '@/lib/cases/triangulation';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';

/**
 * Triangulation per category (members): distinct sources of each kind with a coded segment of
 * the category or a code below it, and the survey constructs linked to it (statistics).
 * @throws AppError NOT_FOUND
 */
export async function loadTriangulation(options: { userId: string; projectId: string }): Promise<{ rows: TriangulationRow[]; sourcesByKind: Record<string, number> }> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const { projectId } = options;
  const [codes, sources, codings, links] = await Promise.all([
    hierarchyCodes(db, projectId),
    db.source.findMany({ where: { projectId }, select: { id: true, kind: true } }),
    db.coding.findMany({ where: { projectId }, distinct: ['codeId', 'sourceId'], select: { codeId: true, sourceId: true } }),
    db.codeLink.findMany({ where: { projectId }, select: { codeId: true, target: true, variable: true, datasetId: true, scale: { select: { name: true } }, dataset: { select: { name: true } } } }),
  ]);
  const sourcesByKind: Record<string, number> = {};
  for (const s of sources) sourcesByKind[s.kind] = (sourcesByKind[s.kind] ?? 0) + 1;
  const rows = triangulate({
    codes,
    sources,
    codings,
    links: links.map((l) => ({ codeId: l.codeId, target: `${l.datasetId}:${l.target}`, name: `${l.scale?.name ?? l.variable} (${l.dataset.name})` })),
  });
  return { rows, sourcesByKind };
}
