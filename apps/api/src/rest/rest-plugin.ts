import type { FastifyInstance, FastifyRequest } from "fastify";
import { callerOf } from "./rate-limit";
import { sendFailure } from "../http/http-errors";
import { appRouter } from "../trpc/app-router";
import { createContextInner, type ApiDeps, type SessionCookieJar } from "../trpc/context";
import { createCallerFactory } from "../trpc/trpc";
import type { RestRequest } from "./rest-route";
import { REST_ROUTES } from "./rest-routes";

const createCaller = createCallerFactory(appRouter);

const restRequestOf = (request: FastifyRequest): RestRequest => ({
  params: (request.params ?? {}) as RestRequest["params"],
  query: (request.query ?? {}) as RestRequest["query"],
  body: request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {},
});

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
        try {
          const data = await procedure(route.input(restRequestOf(request)));
          return reply.code(route.successStatus ?? 200).send({ data });
        } catch (error) {
          return sendFailure(request, reply, error);
        }
      },
    });
  }
}
