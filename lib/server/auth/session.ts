import 'server-only';

import { redirect } from 'next/navigation';

import { AppError } from '@/lib/errors/app-error';

import { getSessionUser as loadUser } from '../data/user/get-session-user';
import { auth } from './auth';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, or null (also when the account no longer exists). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadUser({ userId: id });
}

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** For server actions (reachable by direct POST): the user, or an AppError. */
export async function requireActionUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError('UNAUTHORIZED');
  return user;
}
