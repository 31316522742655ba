import 'server-only';

import { db } from '../../db/client';

/** Only for the credentials check: the one place a password hash leaves the database. */
export function getUserForSignIn(options: { email: string }) {
  return db.user.findUnique({
    where: { email: options.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}
