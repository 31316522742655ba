/**
 * OWASP "device cookies": after a successful sign-in the browser gets a cookie that names the
 * account and a random device id, signed with the server's secret. Presenting a valid one marks
 * an attempt as coming from a known client (lib/auth/sign-in-policy.ts). The cookie is HttpOnly
 * (scripts cannot read it), SameSite=Lax, Secure over HTTPS, and kept for a year; one per account.
 * Source: https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** One cookie per account, named by a hash of the email (the cookie itself does not reveal it). */
export function deviceCookieName(email: string): string {
  return `gw-device-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
}

function signature(email: string, deviceId: string, secret: string): string {
  return createHmac('sha256', secret).update(`groundwork-device\0${email}\0${deviceId}`).digest('base64url');
}

/** A new cookie value `<deviceId>.<signature>` for the account. */
export function issueDeviceToken(email: string, secret: string, deviceId = randomBytes(16).toString('base64url')): string {
  if (!secret) throw new Error('a device cookie needs a secret');
  return `${deviceId}.${signature(email, deviceId, secret)}`;
}

/** The device id of a valid cookie value for this account, else null (forged, other account, malformed). */
export function verifyDeviceToken(email: string, token: string | undefined, secret: string): string | null {
  if (!token || !secret) return null;
  const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(signature(email, match[1], secret));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/** The value of one cookie in a Cookie header. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
