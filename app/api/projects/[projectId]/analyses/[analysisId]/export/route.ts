import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { exportAnalysis } from '@/lib/server/data/dataset/analysis-export';

import { readExportQuery } from '../../export-query';

type Params = { projectId: string; analysisId: string };

/**
 * GET /api/projects/:id/analyses/:analysisId/export?format=docx|xlsx|csv|tex|html&style=apa|econ&decimals=3
 * — members: the saved analysis as a publication table (the table the result page shows).
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const q = readExportQuery(request);
  const file = await exportAnalysis({ userId: user.id, ...params, format: q.format, style: q.style, decimals: q.decimals });
  return download(file.body, file);
});
