import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';

import { commonPasswordMessage, findCommonPassword } from './common-password';

// The list the server ships (lib/server/auth/common-passwords.ts loads the same one).
const shipped = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
const check = (password: string) => findCommonPassword(password, (p) => shipped.has(p));

describe('findCommonPassword (NIST SP 800-63B: common and breached passwords)', () => {
  it('ships a list of tens of thousands of breached passwords', () => {
    expect(shipped.size).toBeGreaterThan(40_000);
    for (const p of ['123456', 'password', 'letmein', 'summer', 'dragon']) expect(shipped.has(p)).toBe(true);
  });

  it('refuses the probe’s passwords: letmein1234 and Summer2024!', () => {
    expect(check('letmein1234')).toEqual({ kind: 'variant', base: 'letmein' });
    expect(check('Summer2024!')).toEqual({ kind: 'variant', base: 'summer' });
  });

  it('is case-insensitive for listed passwords', () => {
    expect(check('PASSWORD')).toEqual({ kind: 'listed' });
    expect(check('QwErTyUiOp')).toEqual({ kind: 'listed' });
    expect(check('Password123')).toEqual({ kind: 'listed' });
  });

  it('refuses a listed word with digits, a year or symbols before or after, and letter swaps', () => {
    expect(check('!!Dragon1999')).toMatchObject({ kind: 'variant', base: 'dragon' });
    expect(check('football 2025 !!')).toMatchObject({ kind: 'variant', base: 'football' });
    expect(check('P@ssw0rd2024')).toMatchObject({ kind: 'variant' }); // p@ssw0rd is itself listed
    expect(check('Sh@d0w-2024')).toMatchObject({ kind: 'variant', base: 'shadow' });
    expect(check('@dmin2024#')).toMatchObject({ kind: 'variant', base: 'admin' });
    expect(check('M0nkey!!!!')).toMatchObject({ kind: 'variant' });
  });

  it('accepts passphrases and random passwords, including ones that contain a listed word', () => {
    for (const ok of ['correct horse battery staple', 'a sturdy test passphrase', 'a long enough passphrase', 'another decent passphrase', 'summer in the 1990s was long', 'x7$kq!2m9pLw', '研究者的长密码很安全吧']) {
      expect([ok, check(ok)]).toEqual([ok, null]);
    }
  });

  it('explains the rule in its message, naming the common base word', () => {
    expect(commonPasswordMessage({ kind: 'variant', base: 'summer' })).toMatch(/common password \(“summer”\) with digits, a year, symbols or letter swaps added/);
    expect(commonPasswordMessage({ kind: 'listed' })).toMatch(/lists of common and breached passwords/);
  });

  it('works with any list (pure: the caller injects membership)', () => {
    const tiny = new Set(['groundwork']);
    expect(findCommonPassword('Groundwork2026!', (p) => tiny.has(p))).toEqual({ kind: 'variant', base: 'groundwork' });
    expect(findCommonPassword('ground work 2026', (p) => tiny.has(p))).toBeNull();
  });
});
