import { z } from 'zod';

import { buildHierarchyTable } from '@/lib/coding/hierarchy';
import { AppError } from '@/lib/errors/app-error';
import { hierarchyTableCsv, hierarchyTableDocx, hierarchyTableFilename, hierarchyTableXlsx } from '@/lib/io/export/hierarchy-table';
import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { loadHierarchy } from '@/lib/server/data/hierarchy/load-hierarchy';

const ZQuery = z.object({ format: z.enum(['csv', 'xlsx', 'docx'], { message: 'format must be csv, xlsx or docx' }) });

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * GET /api/projects/:id/exports/hierarchy?format=docx|xlsx|csv — the hierarchy table in the
 * published layout (Core category | Main category | Category | Concepts, labels and counts):
 * a Word table with merged cells, a spreadsheet with merged cells, or a flat CSV. Members only.
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  const { project, codes, codings } = await loadHierarchy({ userId: user.id, projectId: params.projectId });
  const table = buildHierarchyTable(codes, codings);
  const format = query.data.format;
  const fileName = hierarchyTableFilename(project.name, format);
  const options = { title: 'Grounded theory hierarchy', projectName: project.name };
  const body = format === 'csv' ? hierarchyTableCsv(table) : format === 'xlsx' ? await hierarchyTableXlsx(table, options) : await hierarchyTableDocx(table, options);
  return download(body as BodyInit, { fileName, contentType: CONTENT_TYPES[format] });
});
