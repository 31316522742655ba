import 'server-only';

import { descendantIds, indexHierarchy } from '@/lib/coding/hierarchy';
import { codedSegmentsCsv, codedSegmentsXlsx, type CodedSegmentRow } from '@/lib/io/export/coded-segments';
import { isSourceKind, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';
import { formatTimestamp } from '@/lib/sources/markers';
import { locateSegment } from '@/lib/sources/segment-location';

import { fileSlug } from '../../api/download';
import { listCodedSegments } from '../coding/list-code-segments';
import { loadHierarchyCodes } from '../hierarchy/load-hierarchy';
import { getProject } from '../project/get-project';
import { loadSourceContexts } from '../source/load-source-layouts';
import type { ExportFile } from './export-file';

/**
 * Every coded segment of a project (or one code's, with the codes below it) as a CSV or XLSX
 * table: source, kind, case, page, speaker, timestamp, paragraph, segment, start, end, code
 * label, code, the categories above it, coder, memo, created at. Members only. Runs
 * in a worker thread (lib/server/jobs): at 100,000 codings, loading and writing take seconds.
 * @throws AppError NOT_FOUND
 */
export async function exportCodedSegments(options: { userId: string; userName: string; projectId: string; format: 'csv' | 'xlsx'; codeId?: string }): Promise<ExportFile> {
  const { userId, projectId, codeId } = options;
  const project = await getProject({ userId, projectId });
  const { codes } = await loadHierarchyCodes({ userId, projectId });
  // A category's export holds what its page lists: its own codings and those of the codes below it.
  const below = codeId ? [...descendantIds(codes, codeId)] : [];
  const segments = await listCodedSegments({ userId, projectId, codeId, alsoCodeIds: below, context: 0 });
  const contexts = await loadSourceContexts({ userId, projectId, sourceIds: segments.map((s) => s.sourceId) });
  const { byId, parentOf } = indexHierarchy(codes);
  const title = (c: { label: string; name: string }) => (c.label ? `${c.label} ${c.name}` : c.name);
  const paths = new Map<string, string>();
  const pathOf = (id: string) => {
    let path = paths.get(id);
    if (path === undefined) {
      const above: string[] = [];
      for (let p = parentOf.get(id); p; p = parentOf.get(p)) above.push(title(byId.get(p)!));
      paths.set(id, (path = above.join(' / ')));
    }
    return path;
  };
  const rows: CodedSegmentRow[] = segments.map((s) => {
    const context = contexts.get(s.sourceId);
    const at = context ? locateSegment(context.layout, s.start, s.end) : undefined;
    return {
      source: s.sourceTitle,
      kind: isSourceKind(s.sourceKind) ? SOURCE_KIND_LABELS[s.sourceKind] : s.sourceKind,
      caseName: context?.caseName ?? '',
      page: at?.page ?? null,
      speaker: at?.speaker ?? '',
      timestamp: at?.startMs !== undefined ? formatTimestamp(at.startMs) : '',
      paragraph: at?.paragraph ?? 1,
      text: s.text,
      start: s.start,
      end: s.end,
      codeLabel: byId.get(s.codeId)?.label ?? '',
      code: s.codeName,
      codePath: pathOf(s.codeId),
      coder: s.coderName,
      memo: s.memo,
      createdAt: s.createdAt,
    };
  });
  const name = `${fileSlug(project.name)}-coded-segments${codeId && segments[0] ? `-${fileSlug(segments[0].codeName)}` : ''}`;
  if (options.format === 'csv') {
    return { body: new TextEncoder().encode(codedSegmentsCsv(rows)), fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  }
  const body = await codedSegmentsXlsx(rows, { title: `Coded segments: ${project.name}`, creator: options.userName });
  return { body, fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
