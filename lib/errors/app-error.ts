/**
 * Expected failures that cross the data layer: each code maps to one HTTP status, and
 * `userMessage` is safe to show (never database text).
 */
export const APP_ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  /** The server is at capacity (the job queue is full): try again after `retryAfterSeconds`. */
  BUSY: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** Field-level messages for forms (`{ email: ['already registered'] }`). */
  readonly fieldErrors?: Record<string, string[]>;
  /** For BUSY: when to try again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  /**
   * @param code - the kind of failure (decides the HTTP status).
   * @param options.message - for logs; defaults to userMessage.
   * @param options.userMessage - shown to the user.
   * @param options.retryAfterSeconds - for BUSY: seconds until a retry may succeed.
   * @example throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' })
   */
  constructor(code: AppErrorCode, options: { message?: string; userMessage?: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } = {}) {
    const userMessage = options.userMessage ?? defaultMessages[code];
    super(options.message ?? userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

const defaultMessages: Record<AppErrorCode, string> = {
  UNAUTHORIZED: 'Please sign in.',
  FORBIDDEN: 'Your role in this project does not allow that.',
  NOT_FOUND: 'Not found.',
  INVALID_INPUT: 'Please check the form.',
  CONFLICT: 'That conflicts with existing data.',
  TOO_LARGE: 'That is too large.',
  RATE_LIMITED: 'Too many attempts. Please wait and try again.',
  BUSY: 'The server is busy. Please try again in a moment.',
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
