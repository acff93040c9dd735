/**
 * The tRPC building blocks, and only those: router, procedures per role, createCallerFactory.
 * Errors leave in tRPC's envelope as { message, data: { code, httpStatus, appCode, fieldErrors, errors } } —
 * field errors carry stable message keys ("required", "invalid_phone") that the web translates; `errors`
 * holds the error objects of the other HTTP surfaces (http-errors.ts); never a stack trace.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "@app/db/client";
import { AppError, httpStatusOf, type AppErrorCode } from "@app/telnyx-core/errors/app-error";
import { withActor } from "@app/telnyx-core/domain/domain-context";
import { hasRole } from "../auth/auth-context";
import type { RestMapping } from "../rest/rest-route";
import { resolveKiosk } from "../auth/kiosk-auth";
import { actorOf } from "./actor";
import type { Context } from "./context";
import { describeFailure, fieldErrorsOf, GENERIC_FAILURE } from "../http/http-errors";
import { assertStorableInput, exceedsDepth, MAX_INPUT_DEPTH } from "./input-guard";
import { publicAppErrorOf } from "./public-errors";
import { runOnceForKey, ZIdempotencyInputSchema } from "./idempotency";

export interface Meta {
  /** Lowest role allowed; procedures without it are public. Read by the isolation test. */
  minRole?: Role;
  /** The procedure's REST route: served by rest/rest-plugin.ts, documented by openapi/build-openapi.ts. */
  rest?: RestMapping;
  /** Takes an `idempotencyKey` (REST: the Idempotency-Key header) and runs once per key (idempotency.ts). */
  idempotent?: boolean;
}

const TRPC_CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
  501: "NOT_IMPLEMENTED",
  500: "INTERNAL_SERVER_ERROR",
};

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({
    code: TRPC_CODE_BY_STATUS[httpStatusOf(error.code)] ?? "INTERNAL_SERVER_ERROR",
    message: error.message,
    cause: error,
  });
}

const APP_CODE_BY_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "VALIDATION",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

/**
 * superjson reads its annotations recursively: an envelope nested deeper than any input (a crafted
 * `meta`) is refused before it can overflow the stack, and whatever superjson cannot read is a 400.
 * The body size is bounded by Fastify's bodyLimit (and the URL length for queries).
 */
export const boundedSuperjson = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize(value: unknown): unknown {
      if (exceedsDepth(value, 2 * MAX_INPUT_DEPTH + 4))
        throw new TRPCError({ code: "BAD_REQUEST", message: "The input is nested too deeply." });
      try {
        return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
      } catch (cause) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The input could not be read.", cause });
      }
    },
  },
  output: {
    // superjson refuses to serialize an object holding a `__proto__`, `constructor` or `prototype` key. Such a key
    // can only come from the client (an error shape naming the fields of a crafted input): answer without it
    // rather than fail the whole response with a 500.
    serialize(value: unknown) {
      try {
        return superjson.serialize(value);
      } catch {
        return superjson.serialize(withoutPollutingKeys(value, 0));
      }
    },
    deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
  },
};

const POLLUTING_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function withoutPollutingKeys(value: unknown, depth: number): unknown {
  if (depth > 64 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => withoutPollutingKeys(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    if (!POLLUTING_KEYS.has(key)) copy[key] = withoutPollutingKeys(item, depth + 1);
  return copy;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: boundedSuperjson,
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const appError = cause instanceof AppError ? cause : undefined;
      const zodError = cause instanceof ZodError ? cause : undefined;
      const isInternal = error.code === "INTERNAL_SERVER_ERROR" && !appError;
      return {
        message: isInternal ? GENERIC_FAILURE : zodError ? "Some fields are invalid." : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode:
            appError?.code ??
            (zodError ? "VALIDATION" : (APP_CODE_BY_TRPC[error.code] ?? (isInternal ? "INTERNAL" : undefined))),
          fieldErrors: appError?.fieldErrors ?? (zodError ? fieldErrorsOf(zodError) : undefined),
          retryAfterSecs: appError?.retryAfterSecs,
          // The id under which the failure is logged, so a report can be matched to the logs.
          requestId: isInternal ? ctx?.requestId : undefined,
          // The error objects every other HTTP surface answers ({ errors: [...] }, http-errors.ts), with the
          // status of this answer: a tRPC client and a REST client read the same code, status and detail.
          errors: describeFailure(error, ctx?.requestId).errors.map((entry) => ({
            ...entry,
            status: String(shape.data.httpStatus),
          })),
        },
      };
    },
  });

export { fieldErrorsOf, GENERIC_FAILURE };

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** AppErrors (and a lost database, as UNAVAILABLE) leave with their own code and status. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const appError = publicAppErrorOf(result.error.cause ?? result.error);
  return appError ? ({ ...result, error: toTrpcError(appError) } as typeof result) : result;
});

/** Before any schema: unstorable characters and absurd nesting, anywhere in the raw input (input-guard.ts). */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  assertStorableInput(await getRawInput());
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).use(storableInput);

function requireRole(minRole: Role) {
  return publicProcedure.meta({ minRole }).use(({ ctx, next }) => {
    if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in." });
    if (!hasRole(ctx.auth.role, minRole)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this action." });
    }
    const auth = ctx.auth;
    return next({ ctx: { ...ctx, auth, domain: withActor(ctx.services, actorOf({ auth, ip: ctx.ip })) } });
  });
}

/** Any member of the organization (agents and up). */
export const protectedProcedure = requireRole("AGENT");
export const supervisorProcedure = requireRole("SUPERVISOR");
export const adminProcedure = requireRole("ADMIN");

/** Runs a create once per idempotency key (idempotency.ts); after the role check, before the procedure's input. */
const idempotency = t.middleware(({ ctx, path, getRawInput, next }) => runOnceForKey({ ctx, path, getRawInput, next }));

/**
 * Creates a click can repeat (a call, an SMS, a lead, a number, a token): an optional `idempotencyKey` in the
 * input, or the Idempotency-Key header on the REST route; the same key answers the first result again.
 */
export const idempotentProcedure = protectedProcedure
  .meta({ idempotent: true })
  .input(ZIdempotencyInputSchema)
  .use(idempotency);
export const idempotentSupervisorProcedure = supervisorProcedure
  .meta({ idempotent: true })
  .input(ZIdempotencyInputSchema)
  .use(idempotency);
export const idempotentAdminProcedure = adminProcedure
  .meta({ idempotent: true })
  .input(ZIdempotencyInputSchema)
  .use(idempotency);

/**
 * Supervisors and admins, or a wallboard kiosk link (`x-kiosk-token`): ctx.wallboardOrganizationId is
 * the organization to show. Used by wallboard.snapshot ONLY; a kiosk token opens nothing else.
 */
export const kioskOrSupervisorProcedure = publicProcedure.meta({ minRole: "SUPERVISOR" }).use(async ({ ctx, next }) => {
  if (ctx.auth) {
    if (!hasRole(ctx.auth.role, "SUPERVISOR"))
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this action." });
    return next({ ctx: { ...ctx, wallboardOrganizationId: ctx.auth.organizationId } });
  }
  const kiosk = await resolveKiosk(ctx.db, ctx.kioskToken);
  if (!kiosk)
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: ctx.kioskToken ? "This wallboard link was revoked or is invalid." : "Please log in.",
    });
  return next({ ctx: { ...ctx, wallboardOrganizationId: kiosk.organizationId } });
});
