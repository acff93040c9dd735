/**
 * Error answers of the REST face and of every plain Fastify route (reports, recordings, body
 * parsing): Telnyx-like `{ errors: [{ code, title, detail, source? }] }`. Only AppErrors and
 * Fastify's own 4xx speak for themselves; a lost database is a 503 + Retry-After; anything else is
 * a 500 with a generic sentence and the request id it was logged under.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { httpStatusOf, type AppError } from "@app/telnyx-core/errors/app-error";
import { publicAppErrorOf } from "../trpc/public-errors";
import { fieldErrorsOf, GENERIC_FAILURE } from "../trpc/trpc";

const titleOf = (code: string) => code.replace(/_/g, " ").toLowerCase();

/** One entry per field error; `sentence` (a domain error's own message, which says what to do) replaces "field: key". */
function fieldErrorBodies(fieldErrors: Record<string, string[]>, sentence?: string): unknown[] {
  return Object.entries(fieldErrors).flatMap(([field, keys]) =>
    keys.map((key) => ({
      code: "VALIDATION",
      title: "Invalid field",
      detail: sentence ?? `${field}: ${key}`,
      source: { pointer: `/${field.replace(/\./g, "/")}` },
    })),
  );
}

function sendAppError(reply: FastifyReply, appError: AppError): FastifyReply {
  if (appError.retryAfterSecs) reply.header("retry-after", String(appError.retryAfterSecs));
  const status = httpStatusOf(appError.code);
  if (appError.fieldErrors && status === 422)
    return reply.code(422).send({ errors: fieldErrorBodies(appError.fieldErrors, appError.message) });
  return reply
    .code(status)
    .send({ errors: [{ code: appError.code, title: titleOf(appError.code), detail: appError.message }] });
}

function sendInternal(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  request.log.error({ err: error }, "request failed");
  return reply
    .code(500)
    .send({ errors: [{ code: "INTERNAL", title: "Internal error", detail: GENERIC_FAILURE, requestId: request.id }] });
}

/** A procedure called through the REST face failed (a TRPCError, or whatever createCaller threw). */
export function sendProcedureError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return reply.code(422).send({ errors: fieldErrorBodies(fieldErrorsOf(cause)) });
  const appError = publicAppErrorOf(error);
  if (appError) return sendAppError(reply, appError);
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    const status = getHTTPStatusCodeFromError(error);
    if (status < 500)
      return reply
        .code(status)
        .send({ errors: [{ code: error.code, title: titleOf(error.code), detail: error.message }] });
  }
  return sendInternal(request, reply, error);
}

/** Fastify's error handler: any route that threw, and the framework's own refusals (413, 415, bad JSON). */
export function sendRouteError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = publicAppErrorOf(error);
  if (appError) return sendAppError(reply, appError);
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // A plugin's ready-made answer (the rate limiter's 429 body in its tRPC or REST shape).
    if (!(error instanceof Error)) return reply.code(status).send(error);
    const { code, message } = error as { code?: string; message?: string };
    return reply
      .code(status)
      .send({
        errors: [{ code: code ?? "BAD_REQUEST", title: titleOf(code ?? "BAD_REQUEST"), detail: message ?? "" }],
      });
  }
  return sendInternal(request, reply, error);
}
