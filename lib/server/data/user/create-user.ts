import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { TSignUp } from '@/lib/validation/auth';

import { commonPasswordProblem } from '../../auth/common-passwords';
import { hashPassword } from '../../auth/password';
import { db } from '../../db/client';
import { env } from '../../env';
import { isUniqueViolation } from '../prisma-errors';

/**
 * Registers an account (sign-up).
 * @throws AppError FORBIDDEN when sign-up is turned off; INVALID_INPUT when the password is a
 * common or breached one or a predictable variant (lib/server/auth/common-passwords.ts; the
 * schema has already checked length and context); CONFLICT when the email is taken.
 */
export async function createUser(options: { input: TSignUp }): Promise<{ id: string; email: string; name: string }> {
  if (!env().GROUNDWORK_ALLOW_SIGNUP) {
    throw new AppError('FORBIDDEN', { userMessage: 'Sign-up is turned off here. Ask your administrator for an account.' });
  }
  const { name, email, password } = options.input;
  const common = await commonPasswordProblem(password);
  if (common) throw new AppError('INVALID_INPUT', { userMessage: common, fieldErrors: { password: [common] } });
  const taken = { email: ['An account with this email already exists. Sign in instead.'] };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('CONFLICT', { userMessage: 'An account with this email already exists.', fieldErrors: taken });
  }
  try {
    return await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: 'An account with this email already exists.', fieldErrors: taken });
    throw error;
  }
}
