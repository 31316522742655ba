import { apiRoute } from '@/lib/server/api/route';
import { analysisDiagnostics } from '@/lib/server/data/dataset/diagnostics';

type Params = { projectId: string; analysisId: string };

/**
 * GET /api/projects/:id/analyses/:analysisId/diagnostics — members: the model's residual
 * diagnostics, `{ available: true, diagnostics }` or `{ available: false, reason }` (panel
 * models, by-group runs, kinds without residuals). Computed on demand in a worker.
 */
export const GET = apiRoute<Params>(async ({ user, params }) => analysisDiagnostics({ userId: user.id, ...params }));
