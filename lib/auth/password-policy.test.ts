import { describe, expect, it } from 'vitest';

import { ZSignUpSchema } from '../validation/auth';
import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts long passphrases, including non-ASCII ones', () => {
    expect(passwordProblems('correct horse battery staple')).toEqual([]);
    expect(passwordProblems('研究者的长密码很安全吧')).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    // Nine emoji are 18 UTF-16 units but nine characters.
    expect(passwordProblems('🙂🙃😉😊😇🥰😍🤩😘')).toContain('Use at least 10 characters.');
  });

  it('rejects short, common, repetitive and personal passwords', () => {
    expect(passwordProblems('short1!')).toContain('Use at least 10 characters.');
    expect(passwordProblems('Password123')).toContain('This password is too common; choose another.');
    expect(passwordProblems('aaaaabbbbbaaaaa')).toContain('Use more varied characters.');
    expect(passwordProblems('margaret-rules-2026', { email: 'margaret@uni.edu' })).toContain('Do not build the password from your email address or name.');
  });
});

describe('ZSignUpSchema', () => {
  it('normalises the email and reports password problems on the password field', () => {
    const ok = ZSignUpSchema.parse({ name: ' Ada ', email: ' Ada@Example.ORG ', password: 'a long enough passphrase' });
    expect(ok).toMatchObject({ name: 'Ada', email: 'ada@example.org' });
    const bad = ZSignUpSchema.safeParse({ name: 'Ada', email: 'ada@example.org', password: 'short' });
    expect(bad.success).toBe(false);
    expect(bad.error?.flatten().fieldErrors.password).toEqual(['Use at least 10 characters.']);
  });
});
