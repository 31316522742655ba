import { describe, expect, it } from 'vitest';

import { SIGN_IN_LIMITS } from '@/lib/auth/rate-limit';
import { makeUser, TEST_PASSWORD } from '@/prisma/seed/factories';

import { authorizeCredentials } from './authorize';

const headers = (ip?: string) => new Headers(ip ? { 'x-forwarded-for': ip } : {});

describe('authorizeCredentials', () => {
  it('accepts the right password and rejects a wrong one or an unknown account alike', async () => {
    const user = await makeUser();
    const ok = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.0.0.1'));
    expect(ok).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    expect(await authorizeCredentials({ email: user.email, password: 'wrong password!' }, headers('10.0.0.1'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await authorizeCredentials({ email: 'nobody@example.test', password: TEST_PASSWORD }, headers('10.0.0.1'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('locks an account after repeated failures, even for the right password, until the window passes', async () => {
    const user = await makeUser();
    const t0 = new Date();
    for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) {
      const r = await authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, headers(`10.1.0.${i}`), t0);
      expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const locked = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.1.1.1'), t0);
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(locked.ok === false && locked.retryAfterMs).toBeGreaterThan(0);
    const later = new Date(t0.getTime() + SIGN_IN_LIMITS.account.windowMs + 1000);
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.1.1.1'), later)).toMatchObject({ ok: true });
  });

  it('limits one client address across many accounts', async () => {
    const t0 = new Date();
    const ip = `10.2.${Math.floor(Math.random() * 250)}.9`;
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await authorizeCredentials({ email: `spray-${i}-${ip}@example.test`, password: 'guess-guess-guess' }, headers(ip), t0);
    }
    const victim = await makeUser();
    expect(await authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, headers(ip), t0)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    // Another client is unaffected.
    expect(await authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, headers('10.3.0.1'), t0)).toMatchObject({ ok: true });
  });
});
