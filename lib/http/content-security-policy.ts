/**
 * The Content-Security-Policy of every page, with a fresh nonce per request (set in proxy.ts).
 * Next puts the nonce on its own scripts when it finds it in the request's CSP header, and pages
 * are rendered per request (app/layout.tsx), so no script without it runs: an injected
 * `<script>` or `onerror=` attribute is refused by the browser even if it got into the HTML.
 *
 * - script-src: the nonce and 'strict-dynamic' (scripts Next's nonced scripts load are trusted,
 *   nothing else; 'self' is for browsers without CSP 3). Development adds 'unsafe-eval' (React's
 *   dev tools and hot reload use eval).
 * - style-src 'unsafe-inline': React writes style attributes (d3 charts, the editor's colours),
 *   and style attributes cannot carry a nonce. Styles cannot run code.
 * - img-src data: blob: — the network/hierarchy image export draws an SVG data: URL on a canvas.
 * - connect-src 'self' — fetch, server actions and the live-update EventSource are same-origin.
 * - worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self';
 *   frame-ancestors 'none' (no framing: clickjacking).
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error(`CSP nonce '${nonce}' is not a base64 value of at least 16 characters`);
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** 128 random bits, base64: a nonce no one can guess. Uses Web Crypto (the proxy's runtime has it). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
