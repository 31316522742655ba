import 'server-only';

import { excerpt } from '@/lib/coding/segments';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { blindCodingWhere } from '../agreement/blind';
import type { CodedSegment } from './list-code-segments';

/** Segments per page of a code's retrieval list. */
export const CODE_SEGMENT_PAGE_SIZE = 50;

/** A listed coding's span and code, without text: enough for exact roll-ups (`rollUpOne`). */
export interface CodedSpan {
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
}

/** One page of a code's coded retrieval, and what the page needs to count and paginate all of it. */
export interface CodeSegmentPage {
  /** The shown page's segments with text and context, in list order. */
  segments: CodedSegment[];
  /** Codings listed on all pages together. */
  total: number;
  /** 1-based; the asked-for page, moved into [1, pageCount]. */
  page: number;
  pageSize: number;
  /** At least 1 (an empty list has one, empty, page). */
  pageCount: number;
  /** 0-based position of `segments[0]` in the whole list. */
  offset: number;
  /** Every listed coding (all pages), without text, for counts and roll-ups. */
  spans: CodedSpan[];
}

/**
 * One page of coded retrieval for a code (and, with `alsoCodeIds`, the codes below it): the
 * list is ordered as {@link listCodedSegments} orders it (source title, position, code name;
 * then the coding's id, so pages never overlap), every listed coding is read without its text
 * for the total and the roll-ups, and only the shown page's sources are read, each once, to cut
 * the excerpts. A core category's 8,700 segments in 300 sources cost one page of text, not 39 MB.
 * @param options.page - 1-based; out-of-range or non-integer pages show the nearest page.
 * @throws AppError NOT_FOUND when the user may not read the project or the code is not in it.
 * @example
 * const { segments, total, spans } = await listCodeSegmentPage({ userId, projectId, codeId, alsoCodeIds: [...below], page: 2 });
 */
export async function listCodeSegmentPage(options: {
  userId: string;
  projectId: string;
  codeId: string;
  /** Also the codings of these codes (the code's subtree, for a category's retrieval). */
  alsoCodeIds?: readonly string[];
  page?: number;
  pageSize?: number;
  /** Code points of context on each side of a segment. */
  context?: number;
}): Promise<CodeSegmentPage> {
  const { projectId } = options;
  const { role } = await requireProjectPermission({ userId: options.userId, projectId, permission: 'project:read' });
  // Blind coding: other coders' codings on blind, unreleased sources stay out (lib/team/blind.ts).
  const blind = await blindCodingWhere({ projectId, viewerId: options.userId, role });
  const codeIds = [...new Set([options.codeId, ...(options.alsoCodeIds ?? [])])];
  // Rank sources by title and codes by name once, then sort on numbers (not 8,700 × log n
  // localeCompare calls). All the project's source titles: one cheap read, where a 300-id IN
  // list is slower.
  const [rows, sources, codes] = await Promise.all([
    db.coding.findMany({ where: { projectId, codeId: { in: codeIds }, ...blind }, select: { id: true, sourceId: true, start: true, end: true, codeId: true } }),
    db.source.findMany({ where: { projectId }, select: { id: true, title: true, kind: true } }),
    db.code.findMany({ where: { projectId, id: { in: codeIds } }, select: { id: true, name: true } }),
  ]);
  if (!codes.some((c) => c.id === options.codeId)) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const sourceById = byId(sources);
  const codeById = byId(codes);
  const rank = <T extends { id: string }>(xs: T[], key: (x: T) => string) =>
    new Map([...xs].sort((a, b) => key(a).localeCompare(key(b)) || compareIds(a.id, b.id)).map((x, i) => [x.id, i]));
  const sourceRank = rank(sources, (s) => s.title);
  const codeRank = rank(codes, (c) => c.name);
  const listed = rows.filter((r) => sourceById.has(r.sourceId) && codeById.has(r.codeId));
  const sourceKey = Int32Array.from(listed, (r) => sourceRank.get(r.sourceId)!);
  const codeKey = Int32Array.from(listed, (r) => codeRank.get(r.codeId)!);
  const order = Array.from(listed, (_, i) => i).sort(
    (a, b) =>
      sourceKey[a] - sourceKey[b] || listed[a].start - listed[b].start || codeKey[a] - codeKey[b] || compareIds(listed[a].id, listed[b].id),
  );
  const sorted = order.map((i) => listed[i]);

  const pageSize = Math.max(1, Math.floor(options.pageSize ?? CODE_SEGMENT_PAGE_SIZE));
  const total = sorted.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const asked = Number.isFinite(options.page) ? Math.floor(options.page!) : 1;
  const page = Math.min(pageCount, Math.max(1, asked));
  const offset = (page - 1) * pageSize;
  const shown = sorted.slice(offset, offset + pageSize);

  const [details, texts] = await Promise.all([
    // By primary key alone (the ids are this project's): with `projectId` in the filter SQLite
    // walks the project's codings index instead (190 ms at 100,000 codings, not 2 ms).
    db.coding.findMany({
      where: { id: { in: shown.map((r) => r.id) } },
      select: { id: true, createdAt: true, coder: { select: { name: true } }, memo: { select: { text: true } } },
    }),
    db.source.findMany({ where: { projectId, id: { in: [...new Set(shown.map((r) => r.sourceId))] } }, select: { id: true, text: true } }),
  ]);
  const detailById = byId(details);
  const textById = new Map(texts.map((s) => [s.id, s.text]));
  const segments: CodedSegment[] = shown.map((r) => {
    const source = sourceById.get(r.sourceId)!;
    const detail = detailById.get(r.id);
    return {
      codingId: r.id,
      sourceId: r.sourceId,
      sourceTitle: source.title,
      sourceKind: source.kind,
      start: r.start,
      end: r.end,
      codeId: r.codeId,
      codeName: codeById.get(r.codeId)!.name,
      coderName: detail?.coder?.name ?? 'Former member',
      memo: detail?.memo?.text ?? '',
      createdAt: detail?.createdAt.toISOString() ?? '',
      ...excerpt(textById.get(r.sourceId) ?? '', r.start, r.end, options.context ?? 120),
    };
  });
  return {
    segments,
    total,
    page,
    pageSize,
    pageCount,
    offset,
    spans: sorted.map((r) => ({ codeId: r.codeId, sourceId: r.sourceId, start: r.start, end: r.end })),
  };
}

/** Code-unit order of ids (the tie-break that makes pages stable), as the database orders them. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
