import { progressStream, wantsProgress } from '@/lib/server/api/progress-stream';
import { apiRoute, readJson } from '@/lib/server/api/route';
import { listAnalyses } from '@/lib/server/data/dataset/analyses';
import { runAndSaveAnalysis } from '@/lib/server/data/dataset/dataset-work';
import { ZAnalysisSpec } from '@/lib/validation/dataset';

type Params = { projectId: string; datasetId: string };

/** GET /api/projects/:id/datasets/:datasetId/analyses — members: saved analyses, newest first (without results). */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ analyses: await listAnalyses({ userId: user.id, ...params }) }));

/**
 * POST /api/projects/:id/datasets/:datasetId/analyses {kind, options, title?, versionId?} —
 * owners and coders run an analysis (the CLI's options) in a worker and save it. 201
 * `{ analysis }`. With `Accept: application/x-ndjson`: progress lines
 * (`{"progress":{"stage":"bootstrap","done":1200,"total":5000}}`) then the result line. Closing
 * the request cancels the run; nothing is saved.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const spec = await readJson(request, ZAnalysisSpec);
  const run = (onProgress?: (p: { stage: string; done?: number; total?: number }) => void) =>
    runAndSaveAnalysis({ userId: user.id, ...params, spec, onProgress, signal: request.signal });
  if (!wantsProgress(request)) return Response.json({ analysis: await run() }, { status: 201 });
  return progressStream(async (send) => {
    // Bootstrap progress arrives every 1 % of the draws; the browser needs no more than that.
    return { status: 201, analysis: await run((p) => send({ progress: p })) };
  });
});
