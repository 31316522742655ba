import 'server-only';

import { clientAddress } from '@/lib/auth/client-address';
import { deviceCookieName, issueDeviceToken, readCookie, verifyDeviceToken } from '@/lib/auth/device-cookie';
import { decideSignIn, failureKeys, SIGN_IN_POLICY, type SignInRefusal, signInKeys } from '@/lib/auth/sign-in-policy';
import type { TSignIn } from '@/lib/validation/auth';

import { clearLoginFailures } from '../data/login-attempt/clear-login-failures';
import { listLoginFailures } from '../data/login-attempt/list-login-failures';
import { recordLoginFailure } from '../data/login-attempt/record-login-failure';
import { getUserForSignIn } from '../data/user/get-user-for-sign-in';
import { env } from '../env';
import { verifyPassword } from './password';

export type AuthorizeOutcome =
  | {
      ok: true;
      user: { id: string; email: string; name: string };
      /** The device cookie to set (a new one for a client that had none for this account). */
      device: { name: string; value: string } | null;
    }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; refusal: SignInRefusal; retryAfterMs: number };

let warned = false;

/** The client address for the per-client limits (lib/auth/client-address.ts). */
export function clientIp(headers: Headers): string {
  const { GROUNDWORK_TRUST_PROXY, GROUNDWORK_CLIENT_ADDRESS_HEADER } = env();
  const found = clientAddress(headers, { trustProxy: GROUNDWORK_TRUST_PROXY, socketHeader: GROUNDWORK_CLIENT_ADDRESS_HEADER });
  if (found.source === 'forwarded-for' && !warned) {
    warned = true;
    console.warn('[auth] client addresses come from X-Forwarded-For, which clients can set: start the app with `npm start` (scripts/next-server.mjs) or set GROUNDWORK_TRUST_PROXY=true behind a reverse proxy.');
  }
  return found.address;
}

/**
 * Checks email + password under the sign-in policy (lib/auth/sign-in-policy.ts): a browser with a
 * valid device cookie for the account is a trusted client, counted on its own; other clients
 * get progressive delays per (account, address) and share a lock per account. Failures are
 * recorded under the attempt's keys; a success clears its pair's failures and returns the
 * device cookie to set.
 * @param options.secret - signs device cookies (AUTH_SECRET); without one no client is trusted.
 */
export async function authorizeCredentials(input: TSignIn, headers: Headers, options: { now?: Date; secret?: string } = {}): Promise<AuthorizeOutcome> {
  const now = options.now ?? new Date();
  const secret = options.secret ?? env().AUTH_SECRET ?? '';
  const cookieName = deviceCookieName(input.email);
  const deviceId = secret ? verifyDeviceToken(input.email, readCookie(headers.get('cookie'), cookieName), secret) : null;
  const keys = signInKeys(input.email, deviceId ? { deviceId } : { address: clientIp(headers) });
  const load = (key: string | undefined, windowMs: number) => (key ? listLoginFailures({ key, since: new Date(now.getTime() - windowMs) }) : Promise.resolve([]));
  const P = SIGN_IN_POLICY;
  const [pair, untrustedAccount, client] = await Promise.all([
    load(keys.pair, Math.max(P.pairWindowMs, P.device.windowMs)),
    load(keys.untrustedAccount, P.untrustedAccount.windowMs),
    load(keys.client, P.client.windowMs),
  ]);
  const decision = decideSignIn({ trusted: deviceId !== null, failures: { pair, untrustedAccount, client } }, now);
  if (!decision.allowed) return { ok: false, reason: 'rate_limited', refusal: decision.reason, retryAfterMs: decision.retryAfterMs };

  const user = await getUserForSignIn({ email: input.email });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await recordLoginFailure({ keys: failureKeys(keys), at: now });
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures({ key: keys.pair });
  const device = secret && !deviceId ? { name: cookieName, value: issueDeviceToken(input.email, secret) } : null;
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, device };
}
