import { AppError } from '@/lib/errors/app-error';
import { apiRoute } from '@/lib/server/api/route';
import { eventLoopStatsEnabled, readEventLoopStats, resetEventLoopStats } from '@/lib/server/event-loop';

function assertEnabled() {
  if (!eventLoopStatsEnabled()) throw new AppError('NOT_FOUND');
}

/** GET /api/internal/event-loop — event-loop delay since the last reset (benchmarks only). */
export const GET = apiRoute(async () => {
  assertEnabled();
  return readEventLoopStats();
});

/** POST /api/internal/event-loop — start a new window. 404 unless GROUNDWORK_EVENT_LOOP_STATS=1. */
export const POST = apiRoute(async () => {
  assertEnabled();
  resetEventLoopStats();
});
