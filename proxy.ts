import NextAuth from 'next-auth';

import { authConfig } from '@/lib/server/auth/auth.config';

// Next 16's request proxy (formerly middleware): unauthenticated page requests are sent to
// /sign-in, API requests get 401. Pages, actions and routes check again on the server.
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
