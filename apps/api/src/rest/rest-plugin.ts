import type { FastifyInstance, FastifyReply } from "fastify";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "@app/telnyx-core/errors/app-error";
import { callerOf } from "./rate-limit";
import { appRouter } from "../trpc/app-router";
import { createContextInner, type ApiDeps, type SessionCookieJar } from "../trpc/context";
import { createCallerFactory, fieldErrorsOf } from "../trpc/trpc";
import { REST_ROUTES } from "./rest-routes";

const createCaller = createCallerFactory(appRouter);

const readOnlyCookies = (token: string | undefined): SessionCookieJar => ({ read: () => token, set() {}, clear() {} });

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const trpc = error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  const cause = trpc.cause;
  const status = getHTTPStatusCodeFromError(trpc);
  if (cause instanceof ZodError) {
    const errors = Object.entries(fieldErrorsOf(cause)).flatMap(([field, keys]) =>
      keys.map((key) => ({ code: "VALIDATION", title: "Invalid field", detail: `${field}: ${key}`, source: { pointer: `/${field.replace(/\./g, "/")}` } })),
    );
    return reply.code(422).send({ errors });
  }
  const appError = cause instanceof AppError ? cause : undefined;
  if (appError?.retryAfterSecs) reply.header("retry-after", String(appError.retryAfterSecs));
  const isInternal = status >= 500 && !appError;
  return reply.code(status).send({
    errors: [
      {
        code: appError?.code ?? trpc.code,
        title: isInternal ? "Internal error" : trpc.code.replace(/_/g, " ").toLowerCase(),
        detail: isInternal ? "Something went wrong on our side. Please try again." : trpc.message,
      },
    ],
  });
}

export async function registerRestRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  for (const route of REST_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const auth = await callerOf(deps.db, request);
        const caller = createCaller(
          createContextInner({ deps, auth, ip: request.ip, userAgent: request.headers["user-agent"], cookies: readOnlyCookies(undefined) }),
        );
        const procedure = route.procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        try {
          const data = await procedure(route.input(request));
          return reply.code(route.successStatus ?? 200).send({ data });
        } catch (error) {
          if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") request.log.error({ err: error }, "REST route failed");
          return sendError(reply, error);
        }
      },
    });
  }
}
