/** @type {import('next').NextConfig} */
// On every response. The Content-Security-Policy is per request (a nonce), so proxy.ts sets it
// (lib/http/content-security-policy.ts); it also says frame-ancestors 'none', which
// X-Frame-Options repeats for older browsers.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

module.exports = {
  poweredByHeader: false,
  // In the browser, 'zod' is zod with its JIT off: its eval probe would break the CSP
  // (lib/validation/zod-browser.ts).
  turbopack: { resolveAlias: { zod: { browser: './lib/validation/zod-browser.ts' } } },
  // `npm test` type-checks the whole repository (tests and scripts included) with `tsc
  // --noEmit`; the build does not repeat it, so `npm start` builds faster.
  typescript: { ignoreBuildErrors: true },
  // Native addons and the wasm engine load from node_modules at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@node-rs/argon2', 'pg', '@prisma/adapter-pg', '@prisma/schema-engine-wasm', 'pdfjs-dist', 'piscina'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};
