import 'server-only';

import { db } from '../../db/client';

/** Times of failed sign-ins for one rate-limit key since `since`. */
export async function listLoginFailures(options: { key: string; since: Date }): Promise<Date[]> {
  const rows = await db.loginAttempt.findMany({
    where: { key: options.key, createdAt: { gt: options.since } },
    select: { createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  });
  return rows.map((r) => r.createdAt);
}
