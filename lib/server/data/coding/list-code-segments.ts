import 'server-only';

import { Prisma } from '@/lib/server/db/generated/sqlite/client';
import { excerpt, type SegmentExcerpt } from '@/lib/coding/segments';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

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
 * retrieval) or the whole project (exports). Only each segment's window of the text is read
 * (SQL substr, in code points like the stored offsets), not every source's whole text.
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
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  if (options.codeId) {
    const code = await db.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true } });
    if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  }
  const codings = await db.coding.findMany({
    where: {
      projectId: options.projectId,
      ...(options.codeId ? { codeId: { in: [options.codeId, ...(options.alsoCodeIds ?? [])] } } : {}),
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
  const context = options.context ?? 120;
  const codeIds = options.codeId ? [options.codeId, ...(options.alsoCodeIds ?? [])] : null;
  const sourceIds = [...new Set(codings.map((c) => c.sourceId))];
  const [sourceRows, windowRows] = await Promise.all([
    db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, title: true, kind: true } }),
    codingWindows(options.projectId, codeIds, context),
  ]);
  const sources = new Map(sourceRows.map((s) => [s.id, s]));
  const windows = new Map(windowRows.map((w) => [w.id, w]));
  const segments: CodedSegment[] = [];
  for (const c of codings) {
    const source = sources.get(c.sourceId)!;
    const window = windows.get(c.id);
    if (!window) continue; // deleted between the two reads
    segments.push({
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
      ...windowExcerpt(window, c.start, c.end, context),
    });
  }
  return segments.sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || a.start - b.start || a.codeName.localeCompare(b.codeName));
}

interface CodingWindow {
  id: string;
  /** Code point offset of the window in the source text. */
  from: number;
  text: string;
}

/**
 * Each coding's window of its source text: [start − context − 1, end + context + 1) clipped to
 * the text. The one code point more on each side is what {@link excerpt} looks at to decide on
 * the leading and trailing "…", so the excerpt of the window equals the excerpt of the text.
 * Portable SQL: CASE for the clipping, substr (1-based, in characters, i.e. code points, in
 * SQLite and PostgreSQL alike).
 */
async function codingWindows(projectId: string, codeIds: readonly string[] | null, context: number): Promise<CodingWindow[]> {
  if (codeIds && codeIds.length === 0) return [];
  // A literal, not a parameter: PostgreSQL would type a bound number as bigint, and substr takes integers.
  const margin = Prisma.raw(String(Math.max(0, Math.trunc(context)) + 1));
  const from = Prisma.sql`(CASE WHEN c."start" - ${margin} > 0 THEN c."start" - ${margin} ELSE 0 END)`;
  const to = Prisma.sql`(CASE WHEN c."end" + ${margin} < s."length" THEN c."end" + ${margin} ELSE s."length" END)`;
  const byCode = codeIds ? Prisma.sql`AND c."codeId" IN (${Prisma.join(codeIds)})` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string; from: number | bigint; text: string }>>`
    SELECT c."id", ${from} AS "from", substr(s."text", ${from} + 1, ${to} - ${from}) AS "text"
    FROM "Coding" AS c
    JOIN "Source" AS s ON s."id" = c."sourceId"
    WHERE c."projectId" = ${projectId} ${byCode}`;
  return rows.map((r) => ({ id: r.id, from: Number(r.from), text: r.text }));
}

/** {@link excerpt} of a coding from its window (see {@link codingWindows}). */
function windowExcerpt(window: CodingWindow, start: number, end: number, context: number): SegmentExcerpt {
  return excerpt(window.text, start - window.from, end - window.from, context);
}
