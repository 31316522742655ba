import 'server-only';

import { db } from '../../db/client';

/** Records one failed sign-in under each key; rows older than a day are pruned on the way. */
export async function recordLoginFailure(options: { keys: string[]; at: Date }): Promise<void> {
  await db.$transaction([
    db.loginAttempt.createMany({ data: options.keys.map((key) => ({ key, createdAt: options.at })) }),
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(options.at.getTime() - 24 * 3600_000) } } }),
  ]);
}
