import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { World } from "../world.js";
import type { TelnyxAccount } from "../world/telnyx-accounts.js";
import { ApiError } from "./errors.js";
import type { Fault } from "./faults.js";

interface GuardOptions {
  rateLimit: { limit: number; windowSecs: number };
}

/** Rate-limit headers on every response, injected faults, and Bearer authentication for /v2. */
export function installGuards(app: FastifyInstance, world: World, options: GuardOptions): void {
  const windows = new Map<string, { start: number; count: number }>();

  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const isApi = path.startsWith("/v2");
    const auth = request.headers.authorization ?? "";
    const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? "";
    const windowMs = options.rateLimit.windowSecs * 1000;
    const bucketKey = isApi ? key || "anonymous" : "control";
    const now = Date.now();
    let bucket = windows.get(bucketKey);
    if (!bucket || now - bucket.start >= windowMs) {
      bucket = { start: now, count: 0 };
      windows.set(bucketKey, bucket);
    }
    bucket.count++;
    const remaining = Math.max(0, options.rateLimit.limit - bucket.count);
    const resetSecs = Math.max(1, Math.ceil((bucket.start + windowMs - now) / 1000));
    reply.header("x-ratelimit-limit", String(options.rateLimit.limit));
    reply.header("x-ratelimit-remaining", String(remaining));
    reply.header("x-ratelimit-reset", String(resetSecs));
    if (!isApi) return;

    const fault = world.faults.take(request.method, path);
    if (fault) {
      (request as { sandboxFault?: Fault }).sandboxFault = fault;
      const handled = await applyFault(fault, reply);
      if (handled) return reply;
    }
    const account = world.accounts.resolve(key);
    if (!account) {
      const err = new ApiError(
        401,
        "10009",
        "Authentication failed",
        "The API key provided is missing or invalid. Send it as 'Authorization: Bearer <key>'.",
      );
      return reply.status(401).send(err.toBody());
    }
    (request as { sandboxAccount?: TelnyxAccount }).sandboxAccount = account;
    if (bucket.count > options.rateLimit.limit) {
      reply.header("retry-after", String(resetSecs));
      const err = new ApiError(429, "10011", "Too many requests", "You have exceeded the rate limit for this API key.");
      return reply.status(429).send(err.toBody());
    }
  });

  // A slow request is processed at once and answered late, as a congested real API would: a client
  // that gives up has still had its message sent.
  app.addHook("onSend", async (request, _reply, payload) => {
    const fault = (request as { sandboxFault?: Fault }).sandboxFault;
    if (fault?.kind === "slow") await sleep(fault.delay_ms);
    return payload;
  });

  app.addHook("onResponse", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/v2")) return;
    const fault = (request as { sandboxFault?: Fault }).sandboxFault;
    world.faults.logRequest({
      method: request.method,
      path,
      status: reply.statusCode,
      fault: fault?.kind ?? null,
      at: new Date().toISOString(),
    });
  });
}

/** Returns true when the fault produced the response (or killed the connection). */
async function applyFault(fault: Fault, reply: FastifyReply): Promise<boolean> {
  switch (fault.kind) {
    case "slow":
      return false;
    case "timeout":
      await sleep(fault.delay_ms);
      reply.hijack();
      reply.raw.destroy();
      return true;
    case "429": {
      reply.header("retry-after", String(fault.retry_after));
      reply.header("retry-after-ms", String(Math.round(fault.retry_after * 1000)));
      const err = new ApiError(429, "10011", "Too many requests", "Rate limit exceeded (injected by the sandbox).");
      await reply.status(429).send(err.toBody());
      return true;
    }
    case "500":
    case "503": {
      const status = Number(fault.kind);
      const err = new ApiError(
        status,
        "10007",
        status === 503 ? "Service unavailable" : "Unexpected error",
        `Injected ${status} fault.`,
      );
      await reply.status(status).send(err.toBody());
      return true;
    }
  }
}

/** The account whose key authenticated this /v2 request (set by the guard before any route runs). */
export function accountOf(request: FastifyRequest, world: World): TelnyxAccount {
  return (request as { sandboxAccount?: TelnyxAccount }).sandboxAccount ?? world.accounts.defaultAccount;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
