import { apiRoute } from '@/lib/server/api/route';
import { previewRefiUpload } from '@/lib/server/data/refi/import-request';

/**
 * POST /api/refi/preview?options={json} — body: a .qdpx file (raw bytes), its name URI-encoded
 * in X-File-Name (the custom header keeps cross-site form posts out). Answers the import
 * preview: counts, levels, coders, errors and warnings. Nothing is stored. Any signed-in user.
 */
export const POST = apiRoute(async ({ user, request }) => previewRefiUpload({ userId: user.id, request }));
