import 'server-only';

import NextAuth, { type AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cache } from 'react';

import { ZSignInSchema } from '@/lib/validation/auth';

import { authorizeCredentials } from './authorize';
import { authConfig } from './auth.config';

/** Auth.js turns `code` into the `?code=` of the sign-in error; the sign-in action reads it. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
export class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

const nextAuth = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, reported to the user, not a server error.
    error(error) {
      if ((error as AuthError).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = ZSignInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await authorizeCredentials(parsed.data, request.headers);
        if (outcome.ok) return outcome.user;
        throw outcome.reason === 'rate_limited' ? new RateLimited() : new InvalidCredentials();
      },
    }),
  ],
});

export const { handlers, signIn, signOut } = nextAuth;

/** The session, read once per request. */
export const auth = cache(nextAuth.auth);
