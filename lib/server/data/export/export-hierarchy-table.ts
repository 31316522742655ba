import 'server-only';

import { buildHierarchyTable } from '@/lib/coding/hierarchy';
import { hierarchyTableCsv, hierarchyTableDocx, hierarchyTableFilename, hierarchyTableXlsx } from '@/lib/io/export/hierarchy-table';

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
 * @throws AppError NOT_FOUND
 */
export async function exportHierarchyTable(options: { userId: string; projectId: string; format: 'csv' | 'xlsx' | 'docx' }): Promise<ExportFile> {
  const { project, codes, codings } = await loadHierarchy({ userId: options.userId, projectId: options.projectId });
  const table = buildHierarchyTable(codes, codings);
  const { format } = options;
  const fileOptions = { title: 'Grounded theory hierarchy', projectName: project.name };
  const body =
    format === 'csv' ? new TextEncoder().encode(hierarchyTableCsv(table)) : format === 'xlsx' ? await hierarchyTableXlsx(table, fileOptions) : await hierarchyTableDocx(table, fileOptions);
  return { body, fileName: hierarchyTableFilename(project.name, format), contentType: CONTENT_TYPES[format] };
}
