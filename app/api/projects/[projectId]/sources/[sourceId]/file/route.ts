import { AppError } from '@/lib/errors/app-error';
import { apiRoute } from '@/lib/server/api/route';
import { readBytes, readFileNameHeader } from '@/lib/server/api/read-bytes';
import { getReimportBlock, reimportSourceFile } from '@/lib/server/data/source/reimport-source';
import { requireProjectPermission } from '@/lib/server/authz';
import { env } from '@/lib/server/env';
import { ZReimportOptionsSchema } from '@/lib/validation/source';

type Params = { projectId: string; sourceId: string };

/**
 * PUT /api/projects/:id/sources/:sourceId/file?encoding= — owners and coders replace the text
 * of a source that has no codings and no case parts by uploading its file again, usually with
 * another text encoding (`encoding`: any WHATWG label). Body: the raw bytes; the file name
 * URI-encoded in `X-File-Name` (which also keeps cross-site form posts out). Answers 200
 * `{ source: { id, encoding, wordCount, warnings } }`; 409 once the source has codings or case parts.
 */
export const PUT = apiRoute<Params>(async ({ user, params, request }) => {
  const fileName = readFileNameHeader(request);
  const query = ZReimportOptionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid options.' });
  // Refuse strangers, readers and coded sources before reading a byte of the body.
  await requireProjectPermission({ userId: user.id, projectId: params.projectId, permission: 'sources:write' });
  if (await getReimportBlock({ userId: user.id, ...params })) {
    throw new AppError('CONFLICT', { userMessage: 'This source already has codings or case parts, so its text cannot be replaced. Upload the file again as a new source instead.' });
  }
  const bytes = await readBytes(request, Math.round(env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024) + 1);
  const source = await reimportSourceFile({
    userId: user.id,
    projectId: params.projectId,
    sourceId: params.sourceId,
    fileName,
    bytes,
    mimeType: request.headers.get('content-type') ?? undefined,
    encoding: query.data.encoding,
  });
  return { source };
});
