import 'server-only';

import { db } from '../../db/client';

export async function clearLoginFailures(options: { key: string }): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: options.key } });
}
