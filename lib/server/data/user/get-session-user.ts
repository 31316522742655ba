import 'server-only';

import { db } from '../../db/client';

export function getSessionUser(options: { userId: string }) {
  return db.user.findUnique({ where: { id: options.userId }, select: { id: true, email: true, name: true } });
}
