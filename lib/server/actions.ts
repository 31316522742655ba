import 'server-only';

import { z } from 'zod';

import type { ActionResult } from '@/lib/coding/workbench-types';
import { isAppError } from '@/lib/errors/app-error';
import { isProposedChangeError } from '@/lib/errors/proposed-change';
import { type AnyVersionConflict, isVersionConflictError } from '@/lib/team/conflict';
import type { FormState } from '@/lib/validation/form-state';
import { deepTextProblem } from '@/lib/validation/text';

import { requireActionUser, type SessionUser } from './auth/session';

// Every server action is reachable by a direct POST (header `Next-Action: <id>`) whose
// arguments are whatever the caller encoded: the ids a page bound with `.bind(null, projectId)`
// may arrive as objects (a Prisma `where` would read `{ not: '' }` as an operator), the
// FormData as a string. So each action checks its arguments here and answers a wrong shape
// with a message, never a throw (which Next turns into a 500).

/** An id argument bound by a page (project, source, code…). */
export const ZActionId = z.string().min(1).max(64);

const BAD_REQUEST = 'This request could not be read. Reload the page and try again.';

/** Whether every bound id is a plausible id string. */
export function validIds(ids: readonly unknown[]): boolean {
  return ids.every((id) => ZActionId.safeParse(id).success);
}

/**
 * Checks a form action's arguments: the bound ids and that the form data is a FormData.
 * @returns an error state to return as it is, or null when the arguments have the right shape.
 * @example
 * const bad = badFormArgs(formData, [projectId]);
 * if (bad) return bad;
 */
export function badFormArgs(formData: unknown, ids: readonly unknown[] = []): FormState | null {
  if (!(formData instanceof FormData) || !validIds(ids)) return { status: 'error', message: BAD_REQUEST };
  return null;
}

/**
 * Runs a server action body, turning expected failures (AppError) into a message for the
 * form. Anything else is a bug and propagates to error.tsx. Next's redirect() and notFound()
 * throw special errors, which pass through untouched. A save refused by a version check also
 * carries `conflict` (both versions, lib/team/conflict.ts) for the conflict dialog.
 * @param ids - the action's bound ids (checked first: a wrong shape gets a message).
 */
export async function formAction(body: () => Promise<FormState>, ids: readonly unknown[] = []): Promise<FormState & { conflict?: AnyVersionConflict }> {
  if (!validIds(ids)) return { status: 'error', message: BAD_REQUEST };
  try {
    return await body();
  } catch (error) {
    if (isVersionConflictError(error)) return { status: 'error', message: error.userMessage, conflict: error.conflict };
    if (isAppError(error)) return { status: 'error', message: error.userMessage, fieldErrors: error.fieldErrors };
    throw error;
  }
}

/**
 * For server actions called from client code with a plain object (not a form): validate with
 * zod, authenticate, run, and return `{ ok, value }` or `{ ok: false, message }`. Expected
 * failures become messages; anything else propagates. Before the schema, every string in the
 * input (memo documents included, whose text the schema checks only for shape) is checked for
 * unpaired surrogates and NUL (lib/validation/text.ts). A save refused by a version check
 * returns `{ ok: false, message, conflict }` with both versions (lib/team/conflict.ts).
 * @param ids - the action's bound ids (project, source…), checked like the input.
 */
export async function jsonAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (user: SessionUser, data: z.infer<S>) => Promise<T>,
  ids: readonly unknown[] = [],
): Promise<ActionResult<T>> {
  if (!validIds(ids)) return { ok: false, message: BAD_REQUEST };
  const problem = deepTextProblem(input);
  if (problem) return { ok: false, message: `The text ${problem}` };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid input.' };
  try {
    const user = await requireActionUser();
    return { ok: true, value: await run(user, parsed.data) };
  } catch (error) {
    // A version conflict reaches the client as data: both versions, for the conflict dialog.
    if (isVersionConflictError(error)) return { ok: false, message: error.userMessage, conflict: error.conflict };
    if (isProposedChangeError(error)) return { ok: false, message: error.userMessage, proposed: true };
    if (isAppError(error)) return { ok: false, message: error.userMessage };
    throw error;
  }
}
