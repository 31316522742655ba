import { z } from 'zod';

import { descendantIds } from '@/lib/coding/hierarchy';
import { AppError } from '@/lib/errors/app-error';
import { codedSegmentsCsv, codedSegmentsXlsx, type CodedSegmentRow } from '@/lib/io/export/coded-segments';
import { download, fileSlug } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { listCodedSegments } from '@/lib/server/data/coding/list-code-segments';
import { loadHierarchy } from '@/lib/server/data/hierarchy/load-hierarchy';
import { getProject } from '@/lib/server/data/project/get-project';
import { isSourceKind, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';

const ZQuery = z.object({ format: z.enum(['csv', 'xlsx'], { message: 'format must be csv or xlsx' }), codeId: z.string().max(64).optional() });

/**
 * GET /api/projects/:id/exports/coded-segments?format=csv|xlsx[&codeId=] — every coded segment
 * (or one code's) as a table: source, kind, segment, start, end, code, coder, memo, created at.
 * Members only; cells that a spreadsheet would run as formulas are neutralised.
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  const project = await getProject({ userId: user.id, projectId: params.projectId });
  // A category's export holds what its page lists: its own codings and those of the codes below it.
  const below = query.data.codeId ? [...descendantIds((await loadHierarchy({ userId: user.id, projectId: params.projectId })).codes, query.data.codeId)] : [];
  const segments = await listCodedSegments({ userId: user.id, projectId: params.projectId, codeId: query.data.codeId, alsoCodeIds: below, context: 0 });
  const rows: CodedSegmentRow[] = segments.map((s) => ({
    source: s.sourceTitle,
    kind: isSourceKind(s.sourceKind) ? SOURCE_KIND_LABELS[s.sourceKind] : s.sourceKind,
    text: s.text,
    start: s.start,
    end: s.end,
    code: s.codeName,
    coder: s.coderName,
    memo: s.memo,
    createdAt: s.createdAt,
  }));
  const name = `${fileSlug(project.name)}-coded-segments${query.data.codeId && segments[0] ? `-${fileSlug(segments[0].codeName)}` : ''}`;
  if (query.data.format === 'csv') {
    return download(codedSegmentsCsv(rows), { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' });
  }
  const bytes = await codedSegmentsXlsx(rows, { title: `Coded segments: ${project.name}`, creator: user.name });
  return download(bytes, { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
});
