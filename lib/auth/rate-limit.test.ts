import { describe, expect, it } from 'vitest';

import { decideRateLimit } from './rate-limit';

const rule = { limit: 3, windowMs: 60_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('decideRateLimit', () => {
  it('allows attempts below the limit', () => {
    expect(decideRateLimit([at(0), at(1)], rule, at(2))).toEqual({ allowed: true });
  });

  it('refuses at the limit until the oldest counted failure leaves the window', () => {
    expect(decideRateLimit([at(0), at(10), at(20)], rule, at(30))).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(decideRateLimit([at(0), at(10), at(20)], rule, at(60))).toEqual({ allowed: true });
  });

  it('counts only the newest failures that matter, in any order', () => {
    // Five failures; the limit is released when the third-newest (at 20 s) ages out.
    const failures = [at(40), at(0), at(30), at(10), at(20)];
    expect(decideRateLimit(failures, rule, at(45))).toEqual({ allowed: false, retryAfterMs: 35_000 });
  });

  it('never suggests waiting less than a second', () => {
    const d = decideRateLimit([at(0), at(0), at(0)], rule, new Date(at(60).getTime() - 1));
    expect(d).toEqual({ allowed: false, retryAfterMs: 1000 });
  });
});
