import { apiRoute } from '@/lib/server/api/route';
import { listSourceSpeakers } from '@/lib/server/data/cases/parts';

type Params = { projectId: string; sourceId: string };

/** GET /api/projects/:id/sources/:sourceId/speakers — members: the transcript's speakers with their turn counts. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ speakers: await listSourceSpeakers({ userId: user.id, ...params }) }));
