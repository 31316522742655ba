// The CSP string, and proxy.ts adding it (with a fresh nonce) to what Auth.js answers.
import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

import { contentSecurityPolicy, newNonce } from './content-security-policy';

vi.mock('next-auth', () => ({
  default: () => ({
    // As Auth.js answers: sign-in passes through (NextResponse.next), other pages redirect.
    auth: async (request: Request) =>
      new URL(request.url).pathname === '/sign-in' ? new Response(null, NextResponse.next()) : new Response(null, { status: 307, headers: { location: 'http://localhost:3000/sign-in' } }),
  }),
}));

const { proxy } = await import('../../proxy');
const event = { waitUntil: () => undefined } as never;

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('allows only nonced scripts, no plugins, no framing, same-origin connections', () => {
    const d = directives(contentSecurityPolicy('AAAAAAAAAAAAAAAAAAAAAA=='));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-AAAAAAAAAAAAAAAAAAAAAA=='", "'strict-dynamic'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives(contentSecurityPolicy('AAAAAAAAAAAAAAAAAAAAAA==', { dev: true })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow(/nonce/);
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(newNonce());
  });
});

describe('proxy and the CSP', () => {
  it('sends the CSP with a fresh nonce, and hands the same policy on to Next in the request headers', async () => {
    const first = (await proxy(new NextRequest('http://localhost:3000/sign-in'), event))!;
    const second = (await proxy(new NextRequest('http://localhost:3000/sign-in'), event))!;
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) → Next sees the CSP on the request and nonces its scripts.
    expect(first.headers.get('x-middleware-next')).toBe('1');
    expect(first.headers.get('x-middleware-override-headers')).toContain('content-security-policy');
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it("keeps Auth.js's redirect, with the CSP on it", async () => {
    const res = (await proxy(new NextRequest('http://localhost:3000/projects'), event))!;
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost:3000/sign-in');
    expect(res.headers.get('content-security-policy')).toContain('nonce-');
    expect(res.headers.get('x-middleware-override-headers')).toBeNull();
  });
});
