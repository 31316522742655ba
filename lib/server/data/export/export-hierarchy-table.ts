import 'server-only';

import { buildHierarchyTable } from '@/lib/coding/hierarchy';
import { hierarchyTableCsv, hierarchyTableDocx, hierarchyTableFilename, hierarchyTableXlsx, type LinkedConstructs } from '@/lib/io/export/hierarchy-table';

import { loadHierarchy } from '../hierarchy/load-hierarchy';
import type { ExportFile } from './export-file';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * The hierarchy table in the published layout (Core category | Main category | Category |
 * Concepts, labels and counts): a Word table with merged cells, a spreadsheet with merged cells,
 * or a flat CSV. Members only. Runs in a worker thread (lib/server/jobs).
 *
 * @param options.links - the codes' links to survey constructs with their figures (the caller
 *   loads them with `linkBadges`, on the request thread, since figures run jobs of their own):
 *   adds the columns "Linked construct", "α", "M (SD)", "Strongest coefficient" (DOCX turns
 *   landscape).
 * @throws AppError NOT_FOUND
 */
export async function exportHierarchyTable(options: { userId: string; projectId: string; format: 'csv' | 'xlsx' | 'docx'; links?: LinkedConstructs }): Promise<ExportFile> {
  const { project, codes, codings } = await loadHierarchy({ userId: options.userId, projectId: options.projectId });
  const table = buildHierarchyTable(codes, codings);
  const { format, links } = options;
  const fileOptions = { title: 'Grounded theory hierarchy', projectName: project.name, links };
  const body =
    format === 'csv' ? new TextEncoder().encode(hierarchyTableCsv(table, { links })) : format === 'xlsx' ? await hierarchyTableXlsx(table, fileOptions) : await hierarchyTableDocx(table, fileOptions);
  return { body, fileName: hierarchyTableFilename(project.name, format), contentType: CONTENT_TYPES[format] };
}
