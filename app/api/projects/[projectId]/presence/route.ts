import { z } from 'zod';

import { apiRoute, readJson } from '@/lib/server/api/route';
import { checkPresence } from '@/lib/server/data/events/events-after';
import { publishPresence } from '@/lib/server/realtime/hub';

type Params = { projectId: string };

const ZPresence = z.object({
  client: z.string().regex(/^[\w-]{8,64}$/, 'client must be 8–64 letters, digits, - or _'),
  sourceId: z.string().min(1).max(100).nullable().optional(),
  mode: z.enum(['viewing', 'coding']).default('viewing'),
  /** The tab is going away (page hidden or closed). */
  leave: z.boolean().optional(),
});

/**
 * POST /api/projects/:id/presence {client, sourceId?, mode: 'viewing'|'coding', leave?} —
 * members (`project:read`): the tab's presence heartbeat (about every 15 s and on change; an
 * entry expires after 45 s without one), shared with every instance. 204.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZPresence);
  const sourceId = input.sourceId ?? null;
  await checkPresence({ userId: user.id, projectId: params.projectId, sourceId });
  if (input.leave) await publishPresence({ kind: 'leave', projectId: params.projectId, clientId: input.client });
  else await publishPresence({ kind: 'beat', projectId: params.projectId, clientId: input.client, userId: user.id, name: user.name, sourceId, mode: input.mode });
});
