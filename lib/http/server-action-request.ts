/**
 * The request proxy's check of server-action POSTs (header `Next-Action: <id>`), run before
 * Next 16.4's action handler, which answers the cases below with 500 (a forged Origin, a body
 * React cannot decode, a body over the limit: see next/dist/server/app-render/action-handler.js).
 * Refusing them first gives the caller a 4xx that says what was wrong.
 *
 * - Origin host ≠ the request's host (X-Forwarded-Host first, as Next compares) → 403. A request
 *   without Origin passes, as in Next: browsers always send it on POST, so only a handcrafted
 *   request (which carries no one else's cookies) lacks it.
 * - Content-Type other than multipart/form-data or text/plain (what Next's client sends: React's
 *   encodeReply gives FormData or a string) → 400.
 * - Content-Length over the action body limit (Next's default 1 MB) → 413.
 * - A text/plain body that is not JSON whose root is the argument array → 400.
 *
 * Pure: no imports from next; proxy.ts adapts the request.
 */

/** Next's default `serverActions.bodySizeLimit` (next.config.js sets none). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface ActionRefusal {
  status: 400 | 403 | 413;
  message: string;
}

/** What to do with a request: pass it on, refuse it, or read its body and ask {@link checkActionBody}. */
export type ActionVerdict = { pass: true } | { refuse: ActionRefusal } | { readBody: true };

type HeaderReader = { get(name: string): string | null };

function originHost(origin: string): string | null {
  if (origin === 'null') return 'null';
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Checks a request's method and headers.
 * @param request - method and headers (a Request or NextRequest fits).
 * @example checkActionRequest(new Request('http://a/x', { method: 'POST', headers: { 'next-action': 'abc', origin: 'http://evil', host: 'a' } }))
 *   // { refuse: { status: 403, … } }
 */
export function checkActionRequest(request: { method: string; headers: HeaderReader }): ActionVerdict {
  const { headers } = request;
  if (request.method !== 'POST' || headers.get('next-action') === null) return { pass: true };

  const origin = headers.get('origin');
  if (origin !== null) {
    const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
    if (!host || originHost(origin) !== host) {
      return { refuse: { status: 403, message: 'Cross-site server action refused: the Origin header does not match this site.' } };
    }
  }

  const length = Number(headers.get('content-length'));
  if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) {
    return { refuse: { status: 413, message: `The request body is larger than ${ACTION_BODY_LIMIT / 1024 / 1024} MB.` } };
  }

  const type = (headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return { pass: true };
  if (type.startsWith('text/plain')) return { readBody: true };
  return { refuse: { status: 400, message: 'A server action takes a multipart/form-data or text/plain body.' } };
}

/**
 * Checks a text/plain action body: React's encodeReply writes the argument list as JSON whose
 * root is an array (references to other parts are strings inside it).
 * @returns a refusal, or null when the body has that shape.
 */
export function checkActionBody(body: string): ActionRefusal | null {
  if (body.length > ACTION_BODY_LIMIT) return { status: 413, message: `The request body is larger than ${ACTION_BODY_LIMIT / 1024 / 1024} MB.` };
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return { status: 400, message: 'The server action body is not valid JSON.' };
  }
  if (!Array.isArray(root)) return { status: 400, message: 'The server action body must be the list of its arguments.' };
  return null;
}
