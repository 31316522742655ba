import { download } from '@/lib/server/api/download';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { exportJointDisplay } from '@/lib/server/data/mixed/joint-display';
import { ZJointDisplayExportQuery } from '@/lib/validation/mixed';

type Params = { projectId: string };

/** GET /api/projects/:id/joint-display/export?format=docx|xlsx&under=&order= — members: the joint display as a Word table (landscape) or an Excel sheet. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { format, ...filter } = readQuery(request, ZJointDisplayExportQuery);
  const file = await exportJointDisplay({ userId: user.id, projectId: params.projectId, format, filter });
  return download(file.body, file);
});
