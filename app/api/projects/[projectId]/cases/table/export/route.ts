import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { exportAttributeTableCsv } from '@/lib/server/data/cases/attributes';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/table/export — members: the attribute table as CSV (the layout the import reads). */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  const file = await exportAttributeTableCsv({ userId: user.id, projectId: params.projectId });
  return download(file.body, { fileName: file.fileName, contentType: 'text/csv; charset=utf-8' });
});
