import 'server-only';

import { DEMO_EMAIL } from '@/lib/demo';

import { db } from '../../db/client';

/** True on the embedded default after seeding: the sign-in page then shows the demo login. */
export async function hasDemoAccount(): Promise<boolean> {
  return (await db.user.count({ where: { email: DEMO_EMAIL } })) > 0;
}
