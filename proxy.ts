import NextAuth from 'next-auth';

import { authConfig } from '@/lib/server/auth/auth.config';

// Next 16's request proxy (formerly middleware): unauthenticated page requests are sent to
// /sign-in, API requests get 401. Pages, actions and routes check again on the server.
const { auth } = NextAuth(authConfig);
export { auth as proxy };

// Source uploads stay out of the proxy: Next buffers a proxied request body and cuts it at the
// proxy's body limit (10 MB), which silently truncated large files. The route authenticates
// itself and counts the body as it streams (lib/server/uploads/receive-upload.ts).
export const config = {
  matcher: ['/((?!api/auth|api/projects/[^/]+/sources$|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
