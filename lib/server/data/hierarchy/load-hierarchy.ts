import 'server-only';

import { type HierarchyCode, type HierarchyCoding, toCodeLevel as toLevel } from '@/lib/coding/hierarchy-types';
import { type HierarchyRelation, type RelationType } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface HierarchyData {
  project: { id: string; name: string; corePrefix: string };
  codes: Array<HierarchyCode & { networkX: number | null; networkY: number | null }>;
  codings: HierarchyCoding[];
  relations: HierarchyRelation[];
}

export { toCodeLevel as toLevel } from '@/lib/coding/hierarchy-types';

/**
 * Everything the hierarchy views and rules need for one project: codes with level, parent,
 * label and network position; codings reduced to (code, source, range, coder); relations.
 * @throws AppError NOT_FOUND
 */
export async function loadHierarchy(options: { userId: string; projectId: string }): Promise<HierarchyData> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [project, codes, codings, relations] = await Promise.all([
    db.project.findUnique({ where: { id: options.projectId }, select: { id: true, name: true, corePrefix: true } }),
    db.code.findMany({
      where: { projectId: options.projectId },
      select: { id: true, name: true, label: true, level: true, parentId: true, color: true, definition: true, networkX: true, networkY: true },
      orderBy: { name: 'asc' },
    }),
    db.coding.findMany({
      where: { projectId: options.projectId },
      select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
    }),
    db.codeRelation.findMany({
      where: { projectId: options.projectId },
      select: { id: true, fromId: true, toId: true, type: true, customType: true, memoText: true, evidence: { select: { codingId: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  return {
    project,
    codes: codes.map((c) => ({ ...c, level: toLevel(c.level) })),
    codings,
    relations: relations.map((r) => ({
      id: r.id,
      fromId: r.fromId,
      toId: r.toId,
      type: r.type as RelationType,
      customType: r.customType,
      memoText: r.memoText,
      evidenceCodingIds: r.evidence.map((e) => e.codingId),
    })),
  };
}

/** The project's codes as the hierarchy rules see them, inside a transaction. */
export async function hierarchyCodes(tx: Pick<typeof db, 'code'>, projectId: string): Promise<HierarchyCode[]> {
  const rows = await tx.code.findMany({
    where: { projectId },
    select: { id: true, name: true, label: true, level: true, parentId: true, color: true, definition: true },
  });
  return rows.map((c) => ({ ...c, level: toLevel(c.level) }));
}

/** Finds one code of the project or throws NOT_FOUND. */
export function findCode(codes: readonly HierarchyCode[], id: string): HierarchyCode {
  const code = codes.find((c) => c.id === id);
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  return code;
}
