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
  /** Set by scripts/next-server.mjs (never by hand): the header it writes each client's socket address into. */
  GROUNDWORK_CLIENT_ADDRESS_HEADER: z.string().regex(/^x-[a-z-]+$/).optional(),
  /** Largest uploaded source file, in megabytes. */
  GROUNDWORK_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  /** Worker threads for imports and exports; default: cores − 1 (at least 1, at most 4). */
  GROUNDWORK_WORKER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** Jobs that may wait for a worker; one more gets 503 with Retry-After. */
  GROUNDWORK_JOB_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Seconds a queued job may wait to start before it is refused with 503. */
  GROUNDWORK_JOB_START_TIMEOUT_S: z.coerce.number().positive().max(3600).default(30),
  /** Seconds a running job may take before it is stopped (a hostile or pathological file). */
  GROUNDWORK_JOB_TIMEOUT_S: z.coerce.number().positive().max(24 * 3600).default(300),
  /** true: /api/internal/event-loop reports the event-loop delay (benchmarks). */
  GROUNDWORK_EVENT_LOOP_STATS: flag.default(false),
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
