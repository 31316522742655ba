import { AppError } from '@/lib/errors/app-error';
import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { exportComparison } from '@/lib/server/data/dataset/analysis-export';

import { readExportQuery } from '../../export-query';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/analyses/compare/export?ids=a,b,c&format=docx|xlsx|csv|tex|html&style=apa|econ&decimals=3[&title=]
 * — members: saved regression models side by side ((1) (2) (3), coef with stars, SE in parentheses).
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const q = readExportQuery(request);
  const ids = (q.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length < 2) throw new AppError('INVALID_INPUT', { userMessage: 'Choose at least two analyses to compare (ids=a,b).' });
  const file = await exportComparison({ userId: user.id, projectId: params.projectId, ids, format: q.format, style: q.style, decimals: q.decimals, title: q.title });
  return download(file.body, file);
});
