import { download } from '@/lib/server/api/download';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { exportSaturation } from '@/lib/server/data/saturation/load-saturation';
import { guestOptionsOf, ZSaturationExportQuery } from '@/lib/saturation/schemas';

type Params = { projectId: string };

/** GET /api/projects/:id/saturation/export?format=docx|csv&base=&run=&threshold= — members: the saturation report as Word or CSV. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { format, ...query } = readQuery(request, ZSaturationExportQuery);
  const file = await exportSaturation({ userId: user.id, projectId: params.projectId, format, guest: guestOptionsOf(query) });
  return download(file.body, file);
});
