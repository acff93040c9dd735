import { isAppError } from "../errors/app-error";

export interface BackoffOptions {
  /** Attempts after the first (default 4). */
  retries?: number;
  /** First delay when Telnyx gives no retry-after (default 1 s), doubled each time. */
  baseMs?: number;
  /** Longest single wait (default 60 s). */
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, waitMs: number, error: unknown) => void;
}

/** Telnyx says "later": rate limited, unreachable or an internal error (5xx). */
export function isRetryable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === "TELNYX_RATE_LIMITED" || error.code === "TELNYX_UNAVAILABLE") return true;
  const status = error.details?.["status"];
  return error.code === "TELNYX_ERROR" && typeof status === "number" && status >= 500;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries a read on top of the SDK's own short retries, for long jobs (sync) that should ride out a
 * rate-limit window: waits Telnyx's retry-after when given, else exponential backoff with jitter.
 * Only for reads: never wrap a request that creates something.
 */
export async function withBackoff<T>(call: () => Promise<T>, options: BackoffOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const baseMs = options.baseMs ?? 1_000;
  const maxMs = options.maxMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error;
      const retryAfterSecs = isAppError(error) ? error.retryAfterSecs : undefined;
      const backoff = baseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      const waitMs = Math.min(maxMs, retryAfterSecs !== undefined ? retryAfterSecs * 1000 : backoff);
      options.onRetry?.(attempt + 1, waitMs, error);
      await sleep(waitMs);
    }
  }
}
