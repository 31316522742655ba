import { expect } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

/** Awaits a promise that must fail with an AppError, and returns that error for its code and message. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
