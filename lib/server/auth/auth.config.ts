import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration that the proxy (proxy.ts) can load: no database,
 * no password hashing. Providers are added in auth.ts.
 */
export const PUBLIC_PATHS = ['/sign-in', '/sign-up'];

export const authConfig = {
  pages: { signIn: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    /** Runs in the proxy for every matched request. */
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return true;
      if (path.startsWith('/api/')) {
        return auth?.user ? true : Response.json({ error: 'Please sign in.' }, { status: 401 });
      }
      return Boolean(auth?.user); // false → redirect to /sign-in?callbackUrl=…
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
