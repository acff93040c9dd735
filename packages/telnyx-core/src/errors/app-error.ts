/**
 * The one error type domain code throws. `code` is stable (the web translates it, the REST layer
 * maps it to an HTTP status); `message` is a sentence a user can act on; `fieldErrors` carries
 * per-field message keys for forms.
 */
export const APP_ERROR_CODES = [
  "UNAUTHORIZED",
  "INVALID_CREDENTIALS",
  "TOO_MANY_ATTEMPTS",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "IDEMPOTENCY_IN_PROGRESS",
  "VALIDATION",
  "IDEMPOTENCY_KEY_REUSED",
  "RATE_LIMITED",
  "OPTED_OUT",
  "TELNYX_AUTH",
  "TELNYX_PERMISSION",
  "TELNYX_VALIDATION",
  "TELNYX_NOT_FOUND",
  "TELNYX_RATE_LIMITED",
  "TELNYX_UNAVAILABLE",
  "TELNYX_ERROR",
  "UNAVAILABLE",
  "ENCRYPTION_KEY_MISSING",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorOptions {
  fieldErrors?: Record<string, string[]>;
  retryAfterSecs?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSecs?: number;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSecs = options.retryAfterSecs;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** HTTP status of each code: every HTTP surface (apps/api/src/http/http-errors.ts) and the tRPC code mapping. */
export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case "UNAUTHORIZED":
    case "INVALID_CREDENTIALS":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
    case "IDEMPOTENCY_IN_PROGRESS":
      return 409;
    case "VALIDATION":
    case "IDEMPOTENCY_KEY_REUSED":
    case "OPTED_OUT":
    case "TELNYX_VALIDATION":
      return 422;
    case "TOO_MANY_ATTEMPTS":
    case "RATE_LIMITED":
    case "TELNYX_RATE_LIMITED":
      return 429;
    case "TELNYX_AUTH":
    case "TELNYX_PERMISSION":
    case "TELNYX_NOT_FOUND":
    case "TELNYX_ERROR":
      return 502;
    case "TELNYX_UNAVAILABLE":
    case "UNAVAILABLE":
      return 503;
    // A setting the server needs is missing: not a transient outage (no 503, no Retry-After), an
    // administrator must set it. 501: this deployment cannot do that yet.
    case "ENCRYPTION_KEY_MISSING":
      return 501;
    case "INTERNAL":
      return 500;
  }
}
