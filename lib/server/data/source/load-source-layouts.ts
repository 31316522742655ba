import 'server-only';

import { type SourceLayout, sourceLayout } from '@/lib/sources/segment-location';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** Sources read per query: their texts are only needed long enough to find the paragraphs. */
const BATCH = 25;

/** What segment lists and exports show about a segment's source besides its title. */
export interface SourceContext {
  layout: SourceLayout;
  /** The case the whole source belongs to ('' when none). */
  caseName: string;
}

/**
 * The paragraph starts, pages and turns (lib/sources/segment-location.ts) and the case of the
 * project's given sources, for locating coded segments. Texts are read a batch at a time and
 * dropped once their paragraphs are found. Members only; ids of other projects are ignored.
 * @throws AppError NOT_FOUND when the user may not read the project.
 */
export async function loadSourceContexts(options: { userId: string; projectId: string; sourceIds: readonly string[] }): Promise<Map<string, SourceContext>> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const ids = [...new Set(options.sourceIds)];
  const contexts = new Map<string, SourceContext>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db.source.findMany({
      where: { projectId: options.projectId, id: { in: ids.slice(i, i + BATCH) } },
      select: { id: true, text: true, structure: true, case: { select: { name: true } } },
    });
    for (const s of rows) contexts.set(s.id, { layout: sourceLayout(s.text, s.structure), caseName: s.case?.name ?? '' });
  }
  return contexts;
}
