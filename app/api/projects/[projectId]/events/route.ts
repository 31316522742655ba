import { z } from 'zod';

import { apiRoute, readQuery } from '@/lib/server/api/route';
import { startEventStream } from '@/lib/server/data/events/events-after';
import { projectEventStream } from '@/lib/server/realtime/stream';

type Params = { projectId: string };

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  client: z.string().regex(/^[\w-]{8,64}$/, 'client must be 8–64 letters, digits, - or _').optional(),
});

/**
 * GET /api/projects/:id/events[?after=<seq>&client=<tab id>] — members (`project:read`): the
 * project's live changes as server-sent events. Starts after the `Last-Event-ID` header (a
 * reconnecting browser) or `after` (a catch-up), else from now; then `hello {after}`, events
 * as `id: <seq>` / `event: change` / `data: <ProjectEventView>` in seq order (`skip {from,
 * through}` for what a blind coder may not see), `presence` snapshots, and a keep-alive
 * comment every 20 s. `client` names the tab's presence entry, removed when the stream closes.
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const query = readQuery(request, ZQuery);
  const header = request.headers.get('last-event-id');
  const fromHeader = header && /^\d+$/.test(header) ? Number(header) : null;
  const { after, role } = await startEventStream({ userId: user.id, projectId: params.projectId, after: fromHeader ?? query.after ?? null });
  const body = projectEventStream({ userId: user.id, projectId: params.projectId, role, after, clientId: query.client ?? null, signal: request.signal });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      // nginx and similar proxies must pass the stream through unbuffered.
      'X-Accel-Buffering': 'no',
    },
  });
});
