import { describe, expect, it } from 'vitest';

import { ACTION_BODY_LIMIT, checkActionBody, checkActionRequest } from './server-action-request';

const action = (headers: Record<string, string>, method = 'POST') =>
  checkActionRequest(new Request('http://localhost:3000/projects/p1', { method, headers: { host: 'localhost:3000', 'next-action': '7f3a', ...headers } }));

describe('checkActionRequest', () => {
  it('passes what Next’s own client sends: same-origin multipart or text/plain', () => {
    expect(action({ origin: 'http://localhost:3000', 'content-type': 'multipart/form-data; boundary=----x' })).toEqual({ pass: true });
    expect(action({ origin: 'http://localhost:3000', 'content-type': 'text/plain;charset=UTF-8' })).toEqual({ readBody: true });
  });

  it('ignores requests that are not server actions', () => {
    expect(checkActionRequest(new Request('http://localhost:3000/projects', { method: 'POST', headers: { origin: 'http://evil.example' } }))).toEqual({ pass: true });
    expect(checkActionRequest(new Request('http://localhost:3000/projects', { headers: { 'next-action': 'x', origin: 'http://evil.example' } }))).toEqual({ pass: true });
  });

  it('refuses a forged or unreadable Origin with 403', () => {
    for (const origin of ['http://evil.example', 'http://localhost:3001', 'null', 'not a url']) {
      expect(action({ origin, 'content-type': 'text/plain' })).toMatchObject({ refuse: { status: 403 } });
    }
  });

  it('compares with X-Forwarded-Host first, as Next does behind a reverse proxy', () => {
    expect(action({ origin: 'https://groundwork.example', 'x-forwarded-host': 'groundwork.example, internal', 'content-type': 'text/plain' })).toEqual({ readBody: true });
    expect(action({ origin: 'http://localhost:3000', 'x-forwarded-host': 'groundwork.example', 'content-type': 'text/plain' })).toMatchObject({ refuse: { status: 403 } });
  });

  it('lets a request without Origin through to Next (handcrafted requests carry no victim’s cookies)', () => {
    expect(action({ 'content-type': 'text/plain' })).toEqual({ readBody: true });
  });

  it('refuses other content types with 400 and oversized bodies with 413', () => {
    expect(action({ origin: 'http://localhost:3000', 'content-type': 'application/json' })).toMatchObject({ refuse: { status: 400 } });
    expect(action({ origin: 'http://localhost:3000' })).toMatchObject({ refuse: { status: 400 } });
    expect(action({ origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ refuse: { status: 400 } });
    expect(action({ origin: 'http://localhost:3000', 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(ACTION_BODY_LIMIT + 1) })).toMatchObject({
      refuse: { status: 413 },
    });
  });
});

describe('checkActionBody', () => {
  it('accepts React’s encoding of an argument list', () => {
    expect(checkActionBody('["p1",{"name":"trust"}]')).toBeNull();
    expect(checkActionBody('[]')).toBeNull();
  });

  it('refuses a body that is not JSON, or whose root is not the argument array', () => {
    expect(checkActionBody('garbage')).toMatchObject({ status: 400, message: 'The server action body is not valid JSON.' });
    expect(checkActionBody('{"name":"x"}')).toMatchObject({ status: 400 });
    expect(checkActionBody('"x"')).toMatchObject({ status: 400 });
    expect(checkActionBody('')).toMatchObject({ status: 400 });
  });
});
