import 'server-only';

import type { z } from 'zod';

import { AppError, isAppError } from '@/lib/errors/app-error';

import { currentUser, type SessionUser } from '../auth/session';

/**
 * Wraps a JSON route handler: 401 without a session, AppError → its status with
 * `{ error, fieldErrors? }`, anything else → 500 with no internals. Authorization itself happens
 * in the data layer the handler calls.
 */
export function apiRoute<P extends Record<string, string>>(
  handler: (ctx: { user: SessionUser; params: P; request: Request }) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError('UNAUTHORIZED');
      const result = await handler({ user, params: await context.params, request });
      if (result instanceof Response) return result;
      return result === undefined ? new Response(null, { status: 204 }) : Response.json(result);
    } catch (error) {
      if (isAppError(error)) {
        return Response.json(
          { error: error.userMessage, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
          { status: error.status, headers: error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined },
        );
      }
      console.error('API error', error);
      return Response.json({ error: 'Something went wrong on our side.' }, { status: 500 });
    }
  };
}

/**
 * Reads a JSON body and validates it. Requiring `application/json` also keeps plain cross-site
 * form posts (a CSRF vector) out.
 * @throws AppError INVALID_INPUT with field errors.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new AppError('INVALID_INPUT', { userMessage: 'Send a JSON body (Content-Type: application/json).' });
  }
  const body = await request.json().catch(() => {
    throw new AppError('INVALID_INPUT', { userMessage: 'The request body is not valid JSON.' });
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
    throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid input.', fieldErrors });
  }
  return parsed.data;
}

/**
 * Reads the URL's query (empty values dropped) and validates it.
 * @throws AppError INVALID_INPUT with the first problem as the message.
 */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid query.' });
  return parsed.data;
}
