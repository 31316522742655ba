import { AppError } from '@/lib/errors/app-error';
import { progressStream, wantsProgress } from '@/lib/server/api/progress-stream';
import { apiRoute } from '@/lib/server/api/route';
import { readBytes, readFileNameHeader } from '@/lib/server/api/read-bytes';
import { authorizeSourceUpload, createSourceFromFile, DuplicateSourceError } from '@/lib/server/data/source/create-source';
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
 * POST /api/projects/:id/sources?kind=&folderId=&encoding=&duplicates= — owners and coders upload ONE file
 * per request (so the browser can report progress per file): the raw bytes as the body, the
 * file name URI-encoded in `X-File-Name`. That custom header also keeps cross-site form posts out.
 *
 * The route is outside the request proxy (proxy.ts), so the body is never cut: it is counted
 * as it streams, refused with 413 past the upload limit, and refused with 400 when it ends
 * early; the text is extracted in a worker thread (503 + Retry-After when the import queue is
 * full). Answers 201 `{ source }`; with `Accept: application/x-ndjson`, 200 and one JSON line
 * per import stage (`{"progress":{"stage":"counting"}}`), then the result line
 * (`{"status":201,"source":{…}}` or `{"status":413,"error":"…"}`).
 *
 * The same file twice (same SHA-256 of the bytes as a source of the project): nothing is
 * stored, and with `duplicates=ask` (the default) the answer is 409 `{ error, duplicateOf:
 * { id, title } }`, with `duplicates=skip` 200 `{ skipped: true, duplicateOf }`; with
 * `duplicates=keep` the file is imported anyway. `encoding=` forces the text encoding of a text
 * file (any WHATWG label: utf-8, utf-16le, gb18030, big5, shift_jis, windows-1252, …).
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
      duplicates: query.data.duplicates,
      onProgress,
    });
  // A duplicate is an answer, not a failure: its body names the source already there.
  const answer = async (onProgress?: (p: { stage: string }) => void) => {
    try {
      return { status: 201, source: await create(onProgress) };
    } catch (error) {
      if (!(error instanceof DuplicateSourceError)) throw error;
      return query.data.duplicates === 'skip'
        ? { status: 200, skipped: true, duplicateOf: error.duplicateOf }
        : { status: 409, error: error.userMessage, duplicateOf: error.duplicateOf };
    }
  };
  if (!wantsProgress(request)) {
    const { status, ...body } = await answer();
    return Response.json(body, { status });
  }
  return progressStream(async (send) => {
    send({ progress: { stage: 'received' } });
    return answer((p) => send({ progress: { stage: p.stage } }));
  });
});
