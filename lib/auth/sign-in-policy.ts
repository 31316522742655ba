/**
 * Which sign-in attempts to refuse, following OWASP's Authentication Cheat Sheet ("Login
 * Throttling") and "Slow Down Online Guessing Attacks with Device Cookies":
 *
 * - A client the account signed in from before presents a signed **device cookie** for that
 *   account (lib/auth/device-cookie.ts). Its failures are counted for that device alone, so a
 *   stranger's guesses never block the real user's correct sign-in from their own browser.
 * - Every other client is **untrusted**. Per (account, client address) pair, the first
 *   {@link SIGN_IN_POLICY.freeFailures} failures cost nothing; after that each attempt waits a
 *   **progressive delay** that doubles with every failure (5 s, 10 s, 20 s … at most 15 min).
 * - Untrusted clients together may fail {@link SIGN_IN_POLICY.untrustedAccount} times per account
 *   in the window; then the account is **locked for untrusted clients** (trusted devices still
 *   get in), which stops a distributed guess at one account.
 * - One untrusted client address may fail {@link SIGN_IN_POLICY.client} times across all accounts
 *   (password spraying). A trusted device is not held back by its network neighbours.
 * - A trusted device that fails {@link SIGN_IN_POLICY.device} times (a stolen cookie) is locked too.
 *
 * Pure: the caller loads the failures per key (LoginAttempt rows; keys from {@link signInKeys})
 * and stores new ones under {@link failureKeys}.
 */
import { decideRateLimit, type RateLimitDecision, type RateLimitRule } from './rate-limit';

export const SIGN_IN_POLICY = {
  /** Failures of one (account, address) pair before delays start. */
  freeFailures: 3,
  /** The first delay; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  /** Pair failures older than this are forgotten. */
  pairWindowMs: 60 * 60_000,
  untrustedAccount: { limit: 10, windowMs: 15 * 60_000 },
  client: { limit: 30, windowMs: 15 * 60_000 },
  device: { limit: 10, windowMs: 15 * 60_000 },
} as const satisfies Record<string, number | RateLimitRule>;

export const SIGN_IN_REFUSALS = ['delay', 'untrusted-locked', 'client-limit', 'device-locked'] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

export function isSignInRefusal(value: string): value is SignInRefusal {
  return (SIGN_IN_REFUSALS as readonly string[]).includes(value);
}
export type SignInDecision = { allowed: true } | { allowed: false; retryAfterMs: number; reason: SignInRefusal };

/** Where an attempt comes from: a trusted device (its id from the verified cookie) or an address. */
export type SignInClient = { deviceId: string } | { address: string };

/** The LoginAttempt keys an attempt reads. */
export interface SignInKeys {
  /** The (account, client) pair: `device:<id>` for a trusted device, else `pair:<email>|<address>`. */
  pair: string;
  /** Untrusted clients only: `untrusted:<email>` and `ip:<address>`. */
  untrustedAccount?: string;
  client?: string;
}

export function signInKeys(email: string, client: SignInClient): SignInKeys {
  if ('deviceId' in client) return { pair: `device:${client.deviceId}` };
  return { pair: `pair:${email}|${client.address}`, untrustedAccount: `untrusted:${email}`, client: `ip:${client.address}` };
}

/** The keys a failed attempt is recorded under. */
export function failureKeys(keys: SignInKeys): string[] {
  return [keys.pair, ...(keys.untrustedAccount ? [keys.untrustedAccount] : []), ...(keys.client ? [keys.client] : [])];
}

/**
 * The wait a pair's failures impose: none for the first `freeFailures`, then
 * baseDelayMs × 2^(failures − freeFailures) after the latest failure, at most maxDelayMs.
 * @example progressiveDelay([t0, t0, t0, t0], new Date(t0.getTime() + 1000)) // refused, retry after 9 s (10 s delay)
 */
export function progressiveDelay(failures: ReadonlyArray<Date>, now: Date, policy = SIGN_IN_POLICY): RateLimitDecision {
  const since = now.getTime() - policy.pairWindowMs;
  const times = failures.map((d) => d.getTime()).filter((t) => t > since);
  if (times.length < policy.freeFailures) return { allowed: true };
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (times.length - policy.freeFailures));
  const wait = Math.max(...times) + delay - now.getTime();
  return wait > 0 ? { allowed: false, retryAfterMs: Math.max(1000, wait) } : { allowed: true };
}

/**
 * Decides one attempt from the failures stored under its keys (undefined keys: none).
 * Checked in order: the pair's delay, then (untrusted) the account's and the address's limits,
 * or (trusted) the device's.
 */
export function decideSignIn(
  input: { trusted: boolean; failures: { pair: ReadonlyArray<Date>; untrustedAccount?: ReadonlyArray<Date>; client?: ReadonlyArray<Date> } },
  now: Date,
  policy = SIGN_IN_POLICY,
): SignInDecision {
  const refuse = (d: RateLimitDecision, reason: SignInRefusal): SignInDecision | null => (d.allowed ? null : { allowed: false, retryAfterMs: d.retryAfterMs, reason });
  if (input.trusted) {
    return refuse(decideRateLimit(input.failures.pair, policy.device, now), 'device-locked') ?? refuse(progressiveDelay(input.failures.pair, now, policy), 'delay') ?? { allowed: true };
  }
  return (
    refuse(progressiveDelay(input.failures.pair, now, policy), 'delay') ??
    refuse(decideRateLimit(input.failures.untrustedAccount ?? [], policy.untrustedAccount, now), 'untrusted-locked') ??
    refuse(decideRateLimit(input.failures.client ?? [], policy.client, now), 'client-limit') ?? { allowed: true }
  );
}

/** What the sign-in form says about a refusal ("Try again in 2 minutes."). */
export function refusalMessage(reason: SignInRefusal, retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const wait = seconds < 60 ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? 'minute' : 'minutes'}`;
  switch (reason) {
    case 'delay':
      return `Too many failed sign-in attempts. Try again in ${wait}.`;
    case 'untrusted-locked':
      return `Too many failed sign-in attempts for this account from unrecognised browsers. Sign in from a browser you used before, or try again in ${wait}.`;
    case 'client-limit':
      return `Too many failed sign-in attempts from your network. Try again in ${wait}.`;
    case 'device-locked':
      return `Too many failed sign-in attempts from this browser. Try again in ${wait}.`;
  }
}
