import NextAuth from 'next-auth';
import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';

import { contentSecurityPolicy, newNonce } from '@/lib/http/content-security-policy';

import { type ActionRefusal, checkActionBody, checkActionRequest } from '@/lib/http/server-action-request';
import { authConfig } from '@/lib/server/auth/auth.config';

// Next 16's request proxy (formerly middleware): unauthenticated page requests are sent to
// /sign-in, API requests get 401. Pages, actions and routes check again on the server.
const { auth } = NextAuth(authConfig);
// Called with (request, event) Auth.js acts as the proxy itself (what `export { auth as proxy }` did).
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

// Server-action POSTs that Next would answer with a 500 (forged Origin, a body it cannot
// decode) are refused first with a 4xx (lib/http/server-action-request.ts). The text/plain
// message is what Next's client shows for a failed action.
async function actionRefusal(request: NextRequest): Promise<ActionRefusal | null> {
  const verdict = checkActionRequest(request);
  if ('refuse' in verdict) return verdict.refuse;
  if ('readBody' in verdict) return checkActionBody(await request.clone().text());
  return null;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const refusal = await actionRefusal(request);
  if (refusal) return new Response(refusal.message, { status: refusal.status, headers: { 'content-type': 'text/plain' } });
  return withContentSecurityPolicy(request, await authProxy(request, event));
}

/**
 * A per-request nonce and the page's Content-Security-Policy (lib/http/content-security-policy.ts):
 * on the response for the browser, and on the request for Next, which reads the nonce from it
 * and puts it on its scripts. Auth.js answered first: a redirect or 401 keeps its status; a
 * request it lets through goes on with the CSP added to its headers (NextResponse.next writes
 * the request-header override that Auth.js's pass-through response then carries).
 */
function withContentSecurityPolicy(request: NextRequest, answer: Response | undefined): Response {
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const forward = NextResponse.next({ request: { headers } });
  const response = answer ? new Response(answer.body, answer) : forward;
  if (answer?.headers.has('x-middleware-next')) {
    for (const [name, value] of forward.headers) if (name.startsWith('x-middleware-')) response.headers.set(name, value);
  }
  response.headers.set('content-security-policy', csp);
  return response;
}

// Uploads (sources, source re-imports, datasets and dataset previews, REFI-QDA archives and codebooks) stay out of the proxy: Next buffers a proxied
// request body and cuts it at the proxy's body limit (10 MB), which silently truncated large
// files. The routes authenticate themselves and count the body as it streams
// (lib/server/api/read-bytes.ts).
export const config = {
  matcher: ['/((?!api/auth|api/projects/[^/]+/sources$|api/projects/[^/]+/sources/[^/]+/file$|api/projects/[^/]+/datasets$|api/projects/[^/]+/datasets/preview$|api/refi/preview$|api/refi/import$|api/projects/[^/]+/refi/codebook$|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
