import 'server-only';

import { descendantIds } from '@/lib/coding/hierarchy';
import { codedSegmentsCsv, codedSegmentsXlsx, type CodedSegmentRow } from '@/lib/io/export/coded-segments';
import { isSourceKind, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';

import { fileSlug } from '../../api/download';
import { listCodedSegments } from '../coding/list-code-segments';
import { loadHierarchy } from '../hierarchy/load-hierarchy';
import { getProject } from '../project/get-project';
import type { ExportFile } from './export-file';

/**
 * Every coded segment of a project (or one code's, with the codes below it) as a CSV or XLSX
 * table: source, kind, segment, start, end, code, coder, memo, created at. Members only. Runs
 * in a worker thread (lib/server/jobs): at 100,000 codings, loading and writing take seconds.
 * @throws AppError NOT_FOUND
 */
export async function exportCodedSegments(options: { userId: string; userName: string; projectId: string; format: 'csv' | 'xlsx'; codeId?: string }): Promise<ExportFile> {
  const { userId, projectId, codeId } = options;
  const project = await getProject({ userId, projectId });
  // A category's export holds what its page lists: its own codings and those of the codes below it.
  const below = codeId ? [...descendantIds((await loadHierarchy({ userId, projectId })).codes, codeId)] : [];
  const segments = await listCodedSegments({ userId, projectId, codeId, alsoCodeIds: below, context: 0 });
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
  const name = `${fileSlug(project.name)}-coded-segments${codeId && segments[0] ? `-${fileSlug(segments[0].codeName)}` : ''}`;
  if (options.format === 'csv') {
    return { body: new TextEncoder().encode(codedSegmentsCsv(rows)), fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  }
  const body = await codedSegmentsXlsx(rows, { title: `Coded segments: ${project.name}`, creator: options.userName });
  return { body, fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
