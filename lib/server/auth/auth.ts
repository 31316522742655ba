import 'server-only';

import NextAuth, { type AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { cache } from 'react';

import { DEVICE_COOKIE_MAX_AGE_S } from '@/lib/auth/device-cookie';
import type { SignInRefusal } from '@/lib/auth/sign-in-policy';
import { ZSignInSchema } from '@/lib/validation/auth';

import { authorizeCredentials } from './authorize';
import { authConfig } from './auth.config';

/** Auth.js turns `code` into the `?code=` of the sign-in error; the sign-in action reads it. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
/** code: `rate_limited:<refusal>:<seconds to wait>` (lib/auth/sign-in-policy.ts), read by the sign-in action. */
export class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(refusal: SignInRefusal, retryAfterMs: number) {
    super();
    this.code = `rate_limited:${refusal}:${Math.ceil(retryAfterMs / 1000)}`;
  }
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
        if (outcome.ok) {
          // OWASP device cookie: this browser is now a known client of the account.
          if (outcome.device) {
            (await cookies()).set(outcome.device.name, outcome.device.value, {
              httpOnly: true,
              sameSite: 'lax',
              secure: new URL(request.url).protocol === 'https:',
              path: '/',
              maxAge: DEVICE_COOKIE_MAX_AGE_S,
            });
          }
          return outcome.user;
        }
        throw outcome.reason === 'rate_limited' ? new RateLimited(outcome.refusal, outcome.retryAfterMs) : new InvalidCredentials();
      },
    }),
  ],
});

export const { handlers, signIn, signOut } = nextAuth;

/** The session, read once per request. */
export const auth = cache(nextAuth.auth);
