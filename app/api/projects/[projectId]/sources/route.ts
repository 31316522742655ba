import { AppError } from '@/lib/errors/app-error';
import { apiRoute } from '@/lib/server/api/route';
import { readBytes } from '@/lib/server/api/read-bytes';
import { createSourceFromFile } from '@/lib/server/data/source/create-source';
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
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const rawName = request.headers.get('x-file-name');
  if (!rawName) throw new AppError('INVALID_INPUT', { userMessage: 'Send the file name in the X-File-Name header.' });
  let fileName: string;
  try {
    fileName = decodeURIComponent(rawName);
  } catch {
    throw new AppError('INVALID_INPUT', { userMessage: 'The X-File-Name header is not valid URI encoding.' });
  }
  const query = ZUploadOptionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid upload options.' });
  // A little headroom so the importer, not the transport, reports a file just over the limit.
  const bytes = await readBytes(request, Math.round(env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024) + 1);
  const source = await createSourceFromFile({
    userId: user.id,
    projectId: params.projectId,
    fileName,
    bytes,
    mimeType: request.headers.get('content-type') ?? undefined,
    kind: query.data.kind,
    folderId: query.data.folderId || null,
    encoding: query.data.encoding,
  });
  return Response.json({ source }, { status: 201 });
});
