import 'server-only';

import { accountKey, decideRateLimit, ipKey, SIGN_IN_LIMITS } from '@/lib/auth/rate-limit';
import type { TSignIn } from '@/lib/validation/auth';

import { clearLoginFailures } from '../data/login-attempt/clear-login-failures';
import { listLoginFailures } from '../data/login-attempt/list-login-failures';
import { recordLoginFailure } from '../data/login-attempt/record-login-failure';
import { getUserForSignIn } from '../data/user/get-user-for-sign-in';
import { env } from '../env';
import { verifyPassword } from './password';

export type AuthorizeOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid' | 'rate_limited'; retryAfterMs?: number };

/**
 * The client address for the per-IP limit. `next start` fills X-Forwarded-For from the socket
 * when a request arrives without one, so directly exposed servers see the real address (a
 * client that forges the header dodges only the per-IP limit, never the per-account one).
 * Behind a reverse proxy (GROUNDWORK_TRUST_PROXY=true) the rightmost entry is the address the
 * proxy saw.
 */
export function clientIp(headers: Headers): string {
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (chain.length === 0) return 'unknown';
  return env().GROUNDWORK_TRUST_PROXY ? chain[chain.length - 1] : chain[0];
}

/**
 * Checks email + password, refusing further attempts once an account or a client has failed
 * too often (lib/auth/rate-limit.ts). Failures are recorded for both keys; a success clears
 * the account's failures.
 */
export async function authorizeCredentials(input: TSignIn, headers: Headers, now = new Date()): Promise<AuthorizeOutcome> {
  const keys = { account: accountKey(input.email), ip: ipKey(clientIp(headers)) };
  for (const scope of ['account', 'ip'] as const) {
    const rule = SIGN_IN_LIMITS[scope];
    const failures = await listLoginFailures({ key: keys[scope], since: new Date(now.getTime() - rule.windowMs) });
    const decision = decideRateLimit(failures, rule, now);
    if (!decision.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: decision.retryAfterMs };
  }
  const user = await getUserForSignIn({ email: input.email });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await recordLoginFailure({ keys: [keys.account, keys.ip], at: now });
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures({ key: keys.account });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
