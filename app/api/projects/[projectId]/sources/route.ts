import { AppError } from '@/lib/errors/app-error';
import { progressStream, wantsProgress } from '@/lib/server/api/progress-stream';
import { apiRoute } from '@/lib/server/api/route';
import { readBytes, readFileNameHeader } from '@/lib/server/api/read-bytes';
import { authorizeSourceUpload, createSourceFromFile } from '@/lib/server/data/source/create-source';
import { listSources } from '@/lib/server/data/source/list-sources';
import { env } from '@/lib/server/env';
import { ZUploadOptionsSchema } from '@/lib/validation/source';

type Params = { projectId: string };

/** GET /api/projects/:id/sources[?folderId=] — members. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const folderId = new URL(request.url).searchParams.get('folderId') ?? undefined;
  return { sources: await listSources({ userId: user.id, projectId: params.projectId, folderId }) };
});

/**
 * POST /api/projects/:id/sources?kind=&folderId=&encoding= — owners and coders upload ONE file
 * per request (so the browser can report progress per file): the raw bytes as the body, the
 * file name URI-encoded in `X-File-Name`. That custom header also keeps cross-site form posts out.
 *
 * The route is outside the request proxy (proxy.ts), so the body is never cut: it is counted
 * as it streams, refused with 413 past the upload limit, and refused with 400 when it ends
 * early; the text is extracted in a worker thread (503 + Retry-After when the import queue is
 * full). Answers 201 `{ source }`; with `Accept: application/x-ndjson`, 200 and one JSON line
 * per import stage (`{"progress":{"stage":"counting"}}`), then the result line
 * (`{"status":201,"source":{…}}` or `{"status":413,"error":"…"}`).
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const fileName = readFileNameHeader(request);
  const query = ZUploadOptionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid upload options.' });
  const folderId = query.data.folderId || null;
  await authorizeSourceUpload({ userId: user.id, projectId: params.projectId, folderId });
  // A little headroom so the importer, not the transport, reports a file just over the limit.
  const bytes = await readBytes(request, Math.round(env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024) + 1);
  const create = (onProgress?: (p: { stage: string }) => void) =>
    createSourceFromFile({
      userId: user.id,
      projectId: params.projectId,
      fileName,
      bytes,
      mimeType: request.headers.get('content-type') ?? undefined,
      kind: query.data.kind,
      folderId,
      encoding: query.data.encoding,
      onProgress,
    });
  if (!wantsProgress(request)) return Response.json({ source: await create() }, { status: 201 });
  return progressStream(async (send) => {
    send({ progress: { stage: 'received' } });
    return { status: 201, source: await create((p) => send({ progress: { stage: p.stage } })) };
  });
});
