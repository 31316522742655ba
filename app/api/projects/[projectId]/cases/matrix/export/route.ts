import { download } from '@/lib/server/api/download';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { exportCaseMatrix } from '@/lib/server/data/cases/matrix';
import { ZMatrixExportQuery } from '@/lib/validation/cases';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/matrix/export?format=csv|xlsx|docx&level=&mode=&attributes= — members: the case table of a multi-case study. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { format, level, mode, attributes } = readQuery(request, ZMatrixExportQuery);
  const file = await exportCaseMatrix({ userId: user.id, projectId: params.projectId, format, level, mode, attributeIds: attributes });
  return download(file.body as BodyInit, file);
});
