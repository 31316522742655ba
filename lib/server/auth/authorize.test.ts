import { describe, expect, it } from 'vitest';

import { deviceCookieName } from '@/lib/auth/device-cookie';
import { SIGN_IN_POLICY } from '@/lib/auth/sign-in-policy';
import { makeUser, TEST_PASSWORD } from '@/prisma/seed/factories';

import { db } from '../db/client';
import { authorizeCredentials } from './authorize';

const secret = 'integration-test-secret-0123456789';
/** A request from a client address (X-Forwarded-For: how a bare `next start` reports it). */
const headers = (ip: string, cookie?: string) => new Headers({ 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) });
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe('authorizeCredentials', () => {
  it('accepts the right password and rejects a wrong one or an unknown account alike', async () => {
    const user = await makeUser();
    const ok = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.0.0.1'), { secret });
    expect(ok).toMatchObject({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    expect(await authorizeCredentials({ email: user.email, password: 'wrong password!' }, headers('10.0.0.1'), { secret })).toEqual({ ok: false, reason: 'invalid' });
    expect(await authorizeCredentials({ email: 'nobody@example.test', password: TEST_PASSWORD }, headers('10.0.0.1'), { secret })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('issues a device cookie bound to the account on success, and none to a client that already has one', async () => {
    const user = await makeUser();
    const first = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.0.0.2'), { secret });
    expect(first.ok && first.device?.name).toBe(deviceCookieName(user.email));
    const cookie = first.ok && first.device ? `${first.device.name}=${first.device.value}` : '';
    const again = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.0.0.2', cookie), { secret });
    expect(again).toMatchObject({ ok: true, device: null });
    // Without a secret nobody is trusted and no cookie is issued.
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.0.0.2'), { secret: '' })).toMatchObject({ ok: true, device: null });
  });

  it('delays one (account, client) pair progressively, recording LoginAttempt rows under its keys', async () => {
    const user = await makeUser();
    const t0 = new Date();
    const ip = `10.4.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < SIGN_IN_POLICY.freeFailures; i++) {
      expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, headers(ip), { secret, now: t0 })).toEqual({ ok: false, reason: 'invalid' });
    }
    const rows = await db.loginAttempt.groupBy({ by: ['key'], where: { key: { in: [`pair:${user.email}|${ip}`, `untrusted:${user.email}`, `ip:${ip}`] } }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.key, r._count]))).toEqual({
      [`pair:${user.email}|${ip}`]: SIGN_IN_POLICY.freeFailures,
      [`untrusted:${user.email}`]: SIGN_IN_POLICY.freeFailures,
      [`ip:${ip}`]: SIGN_IN_POLICY.freeFailures,
    });
    // Even the right password waits out the delay from this client…
    const delayed = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers(ip), { secret, now: later(t0, 1000) });
    expect(delayed).toEqual({ ok: false, reason: 'rate_limited', refusal: 'delay', retryAfterMs: SIGN_IN_POLICY.baseDelayMs - 1000 });
    // …but another client is not held up, and after the delay the right password works.
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.5.0.1'), { secret, now: later(t0, 1000) })).toMatchObject({ ok: true });
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers(ip), { secret, now: later(t0, SIGN_IN_POLICY.baseDelayMs) })).toMatchObject({ ok: true });
    expect(await db.loginAttempt.count({ where: { key: `pair:${user.email}|${ip}` } })).toBe(0);
  });

  it("a stranger's failures lock the account for untrusted clients only: the owner's known browser still signs in", async () => {
    const user = await makeUser();
    const t0 = new Date();
    // The owner signed in before from this browser and keeps its device cookie.
    const before = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.6.0.1'), { secret, now: t0 });
    const cookie = before.ok && before.device ? `${before.device.name}=${before.device.value}` : '';
    expect(cookie).not.toBe('');
    // A stranger tries from many addresses (no delays apply per pair), until untrusted clients are locked.
    for (let i = 0; i < SIGN_IN_POLICY.untrustedAccount.limit; i++) {
      await authorizeCredentials({ email: user.email, password: `guess-${i}-guess` }, headers(`10.7.${i}.1`), { secret, now: t0 });
    }
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.8.0.1'), { secret, now: t0 })).toMatchObject({ ok: false, reason: 'rate_limited', refusal: 'untrusted-locked' });
    // The owner's browser is not blocked.
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.6.0.1', cookie), { secret, now: t0 })).toMatchObject({ ok: true });
    // A forged cookie does not make a client trusted; a cookie of another account neither.
    const other = await makeUser();
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.8.0.1', `${deviceCookieName(user.email)}=AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`), { secret, now: t0 })).toMatchObject({ refusal: 'untrusted-locked' });
    const otherLogin = await authorizeCredentials({ email: other.email, password: TEST_PASSWORD }, headers('10.9.0.1'), { secret, now: t0 });
    const otherValue = otherLogin.ok && otherLogin.device ? otherLogin.device.value : '';
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.9.0.1', `${deviceCookieName(user.email)}=${otherValue}`), { secret, now: t0 })).toMatchObject({ refusal: 'untrusted-locked' });
    // The lock ends with its window.
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers('10.8.0.1'), { secret, now: later(t0, SIGN_IN_POLICY.untrustedAccount.windowMs + 1000) })).toMatchObject({ ok: true });
  });

  it('limits one client address across many accounts', async () => {
    const t0 = new Date();
    const ip = `10.2.${Math.floor(Math.random() * 250)}.9`;
    for (let i = 0; i < SIGN_IN_POLICY.client.limit; i++) {
      await authorizeCredentials({ email: `spray-${i}-${ip}@example.test`, password: 'guess-guess-guess' }, headers(ip), { secret, now: t0 });
    }
    const victim = await makeUser();
    expect(await authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, headers(ip), { secret, now: t0 })).toMatchObject({ ok: false, reason: 'rate_limited', refusal: 'client-limit' });
    // Another client is unaffected.
    expect(await authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, headers('10.3.0.1'), { secret, now: t0 })).toMatchObject({ ok: true });
  });
});
