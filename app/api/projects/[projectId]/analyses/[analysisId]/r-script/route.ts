import { apiRoute } from '@/lib/server/api/route';
import { analysisRScript } from '@/lib/server/data/dataset/analysis-export';

type Params = { projectId: string; analysisId: string };

/**
 * GET /api/projects/:id/analyses/:analysisId/r-script — members: an R script (text/plain, UTF-8)
 * reproducing the saved analysis on the CSV of its dataset version (named in the script and in
 * the X-Csv-File-Name header). 400 with the reason when R cannot reproduce the options.
 */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  const script = await analysisRScript({ userId: user.id, ...params });
  return new Response(script.text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `inline; filename="${script.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"`,
      'x-csv-file-name': encodeURIComponent(script.csvFileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
