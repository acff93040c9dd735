/**
 * The one error shape of every HTTP surface: the REST face, the webhooks, recordings, reports and
 * the server's own answers (not found, unauthorized /metrics, cross-site refusal, rate limit, body
 * parsing). JSON:API-like, as Telnyx answers:
 *
 *   { "errors": [{ "status": "422", "code": "VALIDATION", "title": "Invalid input",
 *                  "detail": "The field \"to\" …", "source": { "pointer": "/to" } }] }
 *
 * `status` is the HTTP status as a string (JSON:API), `code` a stable code (an AppErrorCode, or one
 * of HTTP_CODES below), `title` fixed per code, `detail` a sentence a person can act on, `source`
 * the field at fault, `requestId` (500 only) the id the failure is logged under. The status always
 * comes from the code: httpStatusOf for domain codes, HTTP_CODES for the transport's own.
 * tRPC keeps its envelope; its `data.errors` carries the same objects (trpc.ts).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { APP_ERROR_CODES, httpStatusOf, type AppError, type AppErrorCode } from "@app/telnyx-core/errors/app-error";
import { fieldKeyOf } from "../trpc/input-guard";
import { publicAppErrorOf } from "../trpc/public-errors";

export interface ErrorObject {
  /** The HTTP status of the answer, as a string (JSON:API). */
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer: string };
  /** 500 only: the id the failure is logged under. */
  requestId?: string;
}
export interface ErrorBody {
  errors: ErrorObject[];
}

/** Codes of the HTTP layer itself (malformed requests, webhook signatures, byte ranges): no domain meaning. */
export const HTTP_CODES = {
  BAD_REQUEST: 400,
  INVALID_BODY: 400,
  INVALID_SIGNATURE: 401,
  NOT_CONFIGURED: 401,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
} as const;
export type HttpCode = keyof typeof HTTP_CODES;
export type ErrorCode = AppErrorCode | HttpCode;

const TITLES: Record<ErrorCode, string> = {
  UNAUTHORIZED: "Not logged in",
  INVALID_CREDENTIALS: "Wrong credentials",
  TOO_MANY_ATTEMPTS: "Too many attempts",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  IDEMPOTENCY_IN_PROGRESS: "Request still in progress",
  VALIDATION: "Invalid input",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  RATE_LIMITED: "Too many requests",
  OPTED_OUT: "Opted out",
  TELNYX_AUTH: "Telnyx refused the API key",
  TELNYX_PERMISSION: "Telnyx refused the action",
  TELNYX_VALIDATION: "Telnyx refused the request",
  TELNYX_NOT_FOUND: "Unknown at Telnyx",
  TELNYX_RATE_LIMITED: "Telnyx rate limit",
  TELNYX_UNAVAILABLE: "Telnyx unavailable",
  TELNYX_ERROR: "Telnyx error",
  UNAVAILABLE: "Temporarily unavailable",
  ENCRYPTION_KEY_MISSING: "Server setting missing",
  INTERNAL: "Internal error",
  BAD_REQUEST: "Bad request",
  INVALID_BODY: "Invalid body",
  INVALID_SIGNATURE: "Invalid signature",
  NOT_CONFIGURED: "Not configured",
  METHOD_NOT_ALLOWED: "Method not allowed",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RANGE_NOT_SATISFIABLE: "Range not satisfiable",
};

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

const isAppCode = (code: string): code is AppErrorCode => (APP_ERROR_CODES as readonly string[]).includes(code);

/** The HTTP status of a code: the domain's table (httpStatusOf), else the transport's. */
export function statusOfCode(code: ErrorCode): number {
  return isAppCode(code) ? httpStatusOf(code) : HTTP_CODES[code];
}

export function errorObject(
  code: ErrorCode,
  detail: string,
  extra: { source?: { pointer: string }; requestId?: string } = {},
): ErrorObject {
  return { status: String(statusOfCode(code)), code, title: TITLES[code], detail, ...extra };
}

/** zod issues → { field: [messageKey] }; the `data.` prefix of update inputs is dropped. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = fieldKeyOf(issue.path);
    const message = issue.code === "invalid_type" && issue.input === undefined ? "required" : issue.message;
    out[key] = [...(out[key] ?? []), message];
  }
  return out;
}

/** One VALIDATION object per field error; `sentence` (a domain error's own message) replaces "field: key". */
function fieldErrorObjects(fieldErrors: Record<string, string[]>, sentence?: string): ErrorObject[] {
  return Object.entries(fieldErrors).flatMap(([field, keys]) =>
    keys.map((key) =>
      errorObject("VALIDATION", sentence ?? `${field}: ${key}`, {
        source: { pointer: `/${field.replace(/\./g, "/")}` },
      }),
    ),
  );
}

function appErrorObjects(appError: AppError): ErrorObject[] {
  if (appError.fieldErrors && httpStatusOf(appError.code) === 422)
    return fieldErrorObjects(appError.fieldErrors, appError.message);
  return [errorObject(appError.code, appError.message)];
}

/** tRPC's own refusals (role checks, unknown procedure, unreadable input) in domain words where there are some. */
const APP_CODE_BY_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  PARSE_ERROR: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

/** Fastify's own refusals (bad JSON, body too large, unknown content type), by status. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  416: "RANGE_NOT_SATISFIABLE",
  422: "VALIDATION",
  429: "RATE_LIMITED",
};

export interface Failure {
  status: number;
  errors: ErrorObject[];
  retryAfterSecs?: number;
  /** Not for the client's eyes: logged, answered with GENERIC_FAILURE and the request id. */
  internal: boolean;
}

/**
 * What a client may learn of `error`, whatever raised it: a domain error (AppError; a lost database as
 * UNAVAILABLE), a zod failure (422, one object per field), a tRPC refusal, Fastify's 4xx; anything
 * else is internal.
 */
export function describeFailure(error: unknown, requestId?: string): Failure {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError)
    return { status: 422, errors: fieldErrorObjects(fieldErrorsOf(cause)), internal: false };
  const appError = publicAppErrorOf(error);
  if (appError) {
    const errors = appErrorObjects(appError);
    return { status: Number(errors[0]!.status), errors, retryAfterSecs: appError.retryAfterSecs, internal: false };
  }
  if (error instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(error);
    const code = APP_CODE_BY_TRPC[error.code];
    if (status < 500 && code)
      return { status, errors: [{ ...errorObject(code, error.message), status: String(status) }], internal: false };
  } else {
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const code = CODE_BY_STATUS[status] ?? "BAD_REQUEST";
      const message = (error as { message?: unknown }).message;
      const detail = typeof message === "string" && message ? message : TITLES[code];
      return { status, errors: [{ ...errorObject(code, detail), status: String(status) }], internal: false };
    }
  }
  return { status: 500, errors: [errorObject("INTERNAL", GENERIC_FAILURE, { requestId })], internal: true };
}

/** Sends `{ errors }` with the status of the first one (and Retry-After when given). */
export function sendErrors(reply: FastifyReply, errors: ErrorObject[], retryAfterSecs?: number): FastifyReply {
  if (retryAfterSecs) reply.header("retry-after", String(retryAfterSecs));
  return reply.code(Number(errors[0]!.status)).send({ errors } satisfies ErrorBody);
}

/** The helper every plain route uses: the status comes from the code. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  options: { source?: { pointer: string }; retryAfterSecs?: number } = {},
): FastifyReply {
  return sendErrors(
    reply,
    [errorObject(code, detail, options.source ? { source: options.source } : {})],
    options.retryAfterSecs,
  );
}

/**
 * A ready answer a plugin throws (the rate limiter's 429 in the REST or tRPC shape): the error handler
 * sends `body` as it is.
 */
export class HttpAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${statusCode}`);
  }
}

/** Any failure of a route: described once, internal ones logged under the request id. */
export function sendFailure(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof HttpAnswer) return reply.code(error.statusCode).send(error.body);
  const failure = describeFailure(error, request.id);
  if (failure.internal) request.log.error({ err: error }, "request failed");
  return sendErrors(reply, failure.errors, failure.retryAfterSecs);
}
