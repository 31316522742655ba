import 'server-only';

import type { z } from 'zod';

import type { ActionResult } from '@/lib/coding/workbench-types';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/validation/form-state';

import { requireActionUser, type SessionUser } from './auth/session';

/**
 * Runs a server action body, turning expected failures (AppError) into a message for the
 * form. Anything else is a bug and propagates to error.tsx. Next's redirect() and notFound()
 * throw special errors, which pass through untouched.
 */
export async function formAction(body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.userMessage, fieldErrors: error.fieldErrors };
    throw error;
  }
}

/**
 * For server actions called from client code with a plain object (not a form): validate with
 * zod, authenticate, run, and return `{ ok, value }` or `{ ok: false, message }`. Expected
 * failures become messages; anything else propagates.
 */
export async function jsonAction<S extends z.ZodType, T>(schema: S, input: unknown, run: (user: SessionUser, data: z.infer<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid input.' };
  try {
    const user = await requireActionUser();
    return { ok: true, value: await run(user, parsed.data) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.userMessage };
    throw error;
  }
}
