import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { ZSignUpSchema } from '@/lib/validation/auth';

import { verifyPassword } from '../../auth/password';
import { db } from '../../db/client';
import { createUser } from './create-user';

describe('createUser (sign-up)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('stores an argon2id hash, never the password, and a lower-cased email', async () => {
    const input = ZSignUpSchema.parse({ name: 'Ada', email: `  Ada.${Date.now()}@Example.TEST `, password: 'a long enough passphrase' });
    const user = await createUser({ input });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(input.email);
    expect(row.email).toBe(row.email.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('passphrase');
    expect(await verifyPassword(row.passwordHash, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'a long enough passphrasE')).toBe(false);
  });

  it('refuses a duplicate email with a field error', async () => {
    const input = ZSignUpSchema.parse({ name: 'Bo', email: `bo.${Date.now()}@example.test`, password: 'another fine passphrase' });
    await createUser({ input });
    const error = await createUser({ input: { ...input, name: 'Bo 2' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it('refuses common and breached passwords and their predictable variants, explaining the rule', async () => {
    for (const [password, base] of [
      ['letmein1234', 'letmein'],
      ['Summer2024!', 'summer'],
    ] as const) {
      const email = `weak.${base}.${Date.now()}@example.test`;
      // The schema (length, variety, context) lets these through; the breach list does not.
      const input = ZSignUpSchema.parse({ name: 'Weak', email, password });
      const error = await createUser({ input }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('INVALID_INPUT');
      expect((error as AppError).fieldErrors?.password?.[0]).toMatch(new RegExp(`common password \\(“${base}”\\) with digits, a year, symbols`));
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
    const listed = await createUser({ input: ZSignUpSchema.parse({ name: 'W', email: `w.${Date.now()}@example.test`, password: 'LeaveMeAlone' }) }).catch((e: unknown) => e);
    expect((listed as AppError).userMessage).toMatch(/lists of common and breached passwords/);
  });

  it('is refused when GROUNDWORK_ALLOW_SIGNUP=false', async () => {
    vi.stubEnv('GROUNDWORK_ALLOW_SIGNUP', 'false');
    vi.resetModules();
    const { createUser: createUserFresh } = await import('./create-user');
    const input = ZSignUpSchema.parse({ name: 'Cy', email: `cy.${Date.now()}@example.test`, password: 'yet another passphrase' });
    const error = await createUserFresh({ input }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('FORBIDDEN');
    expect((error as AppError).userMessage).toMatch(/Sign-up is turned off/);
  });
});
