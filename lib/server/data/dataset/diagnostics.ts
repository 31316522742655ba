import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { DiagnosticsOutcome } from '@/lib/jobs/analysis-diagnostics';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';
import { loadDatasetVersion } from './datasets';

/**
 * Residual diagnostics of a saved analysis (members): the model is refitted in a worker on the
 * version the analysis ran on (lib/jobs/analysis-diagnostics.ts), so the result matches the
 * saved table even when the dataset has newer versions. Computed on demand, not stored.
 *
 * @param options - the acting user, project and analysis.
 * @returns `{ available: true, diagnostics }` (fitted, residuals, focal X and Y — at most 5000
 *   evenly spaced cases — plus the histogram and Q–Q sample of all residuals), or
 *   `{ available: false, reason }` for panel models, by-group runs and kinds without residuals.
 * @throws AppError NOT_FOUND (not a member, or no such analysis in the project) |
 *   INVALID_INPUT (the data cannot be refitted; the library's message) | BUSY
 */
export async function analysisDiagnostics(options: { userId: string; projectId: string; analysisId: string }): Promise<DiagnosticsOutcome> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const analysis = await db.analysis.findFirst({
    where: { id: options.analysisId, dataset: { projectId: options.projectId } },
    select: { kind: true, spec: true, datasetId: true, versionId: true },
  });
  if (!analysis) throw new AppError('NOT_FOUND', { userMessage: 'Analysis not found.' });
  const spec = JSON.parse(analysis.spec) as { options: string[] };
  const version = await loadDatasetVersion({ userId: options.userId, projectId: options.projectId, datasetId: analysis.datasetId, versionId: analysis.versionId });
  return runJob(
    'analysisDiagnostics',
    { version: { versionId: version.id, variables: version.variables, rowCount: version.rowCount, data: version.data }, kind: analysis.kind, options: spec.options },
    { transfer: [version.data.buffer as ArrayBuffer] },
  );
}
