/**
 * Sliding-window limit on failures: at most `limit` inside `windowMs`. The sign-in policy
 * (lib/auth/sign-in-policy.ts) applies it per account for untrusted clients, per client address
 * and per device. Pure: the caller loads the failures inside the window and stores new ones.
 */
export interface RateLimitRule {
  /** Failures allowed inside the window before further attempts are refused. */
  limit: number;
  windowMs: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * @param failures - times of failed attempts for one key (any order; older ones are ignored).
 * @param rule - the limit.
 * @param now - the current time.
 * @returns allowed, or refused with the wait until the oldest counted failure leaves the window.
 */
export function decideRateLimit(failures: ReadonlyArray<Date>, rule: RateLimitRule, now: Date): RateLimitDecision {
  const since = now.getTime() - rule.windowMs;
  const inWindow = failures.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => a - b);
  if (inWindow.length < rule.limit) return { allowed: true };
  // The attempt becomes allowed once enough failures have aged out to fall below the limit.
  const releasing = inWindow[inWindow.length - rule.limit];
  return { allowed: false, retryAfterMs: Math.max(1000, releasing + rule.windowMs - now.getTime()) };
}
