import type { FastifyInstance, FastifyRequest } from "fastify";
import { callerOf } from "./rate-limit";
import { sendError, sendFailure } from "../http/http-errors";
import { ZIdempotencyKeySchema } from "@app/telnyx-core/idempotency/run-idempotent";
import { IDEMPOTENCY_KEY_HEADER } from "../trpc/idempotency";
import { appRouter } from "../trpc/app-router";
import { createContextInner, type ApiDeps, type SessionCookieJar } from "../trpc/context";
import { createCallerFactory } from "../trpc/trpc";
import type { RestRequest, RestRoute } from "./rest-route";
import { REST_ROUTES } from "./rest-routes";

const createCaller = createCallerFactory(appRouter);

const restRequestOf = (request: FastifyRequest): RestRequest => ({
  params: (request.params ?? {}) as RestRequest["params"],
  query: (request.query ?? {}) as RestRequest["query"],
  body: request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {},
});

/**
 * The procedure input of a request: the route's mapping, plus the Idempotency-Key header on the routes of
 * idempotent procedures (payment-API semantics: the same key and body answer the first result again).
 */
function inputOf(route: RestRoute, request: FastifyRequest): { input: unknown } | { invalidKey: true } {
  const input = route.input(restRequestOf(request));
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (!route.idempotent || key === undefined) return { input };
  if (!ZIdempotencyKeySchema.safeParse(key).success) return { invalidKey: true };
  return { input: { ...(input as object), idempotencyKey: key } };
}

const readOnlyCookies = (token: string | undefined): SessionCookieJar => ({ read: () => token, set() {}, clear() {} });

export async function registerRestRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  for (const route of REST_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const auth = await callerOf(deps.db, request);
        const caller = createCaller(
          createContextInner({
            deps,
            auth,
            ip: request.ip,
            userAgent: request.headers["user-agent"],
            cookies: readOnlyCookies(undefined),
            requestId: request.id,
          }),
        );
        const procedure = route.procedure
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        const mapped = inputOf(route, request);
        if ("invalidKey" in mapped)
          return sendError(
            reply,
            "VALIDATION",
            "The Idempotency-Key header must be 8 to 255 letters, digits or - _ . : (a UUID is a good key).",
          );
        try {
          const data = await procedure(mapped.input);
          // Answers are the caller's own data (a softphone login token among them): never kept by a cache.
          return reply
            .code(route.successStatus ?? 200)
            .header("cache-control", "private, no-store")
            .send({ data });
        } catch (error) {
          return sendFailure(request, reply, error);
        }
      },
    });
  }
}
