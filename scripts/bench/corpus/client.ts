/**
 * A plain HTTP client for the corpus benchmark that behaves like a browser towards the app:
 * a cookie jar per user, sign-up through the sign-up form posted without JavaScript (the
 * server action's progressive-enhancement path), sign-in through Auth.js (CSRF token, then the
 * credentials callback), and uploads that honour 503 + Retry-After.
 */
import { readFileSync } from 'node:fs';

import type { CorpusFile } from './generate';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

/** One browser-like session (cookies kept across requests). */
export class Session {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly label: string,
  ) {}

  /** fetch with this session's cookies; redirects are returned, not followed. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    // Browsers send Origin with every POST; Next checks it for server actions.
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', this.baseUrl);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** A JSON request; throws HttpError unless the status is `expect`. */
  async json<T>(method: string, path: string, body?: unknown, expect = method === 'POST' ? 201 : 200): Promise<T> {
    const response = await this.fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expect) throw new HttpError(response.status, text, `${this.label} ${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The session cookie Auth.js set (for a browser context). */
  sessionCookie(): { name: string; value: string } {
    for (const [name, value] of this.cookies) if (name.endsWith('authjs.session-token')) return { name, value };
    throw new Error(`${this.label} is not signed in`);
  }
}

const hidden = (html: string) => {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const fields: Array<[string, string]> = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1];
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  return fields;
};

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Creates an account the way a browser without JavaScript does: GET /sign-up, then POST the
 * form (the server action's hidden fields + name, email, password) as multipart. The action
 * signs the new user in and redirects to /projects with the session cookie.
 */
export async function signUp(session: Session, user: { name: string; email: string; password: string }): Promise<void> {
  const page = await session.fetch('/sign-up');
  const html = await page.text();
  if (page.status !== 200) throw new HttpError(page.status, html, 'GET /sign-up');
  const form = new FormData();
  for (const [name, value] of hidden(html)) form.append(name, value);
  form.append('name', user.name);
  form.append('email', user.email);
  form.append('password', user.password);
  const posted = await session.fetch('/sign-up', { method: 'POST', body: form });
  const text = await posted.text();
  if (![200, 303].includes(posted.status) || !hasSession(session)) throw new HttpError(posted.status, text, `sign-up of ${user.email}`);
}

const hasSession = (session: Session) => [...session.cookies.keys()].some((k) => k.endsWith('authjs.session-token'));

/** Auth.js credentials sign-in: GET /api/auth/csrf, then POST the callback form-encoded. */
export async function signIn(session: Session, user: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await session.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await session.fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl: '/projects' }),
  });
  await response.text();
  if (!hasSession(session)) throw new HttpError(response.status, response.headers.get('location') ?? '', `sign-in of ${user.email}`);
}

export interface UploadResult {
  id: string;
  wordCount: number;
  ms: number;
  retries: number;
}

/**
 * Uploads one file (raw bytes, X-File-Name) and waits for the 201. A 503 is answered by
 * waiting Retry-After seconds and sending again; `ms` is the last attempt's round trip.
 */
export async function upload(session: Session, projectId: string, file: CorpusFile, maxRetries = 50): Promise<UploadResult> {
  const bytes = readFileSync(file.path);
  for (let retries = 0; ; retries++) {
    const t0 = performance.now();
    const response = await session.fetch(`/api/projects/${projectId}/sources`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': file.contentType },
      body: bytes,
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status === 201) {
      const { source } = JSON.parse(text) as { source: { id: string; wordCount: number } };
      return { id: source.id, wordCount: source.wordCount, ms, retries };
    }
    if (response.status === 503 && retries < maxRetries) {
      const after = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((r) => setTimeout(r, (Number.isFinite(after) ? after : 1) * 1000));
      continue;
    }
    throw new HttpError(response.status, text, `upload of ${file.name}`);
  }
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight, in order of start. */
export async function pool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
