import { apiRoute } from '@/lib/server/api/route';
import { importRefiUpload } from '@/lib/server/data/refi/import-request';

/**
 * POST /api/refi/import?options={json} — body: a .qdpx file (raw bytes), its name in
 * X-File-Name. Options: `levelMapping` (groundwork | nesting | flat), `coders` (REFI user GUID →
 * me | placeholder), `name`. Creates a new project owned by the user, in one transaction;
 * answers 201 `{ projectId, counts }`, or 400 naming the first problem (nothing stored).
 * Any signed-in user.
 */
export const POST = apiRoute(async ({ user, request }) => Response.json(await importRefiUpload({ userId: user.id, request }), { status: 201 }));
