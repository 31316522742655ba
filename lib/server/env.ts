import 'server-only';

import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Every environment variable the server reads, parsed once (README "Environment"). */
const ZEnv = z.object({
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  /** false: only existing accounts can sign in (institutional deployments). */
  GROUNDWORK_ALLOW_SIGNUP: flag.default(true),
  /** true: trust X-Forwarded-For for the client IP (set behind a reverse proxy). */
  GROUNDWORK_TRUST_PROXY: flag.default(false),
  /** Largest uploaded source file, in megabytes. */
  GROUNDWORK_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** @throws Error listing the invalid variables. */
export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    cached = parsed.data;
  }
  return cached;
}
