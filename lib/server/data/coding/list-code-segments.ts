import 'server-only';

import { excerpt, type SegmentExcerpt } from '@/lib/coding/segments';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { blindCodingWhere } from '../agreement/blind';

export interface CodedSegment extends SegmentExcerpt {
  codingId: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: string;
  start: number;
  end: number;
  codeId: string;
  codeName: string;
  coderName: string;
  memo: string;
  createdAt: string;
}

/**
 * Coded segments with their text and context, by source and position: for one code (coded
 * retrieval) or the whole project (exports). Each source's text is read once. Other coders'
 * codings on blind sources are left out for members who may not see them (lib/team/blind.ts).
 * @throws AppError NOT_FOUND
 */
export async function listCodedSegments(options: {
  userId: string;
  projectId: string;
  codeId?: string;
  /** With codeId: also the codings of these codes (the code's subtree, for a category's retrieval). */
  alsoCodeIds?: readonly string[];
  context?: number;
}): Promise<CodedSegment[]> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const blind = await blindCodingWhere({ projectId: options.projectId, viewerId: options.userId, role });
  if (options.codeId) {
    const code = await db.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true } });
    if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  }
  const codings = await db.coding.findMany({
    where: {
      projectId: options.projectId,
      ...(options.codeId ? { codeId: { in: [options.codeId, ...(options.alsoCodeIds ?? [])] } } : {}),
      ...blind,
    },
    select: {
      id: true,
      sourceId: true,
      start: true,
      end: true,
      createdAt: true,
      code: { select: { id: true, name: true } },
      coder: { select: { name: true } },
      memo: { select: { text: true } },
    },
    orderBy: [{ sourceId: 'asc' }, { start: 'asc' }],
  });
  const sourceIds = [...new Set(codings.map((c) => c.sourceId))];
  const sources = new Map(
    (await db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, title: true, kind: true, text: true } })).map((s) => [s.id, s]),
  );
  const segments = codings.map((c) => {
    const source = sources.get(c.sourceId)!;
    return {
      codingId: c.id,
      sourceId: c.sourceId,
      sourceTitle: source.title,
      sourceKind: source.kind,
      start: c.start,
      end: c.end,
      codeId: c.code.id,
      codeName: c.code.name,
      coderName: c.coder?.name ?? 'Former member',
      memo: c.memo?.text ?? '',
      createdAt: c.createdAt.toISOString(),
      ...excerpt(source.text, c.start, c.end, options.context ?? 120),
    };
  });
  return segments.sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || a.start - b.start || a.codeName.localeCompare(b.codeName));
}
