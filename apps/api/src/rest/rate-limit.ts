/**
 * Request quotas on /trpc and /api (@fastify/rate-limit; Redis store with REDIS_URL so every
 * instance counts together), keyed by API token, else by logged-in user, else by IP.
 * Telnyx webhooks and probes are never limited. Headers: x-ratelimit-limit / -remaining /
 * -reset, and retry-after on a 429, whose body (the one error shape, http-errors.ts) says the limit and when to retry.
 */
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "@app/db/open-db";
import type { AuthContext } from "../auth/auth-context";
import { resolveCaller } from "../auth/sessions";
import { errorObject, HttpAnswer } from "../http/http-errors";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

const EXCLUDED = [/^\/api\/telnyx\/webhooks(\/|$|\?)/, /^\/(healthz|readyz|metrics)(\?|$)/];
const LIMITED = /^\/(trpc|api)(\/|\?|$)/;

const callers = new WeakMap<FastifyRequest, Promise<AuthContext | null>>();
const limitKeys = new WeakMap<FastifyRequest, string>();

/** The caller of a request, resolved once and shared by the rate limiter, tRPC and REST. */
export function callerOf(db: Db, request: FastifyRequest): Promise<AuthContext | null> {
  let caller = callers.get(request);
  if (!caller) {
    caller = resolveCaller(db, { authorization: request.headers.authorization, cookie: request.headers.cookie });
    callers.set(request, caller);
  }
  return caller;
}

export function isRateLimited(url: string): boolean {
  return LIMITED.test(url) && !EXCLUDED.some((pattern) => pattern.test(url));
}

const SUBJECT = { token: "this token", user: "this user", ip: "this address" } as const;

function subjectOf(key: string): string {
  return SUBJECT[key.split(":")[0] as keyof typeof SUBJECT] ?? "this client";
}

/** tRPC clients expect their own error envelope (one per procedure of a batch), with the same error object in data. */
function trpcErrorBody(request: FastifyRequest, message: string): unknown {
  const shape = {
    json: {
      message,
      code: -32029,
      data: {
        code: "TOO_MANY_REQUESTS",
        httpStatus: 429,
        appCode: "RATE_LIMITED",
        errors: [errorObject("RATE_LIMITED", message)],
      },
    },
  };
  const isBatch = (request.query as Record<string, unknown> | undefined)?.batch !== undefined;
  if (!isBatch) return { error: shape };
  const procedures = request.url
    .split("?")[0]!
    .replace(/^\/trpc\//, "")
    .split(",");
  return procedures.map(() => ({ error: shape }));
}

export async function registerRateLimit(
  app: FastifyInstance,
  options: { db: Db; perMinute?: number; redis?: Redis },
): Promise<void> {
  const max = options.perMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  await app.register(fastifyRateLimit, {
    global: true,
    max,
    timeWindow: 60_000,
    redis: options.redis,
    nameSpace: "tcrm-rate-limit:",
    // Count what the API serves, not the web app's static files; never Telnyx's webhooks.
    allowList: (request) => !isRateLimited(request.url),
    keyGenerator: async (request) => {
      if (!isRateLimited(request.url)) return "none";
      const caller = await callerOf(options.db, request).catch(() => null);
      const key = caller?.tokenId ? `token:${caller.tokenId}` : caller ? `user:${caller.userId}` : `ip:${request.ip}`;
      limitKeys.set(request, key);
      return key;
    },
    errorResponseBuilder: (request, context) => {
      const retryIn = Math.max(1, Math.ceil(context.ttl / 1000));
      const detail = `Too many requests: ${context.max} per minute allowed for ${subjectOf(limitKeys.get(request) ?? "")}; retry in ${retryIn} s.`;
      // Thrown by the plugin, sent as it is by the error handler (http-errors.ts).
      if (request.url.startsWith("/trpc")) return new HttpAnswer(429, trpcErrorBody(request, detail));
      return new HttpAnswer(429, { errors: [errorObject("RATE_LIMITED", detail)] });
    },
  });
}
