/**
 * The API's HTTP face: tRPC at /trpc, socket.io at /socket.io, health probes, the built web app.
 * `buildServer` takes ready dependencies (database, Telnyx gateway...) so tests start it on an
 * ephemeral port with the same code production runs.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { MAX_TRPC_BATCH_SIZE } from "@app/telnyx-core/api/batch-limits";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import type { Db } from "@app/db/open-db";
import type { Redis } from "ioredis";
import { createLoginLimiter } from "./auth/login-limiter";
import { isOwnOrigin, requestSourceOf } from "./auth/request-origin";
import { memberRoleOf, memberRolesOf } from "./auth/memberships";
import { prepareBurnHash } from "./auth/passwords";
import { redactUrl } from "./logging/redact-url";
import { bearerTokenOf, cookieValue, resolveCaller, SESSION_COOKIE } from "./auth/sessions";
import type { PresenceOptions } from "./realtime/presence-tracker";
import { createRealtime, type Realtime } from "./realtime/realtime";
import { createUnconfiguredAccess, withOrganizationKeys, type TelnyxAccess } from "./telnyx/telnyx-access";
import { secretBoxFromEnv } from "@app/telnyx-core/settings/secret-box";
import type { DestinationStream } from "pino";
import { createBackgroundTasks } from "./jobs/background-tasks";
import { startRingTicker } from "./jobs/ring-ticker";
import { createInboxWriter } from "./webhooks/inbox-writer";
import { createWebhookProcessor, type WebhookProcessor } from "./webhooks/webhook-processor";
import { registerWebhookRoutes } from "./webhooks/webhook-routes";
import { createWebhookEndpoints } from "./webhooks/webhook-endpoints";
import { createRefusalLog } from "./webhooks/refusal-log";
import { registerRestRoutes } from "./rest/rest-plugin";
import { sendError, sendFailure } from "./http/http-errors";
import { publicAppErrorOf } from "./trpc/public-errors";
import { toTrpcError } from "./trpc/trpc";
import { AppError } from "@app/telnyx-core/errors/app-error";
import { callerOf, registerRateLimit } from "./rest/rate-limit";
import { registerOpenApiRoutes } from "./openapi/openapi-routes";
import { registerRecordingRoutes } from "./recordings/recording-routes";
import { registerReportRoutes } from "./reports/report-routes";
import { KIOSK_HEADER, resolveKiosk } from "./auth/kiosk-auth";
import { appRouter, type AppRouter } from "./trpc/app-router";
import { createContextInner, domainServicesOf, type ApiDeps, type SessionCookieJar } from "./trpc/context";
import { watchHeapAfterGc } from "./logging/heap-after-gc";
import { recordingPolicyFor } from "./recordings/recording-policy";

export interface ServerOptions {
  /** How often queue ringing is advanced (ms, default 1000). */
  ringTickMs?: number;
  db: Db;
  telnyx?: TelnyxAccess;
  appUrl?: string;
  redisUrl?: string;
  redis?: Redis;
  sessionTtlHours?: number;
  logLevel?: string;
  webDistDir?: string;
  /** Where recordings and other files are stored (default ./.data). */
  dataDir?: string;
  /** APP_ENCRYPTION_KEY (32 bytes, base64): seals organizations' own Telnyx keys. */
  encryptionKey?: string;
  /** Requests per minute per API token / user / IP on /trpc and /api (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  /**
   * Which peers may set X-Forwarded-For (TRUST_PROXY; Fastify's trustProxy: boolean or
   * addresses/CIDRs). Default: loopback only (a reverse proxy on the same host); a load balancer
   * elsewhere is named explicitly, so no other host on a private network can pick the address its
   * rate and login limits are counted under.
   */
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** Concurrent sockets per session, API token or kiosk link (MAX_SOCKETS_PER_CREDENTIAL, default 20). */
  maxSocketsPerCredential?: number;
  /** REALTIME_FRAME_WINDOW_MS: how long live events are coalesced for sockets that opted in to batches (default 10). */
  frameWindowMs?: number;
  /** METRICS_TOKEN: when set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** METRICS_PORT: when set, /metrics is served only by `ApiServer.metricsApp` (listened on that port by main). */
  metricsPort?: number;
  /** Log destination (default stdout); tests capture logs with it. */
  logStream?: DestinationStream;
  /** Recording fetch policy (RECORDING_HOSTS, RECORDING_MAX_BYTES); the sandbox's origin is added in sandbox mode. */
  recordings?: { hosts?: string[]; maxBytes?: number; timeoutMs?: number; isProduction?: boolean };
  /** Presence timing: `offlineGraceMs` is PRESENCE_OFFLINE_GRACE_MS (default 30 s); tests shorten it. */
  presence?: Pick<PresenceOptions, "offlineGraceMs" | "tickMs" | "sweepMs">;
  /** How long close() lets requests in flight finish before it cuts every remaining connection (default 10 s). */
  shutdownGraceMs?: number;
}

export interface ApiServer {
  app: FastifyInstance;
  realtime: Realtime;
  deps: ApiDeps;
  webhooks: WebhookProcessor;
  /** The separate /metrics server when `metricsPort` is set (not listening yet; closed with `app`). */
  metricsApp?: FastifyInstance;
}

export const DEFAULT_TRUSTED_PROXIES = "loopback";

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIST = path.resolve(here, "../../web/dist");

function cookieJarFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): SessionCookieJar {
  return {
    read: () => cookieValue(request.headers.cookie, SESSION_COOKIE),
    set(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        expires: expiresAt,
      });
    },
    clear() {
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
    },
  };
}

/**
 * CSRF: cookies are SameSite=Lax and tRPC mutations are JSON POSTs; on top of that a state-changing
 * request authenticated by the session cookie must name our own origin in Origin (or, from
 * browsers that omit it, Referer). Browsers always send one of them; a request with neither is not
 * from our web app. Bearer-token calls carry no ambient credentials and are not concerned.
 */
function isCrossSiteRequest(request: FastifyRequest, appUrl?: string): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return false;
  if (bearerTokenOf(request.headers.authorization)) return false;
  if (!cookieValue(request.headers.cookie, SESSION_COOKIE)) return false;
  const source = requestSourceOf(request.headers);
  if (!source) return true;
  return !isOwnOrigin(source, request.headers.host, appUrl);
}

export async function buildServer(options: ServerOptions): Promise<ApiServer> {
  const secureCookies = options.appUrl?.startsWith("https://") ?? false;
  const app = Fastify({
    // Request bodies are never logged (tRPC inputs such as settings.setTelnyxKeys carry secrets).
    logger: {
      level: options.logLevel ?? "info",
      redact: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-kiosk-token"]'],
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket?.remotePort,
        }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    trustProxy: options.trustProxy ?? DEFAULT_TRUSTED_PROXIES,
    bodyLimit: 1_048_576,
    // tRPC's batch link names every batched procedure in one path parameter (`/trpc/a.b,a.b,…`): find-my-way's
    // default of 100 characters answered 414 from 7 rows of the Leads page. Batches stay bounded by
    // MAX_TRPC_BATCH_SIZE (50 names of at most ~40 characters fit), and the web splits long ones.
    routerOptions: { maxParamLength: 5_000 },
    // Unique across instances and restarts: a 500 answer quotes it, the logs carry it.
    genReqId: () => randomUUID(),
  });
  app.setErrorHandler((error, request, reply) => sendFailure(request, reply, error));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'", "ws:", "wss:"],
        mediaSrc: ["'self'", "blob:"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await registerRateLimit(app, { db: options.db, perMinute: options.rateLimitPerMinute, redis: options.redis });

  const realtime = createRealtime(app.server, {
    resolveCaller: (headers) => resolveCaller(options.db, headers),
    resolveKiosk: (token) => resolveKiosk(options.db, token),
    memberRoleOf: (member) => memberRoleOf(options.db, member),
    memberRolesOf: (members) => memberRolesOf(options.db, members),
    redisUrl: options.redisUrl,
    appUrl: options.appUrl,
    maxSocketsPerCredential: options.maxSocketsPerCredential,
    frameWindowMs: options.frameWindowMs,
    presence: { ...options.presence, db: options.db, log: app.log },
  });
  const secretBox = secretBoxFromEnv(options.encryptionKey);
  const deps: ApiDeps = {
    db: options.db,
    config: {
      sessionTtlHours: options.sessionTtlHours ?? 24 * 14,
      secureCookies,
      recordingsDir: path.resolve(options.dataDir ?? ".data", "recordings"),
      // The embedded sandbox posts to this process itself; real Telnyx needs APP_URL.
      publicUrl: () => (deps.telnyx.mode === "sandbox" ? ownAddress(app) : (options.appUrl ?? ownAddress(app))),
    },
    loginLimiter: createLoginLimiter(options.redis),
    telnyx: withOrganizationKeys(options.telnyx ?? createUnconfiguredAccess(), { db: options.db, secretBox }),
    webhookEndpoints: createWebhookEndpoints(options.db),
    realtime,
    secretBox,
    background: createBackgroundTasks(app.log),
    log: app.log,
  };
  await deps.telnyx.refresh();
  prepareBurnHash();

  app.addHook("onRequest", async (request, reply) => {
    if (isCrossSiteRequest(request, options.appUrl)) {
      return sendError(reply, "FORBIDDEN", "Cross-site request refused.");
    }
  });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await options.db.query("select 1");
      return { status: "ready", database: options.db.kind };
    } catch {
      return reply.code(503).send({ status: "unavailable", database: options.db.kind });
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: async ({ req, res }) =>
        createContextInner({
          deps,
          auth: await callerOf(options.db, req).catch((error: unknown) => {
            // Resolving the caller reads the database: losing it is a 503, not a 500.
            const appError = publicAppErrorOf(error);
            throw appError ? toTrpcError(appError) : error;
          }),
          ip: req.ip,
          userAgent: req.headers["user-agent"],
          cookies: cookieJarFor(req, res, secureCookies),
          kioskToken: typeof req.headers[KIOSK_HEADER] === "string" ? req.headers[KIOSK_HEADER] : undefined,
          requestId: req.id,
        }),
      responseMeta({ errors }) {
        const retryAfter = errors
          .map((error) => (error.cause instanceof AppError ? error.cause.retryAfterSecs : undefined))
          .find(Boolean);
        return retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {};
      },
      onError({ error, path: procedurePath, req }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path: procedurePath }, "procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  const inbox = createInboxWriter(options.db, () => webhooks.notify());
  const webhooks: WebhookProcessor = createWebhookProcessor({
    db: options.db,
    ingestBacklog: () => inbox.backlog(),
    services: {
      ...domainServicesOf(deps),
      recordingsDir: deps.config.recordingsDir,
      recordingPolicy: recordingPolicyFor({
        ...options.recordings,
        isProduction: options.recordings?.isProduction ?? false,
        sandboxOrigin: deps.telnyx.sandbox?.origin,
      }),
    },
    log: app.log,
  });
  const ringTicker = startRingTicker({
    db: options.db,
    publisher: domainServicesOf(deps).publisher,
    log: app.log,
    tickMs: options.ringTickMs,
  });
  const webhookRefusals = createRefusalLog(app.log);
  app.addHook("onClose", async () => webhookRefusals.stop());
  await registerWebhookRoutes(app, {
    inbox,
    endpoints: deps.webhookEndpoints,
    installationKeys: () => deps.telnyx.installationPublicKeys(),
    keysFor: (organizationId) => deps.telnyx.webhookKeysFor(organizationId),
    refusals: webhookRefusals,
  });

  const heapAfterGc = watchHeapAfterGc();
  const serveMetrics = async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.metricsToken && !isBearer(request.headers.authorization, options.metricsToken)) {
      return sendError(reply.header("www-authenticate", "Bearer"), "UNAUTHORIZED", "METRICS_TOKEN required.");
    }
    const [inbox] = await options.db
      .query<{ pending: number; failed: number }>(
        `SELECT (SELECT count(*) FROM "WebhookEvent" WHERE "state" = 'PENDING')::int AS pending,
                (SELECT count(*) FROM "WebhookEvent" WHERE "state" = 'FAILED')::int AS failed`,
      )
      .catch(() => [{ pending: -1, failed: -1 }]);
    const lines = [
      `webhook_inbox_pending ${inbox?.pending ?? -1}`,
      `webhook_inbox_failed ${inbox?.failed ?? -1}`,
      ...[...webhookRefusals.totals()].map(([reason, count]) => `webhook_refused_total{reason="${reason}"} ${count}`),
      `socketio_connected_clients ${realtime.io.engine.clientsCount}`,
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      `nodejs_heap_used_after_full_gc_bytes ${heapAfterGc.bytes ?? -1}`,
      `nodejs_full_gc_total ${heapAfterGc.count}`,
    ];
    return reply.type("text/plain; version=0.0.4").send(`${lines.join("\n")}\n`);
  };
  let metricsApp: FastifyInstance | undefined;
  if (options.metricsPort !== undefined) {
    // Off the public port: only what can reach METRICS_PORT (an internal network) can scrape.
    metricsApp = Fastify({ logger: false });
    metricsApp.get("/metrics", serveMetrics);
    app.addHook("onClose", async () => metricsApp?.close());
  } else {
    app.get("/metrics", serveMetrics);
  }

  await registerRestRoutes(app, deps);
  await registerReportRoutes(app, deps);
  await registerOpenApiRoutes(app);
  await registerRecordingRoutes(app, deps);
  await registerWebApp(app, options.webDistDir ?? DEFAULT_WEB_DIST);

  app.addHook("preClose", async () => {
    // A running sync finishes its current step and records its outcome (bounded).
    await Promise.race([deps.background?.idle(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await webhooks.stop();
    await ringTicker.stop();
    await realtime.close();
    // Node's server.close() closes idle keep-alive connections but waits for the others, and a connection that was
    // opened without sending a request yet counts as busy for ever once close() has stopped the header-timeout
    // checker: shutdown would hang on one silent client. Requests in flight get a grace period, then everything goes.
    setTimeout(() => app.server.closeAllConnections(), options.shutdownGraceMs ?? 10_000).unref();
  });
  return { app, realtime, deps, webhooks, metricsApp };
}

/** `Authorization: Bearer <expected>`, compared in constant time. */
function isBearer(header: string | undefined, expected: string): boolean {
  const given = bearerTokenOf(header);
  if (!given) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** This server's own loopback address (once listening). */
function ownAddress(app: FastifyInstance): string {
  const address = app.server.address();
  return typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "http://127.0.0.1";
}

const API_PREFIXES = ["/trpc", "/api", "/socket.io", "/healthz", "/readyz", "/metrics"];

async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(distDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      // The build writes .br/.gz twins (apps/web/vite-precompress.ts): served as they are.
      preCompressed: true,
      // Hashed file names under /assets never change content: cached for a year; the rest an hour.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const isHashed = filePath.startsWith(path.join(distDir, "assets") + path.sep);
        res.setHeader("cache-control", isHashed ? "public, max-age=31536000, immutable" : "public, max-age=3600");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (isApi || request.method !== "GET") {
      return sendError(reply, "NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`);
    }
    if (!hasWeb) {
      return sendError(
        reply,
        "UNAVAILABLE",
        "The web app is not built yet: run `pnpm build` (or `npm start`, which builds it).",
      );
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
