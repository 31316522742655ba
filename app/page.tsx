import { redirect } from 'next/navigation';

import { currentUser } from '@/lib/server/auth/session';

export default async function Home() {
  redirect((await currentUser()) ? '/projects' : '/sign-in');
}
