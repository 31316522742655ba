// proxy.ts as Next calls it (request, event): server-action refusals come first, everything
// else goes to Auth.js unchanged. (Auth.js is replaced by a recorder: its ESM build imports
// `next/server` in a way only Next's bundler resolves.)
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

const handedOn = vi.hoisted(() => [] as Array<{ request: Request; event: unknown }>);
vi.mock('next-auth', () => ({
  default: () => ({
    auth: async (request: Request, event: unknown) => {
      handedOn.push({ request, event });
      return new URL(request.url).pathname.startsWith('/api/') ? Response.json({ error: 'Please sign in.' }, { status: 401 }) : Response.redirect('http://localhost:3000/sign-in', 307);
    },
  }),
}));

const { proxy } = await import('../../proxy');

const event = { waitUntil: () => undefined } as never;
const post = (headers: Record<string, string>, body = '["x"]') =>
  new NextRequest('http://localhost:3000/projects', { method: 'POST', headers: { host: 'localhost:3000', 'next-action': '7f3a', ...headers }, body });

describe('proxy', () => {
  it('refuses a server action with a forged Origin: 403 with a text/plain message, before Auth.js', async () => {
    handedOn.length = 0;
    const res = await proxy(post({ origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' }), event);
    expect(res?.status).toBe(403);
    expect(res?.headers.get('content-type')).toBe('text/plain');
    expect(await res?.text()).toMatch(/Origin/);
    expect(handedOn).toHaveLength(0);
  });

  it('refuses an undecodable action body (400) before Next would answer 500', async () => {
    expect((await proxy(post({ origin: 'http://localhost:3000', 'content-type': 'text/plain;charset=UTF-8' }, 'garbage'), event))?.status).toBe(400);
    expect((await proxy(post({ origin: 'http://localhost:3000', 'content-type': 'application/json' }, '["x"]'), event))?.status).toBe(400);
  });

  it('hands a well-formed action and ordinary requests to Auth.js with the same request and event', async () => {
    handedOn.length = 0;
    const action = await proxy(post({ origin: 'http://localhost:3000', 'content-type': 'text/plain;charset=UTF-8' }), event);
    expect(action?.status).toBe(307);
    expect(action?.headers.get('location')).toMatch(/\/sign-in/);
    const api = await proxy(new NextRequest('http://localhost:3000/api/projects'), event);
    expect(api?.status).toBe(401);
    expect(handedOn.map((h) => [new URL(h.request.url).pathname, h.event === event])).toEqual([
      ['/projects', true],
      ['/api/projects', true],
    ]);
    // The body read for the check is still there for Next's action handler.
    expect(await handedOn[0].request.text()).toBe('["x"]');
  });
});
