/**
 * 'zod' as the browser bundle sees it (next.config.js `turbopack.resolveAlias`): zod with its
 * JIT off. Zod compiles object parsers with `new Function` where eval is allowed and probes for
 * that by calling `Function("")` when the first object schema is built; under the app's
 * Content-Security-Policy (no 'unsafe-eval', lib/http/content-security-policy.ts) the probe is
 * refused and reported as a violation on every page that loads a schema. `jitless` skips the
 * probe and uses zod's plain parser (the same results). This module's imports run before the
 * body of any module that imports 'zod', so the setting is in place before the first schema.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { default, default as z } from 'zod/v4';
