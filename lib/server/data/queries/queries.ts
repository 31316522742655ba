import 'server-only';

import { toCodeLevel } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';
import type { MatrixSpec, QueryData } from '@/lib/queries/run';
import { type TCellQuery, type TMatrixExportQuery, type TMatrixQuery, type TRetrievalQuery, toQueryFilter } from '@/lib/queries/schema';
import type { CodeMatrix, CoOccurrenceMatrix, QuerySegment } from '@/lib/queries/types';
import { SOURCE_KINDS, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';
import { describeLocation, locateSegment } from '@/lib/sources/segment-location';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { blindCodingWhere } from '../agreement/blind';
import { runJob } from '../../jobs/pool';
import { fileSlug } from '../../api/download';
import { loadCaseRanges } from '../cases/parts';
import { excerpts } from '../mixed/excerpts';
import { loadSourceContexts } from '../source/load-source-layouts';
import type { CellView, SegmentView } from './types';

type Ids = { userId: string; projectId: string };

/** Drill-downs list at most this many segments (the rest are counted). */
export const DRILL_DOWN_MAX = 300;

/**
 * The project's codes, codings, sources, cases, case attribute values and each case's text
 * (whole sources and parts, lib/cases/parts.ts) as the queries read them; source texts only when `texts` (paragraph and turn units need them), and then only of
 * sources that have codings. Members only; other coders' codings on blind, unreleased sources
 * are left out for members who may not see them (lib/team/blind.ts).
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function loadQueryData(options: Ids & { texts?: boolean }): Promise<QueryData> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const projectId = options.projectId;
  const blind = await blindCodingWhere({ projectId, viewerId: options.userId, role });
  const [codes, codings, sources, cases, caseValues, { ranges: caseRanges }] = await Promise.all([
    db.code.findMany({ where: { projectId }, select: { id: true, label: true, name: true, level: true, parentId: true, color: true } }),
    db.coding.findMany({ where: { projectId, ...blind }, select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true, createdAt: true } }),
    db.source.findMany({ where: { projectId }, orderBy: [{ title: 'asc' }, { id: 'asc' }], select: { id: true, title: true, kind: true, caseId: true } }),
    db.case.findMany({ where: { projectId }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } }),
    db.caseAttributeValue.findMany({ where: { case: { projectId } }, select: { caseId: true, attributeId: true, value: true } }),
    loadCaseRanges(projectId),
  ]);
  const texts = new Map<string, { text: string; structure: string | null }>();
  if (options.texts) {
    const coded = [...new Set(codings.map((c) => c.sourceId))];
    // A few at a time: a project's texts together can be large.
    for (let i = 0; i < coded.length; i += 20) {
      const rows = await db.source.findMany({ where: { id: { in: coded.slice(i, i + 20) }, projectId }, select: { id: true, text: true, structure: true } });
      for (const r of rows) texts.set(r.id, { text: r.text, structure: r.structure });
    }
  }
  return {
    codes: codes.map((c) => ({ ...c, level: toCodeLevel(c.level) })),
    codings: codings.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    sources: sources.map((s) => ({ ...s, ...texts.get(s.id) })),
    cases,
    caseValues,
    caseRanges,
  };
}

function specOf(q: TMatrixQuery, data: QueryData): MatrixSpec {
  if (q.matrix !== 'cooccurrence') return { matrix: q.matrix };
  // Default level: categories when the project has any, else concepts.
  return { matrix: 'cooccurrence', unit: q.unit, level: q.level ?? (data.codes.some((c) => c.level === 2) ? 2 : 1) };
}

/** A matrix (code × source, code × case or co-occurrence) under the query's filters (members). */
export async function queryMatrix(options: Ids & { query: TMatrixQuery }): Promise<CodeMatrix | CoOccurrenceMatrix> {
  const data = await loadQueryData({ ...options, texts: options.query.matrix === 'cooccurrence' && options.query.unit !== 'overlap' });
  return runJob('queryMatrix', { data, filter: toQueryFilter(options.query), spec: specOf(options.query, data) });
}


/** Source title, then position: the order drill-downs list things in. */
function byTitle<T extends { sourceId: string; start: number; end: number }>(data: QueryData, items: readonly T[]): T[] {
  const rank = new Map(data.sources.map((s, i) => [s.id, i]));
  return [...items].sort((x, y) => (rank.get(x.sourceId) ?? 0) - (rank.get(y.sourceId) ?? 0) || x.start - y.start || x.end - y.end);
}

async function segmentViews(ids: Ids, data: QueryData, segments: readonly QuerySegment[]): Promise<SegmentView[]> {
  const title = new Map(data.sources.map((s) => [s.id, s.title]));
  const codeName = new Map(data.codes.map((c) => [c.id, c.label ? `${c.label} ${c.name}` : c.name]));
  const coderIds = [...new Set(segments.flatMap((s) => s.coderIds).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: coderIds } }, select: { id: true, name: true } });
  const coderName = new Map(users.map((u) => [u.id, u.name]));
  const [texts, contexts] = await Promise.all([excerpts(segments), loadSourceContexts({ ...ids, sourceIds: segments.map((s) => s.sourceId) })]);
  const where = (s: QuerySegment) => {
    const context = contexts.get(s.sourceId);
    return context ? describeLocation(locateSegment(context.layout, s.start, s.end)) : '';
  };
  return segments.map((s, i) => ({
    sourceId: s.sourceId,
    sourceTitle: title.get(s.sourceId) ?? '',
    start: s.start,
    end: s.end,
    location: where(s),
    text: texts[i],
    codingId: s.codingIds[0],
    codes: s.codeIds.map((id) => codeName.get(id) ?? ''),
    coders: s.coderIds.map((id) => (id === null ? 'Deleted user' : (coderName.get(id) ?? 'Former member'))),
  }));
}

/** The segments behind one matrix cell, with their texts (members). */
export async function queryCell(options: Ids & { query: TCellQuery }): Promise<CellView> {
  const { query } = options;
  const data = await loadQueryData({ ...options, texts: query.matrix === 'cooccurrence' && query.unit !== 'overlap' });
  const codeIds = new Set(data.codes.map((c) => c.id));
  if (!codeIds.has(query.row) || (query.matrix === 'cooccurrence' && !codeIds.has(query.column))) throw new AppError('NOT_FOUND', { userMessage: 'That code is no longer in the project; reload the matrix.' });
  if (query.matrix === 'cooccurrence' && query.row === query.column) throw new AppError('INVALID_INPUT', { userMessage: 'A code does not co-occur with itself; choose a cell off the diagonal.' });
  const result = await runJob('queryCell', { data, filter: toQueryFilter(query), spec: specOf(query, data), row: query.row, column: query.column });
  if ('segments' in result) {
    return { kind: 'segments', total: result.segments.length, segments: await segmentViews(options, data, byTitle(data, result.segments).slice(0, DRILL_DOWN_MAX)) };
  }
  // Units, each with its segments, until the cap on segments is reached.
  const shown: typeof result.hits = [];
  let count = 0;
  for (const h of byTitle(data, result.hits)) {
    if (count + h.segments.length > DRILL_DOWN_MAX && shown.length > 0) break;
    shown.push(h);
    count += h.segments.length;
  }
  const views = await segmentViews(options, data, shown.flatMap((h) => h.segments));
  const title = new Map(data.sources.map((s) => [s.id, s.title]));
  let at = 0;
  const units = shown.map((h) => {
    const segments = views.slice(at, at + h.segments.length);
    at += h.segments.length;
    const heading = h.number === undefined ? 'Overlapping segments' : query.unit === 'turn' ? `Turn ${h.number}${h.speaker ? ` · ${h.speaker}` : ''}` : `Paragraph ${h.number}`;
    return { sourceId: h.sourceId, sourceTitle: title.get(h.sourceId) ?? '', heading, start: h.start, end: h.end, segments };
  });
  return { kind: 'units', total: result.hits.length, units };
}

/** Boolean coded retrieval with texts (members). */
export async function queryRetrieval(options: Ids & { query: TRetrievalQuery }): Promise<{ total: number; segments: SegmentView[] }> {
  const data = await loadQueryData(options);
  const codeIds = new Set(data.codes.map((c) => c.id));
  if (!codeIds.has(options.query.a) || !codeIds.has(options.query.b)) throw new AppError('NOT_FOUND', { userMessage: 'That code is no longer in the project; reload the page.' });
  const segments = await runJob('queryRetrieval', { data, filter: toQueryFilter(options.query), operator: options.query.operator, a: options.query.a, b: options.query.b });
  return { total: segments.length, segments: await segmentViews(options, data, byTitle(data, segments).slice(0, DRILL_DOWN_MAX)) };
}

const MATRIX_TITLE = { source: 'Code × source', case: 'Code × case', cooccurrence: 'Code co-occurrence' } as const;

/** A matrix as CSV or XLSX, written in a worker (members). */
export async function exportMatrix(options: Ids & { query: TMatrixExportQuery }): Promise<{ body: Uint8Array<ArrayBuffer>; fileName: string; contentType: string }> {
  const { query } = options;
  const data = await loadQueryData({ ...options, texts: query.matrix === 'cooccurrence' && query.unit !== 'overlap' });
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } });
  const spec = specOf(query, data);
  const what = spec.matrix === 'cooccurrence' ? `${MATRIX_TITLE.cooccurrence} (${spec.unit === 'overlap' ? 'overlapping spans' : spec.unit === 'paragraph' ? 'same paragraph' : 'same speaker turn'})` : MATRIX_TITLE[spec.matrix];
  const body = await runJob('queryExport', { data, filter: toQueryFilter(query), spec, format: query.format, value: query.value, title: `${what}: ${project.name}` });
  return {
    body: body as Uint8Array<ArrayBuffer>,
    fileName: `${fileSlug(`${project.name}-${MATRIX_TITLE[query.matrix]}`)}.${query.format}`,
    contentType: query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/** What the Queries page offers: codes, coders, source kinds, case attributes and their values (members). */
export async function queryOptions(options: Ids) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const projectId = options.projectId;
  const [codes, coders, attributes] = await Promise.all([
    db.code.findMany({ where: { projectId }, select: { id: true, label: true, name: true, level: true, parentId: true, color: true } }),
    db.user.findMany({ where: { codings: { some: { projectId } } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.caseAttribute.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, values: { select: { value: true } } } }),
  ]);
  return {
    codes: codes.map((c) => ({ ...c, level: toCodeLevel(c.level) })),
    coders,
    kinds: SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] })),
    attributes: attributes.map((a) => ({ id: a.id, name: a.name, values: [...new Set(a.values.map((v) => v.value).filter((v) => v !== ''))].sort() })),
  };
}
export type QueryOptions = Awaited<ReturnType<typeof queryOptions>>;
