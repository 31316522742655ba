import { describe, expect, it } from 'vitest';

import { deviceCookieName, issueDeviceToken, readCookie, verifyDeviceToken } from './device-cookie';
import { decideSignIn, failureKeys, progressiveDelay, refusalMessage, SIGN_IN_POLICY, signInKeys } from './sign-in-policy';

const t0 = new Date(Date.UTC(2026, 0, 1));
const at = (ms: number) => new Date(t0.getTime() + ms);
const times = (n: number, ms = 0) => Array.from({ length: n }, () => at(ms));

describe('progressiveDelay', () => {
  it('lets the first failures through, then doubles the wait after the latest failure', () => {
    expect(progressiveDelay(times(2), at(0))).toEqual({ allowed: true });
    expect(progressiveDelay(times(3), at(0))).toEqual({ allowed: false, retryAfterMs: 5_000 });
    expect(progressiveDelay(times(3), at(5_000))).toEqual({ allowed: true });
    expect(progressiveDelay(times(4), at(1_000))).toEqual({ allowed: false, retryAfterMs: 9_000 });
    expect(progressiveDelay(times(6), at(0))).toEqual({ allowed: false, retryAfterMs: 40_000 });
  });

  it('never waits more than the cap and forgets failures after the window', () => {
    expect(progressiveDelay(times(40), at(0))).toEqual({ allowed: false, retryAfterMs: SIGN_IN_POLICY.maxDelayMs });
    expect(progressiveDelay(times(40), at(SIGN_IN_POLICY.pairWindowMs + 1))).toEqual({ allowed: true });
  });
});

describe('decideSignIn', () => {
  const lockout = times(SIGN_IN_POLICY.untrustedAccount.limit);

  it('locks an account for untrusted clients after many failures, but not for a trusted device', () => {
    expect(decideSignIn({ trusted: false, failures: { pair: [], untrustedAccount: lockout, client: [] } }, at(1000))).toMatchObject({ allowed: false, reason: 'untrusted-locked' });
    // The real user's browser (a valid device cookie) has no failures of its own: allowed.
    expect(decideSignIn({ trusted: true, failures: { pair: [] } }, at(1000))).toEqual({ allowed: true });
  });

  it('delays one (account, client) pair without touching other clients', () => {
    expect(decideSignIn({ trusted: false, failures: { pair: times(5), untrustedAccount: times(5), client: times(5) } }, at(1000))).toMatchObject({ allowed: false, reason: 'delay' });
    expect(decideSignIn({ trusted: false, failures: { pair: [], untrustedAccount: times(5), client: [] } }, at(1000))).toEqual({ allowed: true });
  });

  it('limits one address across accounts (spraying), and a device that keeps failing', () => {
    expect(decideSignIn({ trusted: false, failures: { pair: [], untrustedAccount: [], client: times(SIGN_IN_POLICY.client.limit) } }, at(1000))).toMatchObject({ allowed: false, reason: 'client-limit' });
    expect(decideSignIn({ trusted: true, failures: { pair: times(SIGN_IN_POLICY.device.limit) } }, at(1000))).toMatchObject({ allowed: false, reason: 'device-locked' });
  });

  it('keys trusted devices apart from untrusted pairs', () => {
    expect(signInKeys('a@x.test', { deviceId: 'dev1' })).toEqual({ pair: 'device:dev1' });
    const untrusted = signInKeys('a@x.test', { address: '192.0.2.1' });
    expect(failureKeys(untrusted)).toEqual(['pair:a@x.test|192.0.2.1', 'untrusted:a@x.test', 'ip:192.0.2.1']);
    expect(failureKeys(signInKeys('a@x.test', { deviceId: 'dev1' }))).toEqual(['device:dev1']);
  });

  it('tells the user how long to wait, in words', () => {
    expect(refusalMessage('delay', 4_200)).toBe('Too many failed sign-in attempts. Try again in 5 seconds.');
    expect(refusalMessage('untrusted-locked', 14 * 60_000 + 1)).toContain('Sign in from a browser you used before, or try again in 15 minutes.');
  });
});

describe('device cookies', () => {
  const secret = 'test-secret-0123456789';

  it('verifies a token for its account only, and rejects forgeries', () => {
    const token = issueDeviceToken('ana@x.test', secret, 'abcdefghijklmnopqrstuv');
    expect(verifyDeviceToken('ana@x.test', token, secret)).toBe('abcdefghijklmnopqrstuv');
    expect(verifyDeviceToken('ben@x.test', token, secret)).toBeNull();
    expect(verifyDeviceToken('ana@x.test', token, 'another-secret')).toBeNull();
    expect(verifyDeviceToken('ana@x.test', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, secret)).toBeNull();
    expect(verifyDeviceToken('ana@x.test', 'garbage', secret)).toBeNull();
    expect(verifyDeviceToken('ana@x.test', undefined, secret)).toBeNull();
  });

  it('names one cookie per account without showing the email, and reads it back from a Cookie header', () => {
    const name = deviceCookieName('ana@x.test');
    expect(name).toMatch(/^gw-device-[0-9a-f]{16}$/);
    expect(name).not.toBe(deviceCookieName('ben@x.test'));
    expect(readCookie(`a=1; ${name}=tok.en; b=2`, name)).toBe('tok.en');
    expect(readCookie(null, name)).toBeUndefined();
  });
});
