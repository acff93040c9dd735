/**
 * Turns whatever the telnyx SDK throws into an AppError whose message a user can act on.
 * Telnyx error bodies: `{ errors: [{ code: "10005", title, detail, source: { pointer: "/to" } }] }`.
 * The API key must never reach a message, a detail or a log line built from them.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "telnyx";
import { AppError, isAppError } from "../errors/app-error";

interface TelnyxErrorItem {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

export interface MapTelnyxErrorContext {
  /** The key in use, so it can be scrubbed from any echoed text. */
  apiKey?: string;
  /** What was being done, for "Telnyx could not find the <resource>". */
  resource?: string;
}

const KEY_PATTERN = /KEY[0-9A-Za-z_-]{16,}/g;
const BEARER_PATTERN = /Bearer\s+\S+/gi;

export function redactSecrets(text: string, apiKey?: string): string {
  let out = apiKey && apiKey.length >= 4 ? text.split(apiKey).join("[redacted]") : text;
  out = out.replace(BEARER_PATTERN, "Bearer [redacted]").replace(KEY_PATTERN, "[redacted]");
  return out;
}

function errorItems(body: unknown): TelnyxErrorItem[] {
  if (!body || typeof body !== "object") return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? errors.filter((item): item is TelnyxErrorItem => !!item && typeof item === "object")
    : [];
}

/** "/filter/country_code" → "filter.countryCode"; "/to" → "to". */
export function fieldFromPointer(pointer: string): string {
  return pointer
    .split("/")
    .filter(Boolean)
    .map((segment) => segment.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase()))
    .join(".");
}

/** Seconds to wait, from retry-after-ms, retry-after (seconds or HTTP date) or x-ratelimit-reset. */
export function retryAfterSecsFrom(headers: Headers | undefined, nowMs = Date.now()): number | undefined {
  if (!headers) return undefined;
  const millis = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(millis) && millis >= 0)
    return Math.max(1, Math.ceil(millis / 1000));
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const secs = Number(retryAfter);
    if (Number.isFinite(secs) && secs >= 0) return Math.max(1, Math.ceil(secs));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - nowMs) / 1000));
  }
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.get("x-ratelimit-reset") && Number.isFinite(reset) && reset > 0) {
    // Either an epoch timestamp or a delta in seconds.
    const secs = reset > 1e9 ? reset - nowMs / 1000 : reset;
    return Math.max(1, Math.ceil(secs));
  }
  return undefined;
}

function isConnectionRefused(error: APIConnectionError): boolean {
  const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
  const code = cause?.code ?? cause?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

function mapApiError(error: APIError, context: MapTelnyxErrorContext): AppError {
  const items = errorItems(error.error);
  const scrub = (text: string) => redactSecrets(text, context.apiKey);
  const firstDetail = items[0] ? scrub(items[0].detail ?? items[0].title ?? "") : "";
  const details: Record<string, unknown> = {
    status: error.status,
    telnyxCodes: items.map((item) => item.code).filter(Boolean),
    requestId: error.headers?.get("x-request-id") ?? undefined,
  };
  const options = { cause: error, details };
  const status = error.status ?? 0;

  if (status === 401) {
    return new AppError(
      "TELNYX_AUTH",
      "Telnyx rejected the API key — check TELNYX_API_KEY (or the organization's key in Settings).",
      options,
    );
  }
  if (status === 403) {
    const why = firstDetail ? ` (${firstDetail})` : "";
    return new AppError(
      "TELNYX_PERMISSION",
      `The Telnyx API key lacks permission for this action${why} — enable it in the Telnyx portal or use another key.`,
      options,
    );
  }
  if (status === 404) {
    const what = context.resource ?? "requested resource";
    return new AppError(
      "TELNYX_NOT_FOUND",
      // Telnyx's detail often ends with its own full stop: one sentence end, not "found.. It may".
      `Telnyx could not find the ${what}${firstDetail ? `: ${firstDetail.replace(/[.\s]+$/, "")}` : ""}. It may have been deleted or belong to another account.`,
      options,
    );
  }
  if (status === 429) {
    const retryAfterSecs = retryAfterSecsFrom(error.headers);
    const wait = retryAfterSecs ? `try again in ${retryAfterSecs} s` : "try again in a moment";
    return new AppError("TELNYX_RATE_LIMITED", `Telnyx is rate-limiting this account — ${wait}.`, {
      ...options,
      retryAfterSecs,
    });
  }
  if (status >= 500) {
    return new AppError("TELNYX_ERROR", "Telnyx had an internal error, try again in a moment.", options);
  }
  if (status === 408) {
    return new AppError("TELNYX_UNAVAILABLE", "Telnyx took too long to answer — try again in a moment.", options);
  }
  // 400, 409, 422 and other 4xx: the request itself was refused.
  const fieldErrors: Record<string, string[]> = {};
  const sentences = items.map((item) => {
    const pointer = item.source?.pointer ?? (item.source?.parameter ? `/${item.source.parameter}` : undefined);
    const text = scrub(item.detail ?? item.title ?? "invalid value");
    const sentence = text.replace(/[.\s]+$/, "");
    if (!pointer) return sentence;
    const field = fieldFromPointer(pointer);
    fieldErrors[field] = [...(fieldErrors[field] ?? []), text];
    return `${field}: ${sentence}`;
  });
  const summary = sentences.length > 0 ? sentences.join("; ") : "the request was refused";
  return new AppError("TELNYX_VALIDATION", `Telnyx rejected the request — ${summary}.`, {
    ...options,
    fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined,
  });
}

export function mapTelnyxError(error: unknown, context: MapTelnyxErrorContext = {}): AppError {
  if (isAppError(error)) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new AppError(
      "TELNYX_UNAVAILABLE",
      "Telnyx is unreachable right now (the request timed out) — try again in a moment.",
      {
        cause: error,
        details: { timeout: true },
      },
    );
  }
  if (error instanceof APIConnectionError) {
    return new AppError(
      "TELNYX_UNAVAILABLE",
      "Telnyx is unreachable right now — check the network or TELNYX_BASE_URL and try again.",
      {
        cause: error,
        details: { timeout: false, connectionRefused: isConnectionRefused(error) },
      },
    );
  }
  if (error instanceof APIUserAbortError) {
    return new AppError("TELNYX_UNAVAILABLE", "The request to Telnyx was cancelled.", { cause: error });
  }
  if (error instanceof APIError) return mapApiError(error, context);
  const message = error instanceof Error ? redactSecrets(error.message, context.apiKey) : String(error);
  return new AppError("TELNYX_ERROR", `Unexpected error while talking to Telnyx: ${message}`, { cause: error });
}
