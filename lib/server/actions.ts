import 'server-only';

import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/validation/form-state';

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
