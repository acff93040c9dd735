/**
 * Local emulator of the Telnyx v2 API subset the product uses: `startSandbox()` serves /v2 (Telnyx wire format,
 * Bearer auth, rate-limit headers, injectable faults) and /sandbox (control API), and sends signed webhooks.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { ApiError } from "./http/errors.js";
import { parseQuery } from "./http/query.js";
import { registerAccountRoutes } from "./routes/accounts.js";
import { registerBillingRoutes } from "./routes/billing.js";
import { registerCallRoutes } from "./routes/calls.js";
import { registerConferenceRoutes } from "./routes/conferences.js";
import { registerControlRoutes } from "./routes/control.js";
import { registerCredentialRoutes } from "./routes/credentials.js";
import { registerMessageRoutes } from "./routes/messages.js";
import { registerNumberRoutes } from "./routes/numbers.js";
import { registerPhoneNumberRoutes } from "./routes/phone-numbers.js";
import { registerQueueRoutes } from "./routes/queues.js";
import { registerRecordingRoutes } from "./routes/recordings.js";
import { registerWebrtcControlRoutes } from "./routes/webrtc-control.js";
import { installGuards } from "./http/guards.js";
import { generateSandboxKeyPair, loadOrCreateKeyPair, WebhookSigner, type SandboxKeyPair } from "./webhooks/signer.js";
import { World } from "./world.js";

export interface SandboxOptions {
  /** 0 = ephemeral; default env SANDBOX_PORT ?? 4010. */
  port?: number;
  host?: string;
  /** Folder where the webhook key pair is persisted (keys.json). */
  dataDir?: string;
  /** Explicit key pair (used when no dataDir). */
  keyPair?: SandboxKeyPair;
  /**
   * The default account's only Bearer key; default env SANDBOX_API_KEY. Unset: any non-empty key not shaped like a
   * real Telnyx key is the default account's, and a real-shaped unknown key opens a new account (its own signing key).
   */
  apiKey?: string;
  /** Multiplier for simulated delays: 0 = as fast as possible. Default 1. */
  timeScale?: number;
  seed?: number;
  logger?: boolean;
  /** Requests allowed per API key per window (default 1000 per 60 s). */
  rateLimit?: { limit: number; windowSecs: number };
}

export interface Sandbox {
  baseUrl: string;
  /** The WebRTC gateway for `@telnyx/webrtc`'s `host` option (same port as the API). */
  rtcUrl: string;
  origin: string;
  /** The default account's webhook public key (accounts opened later have their own: GET /sandbox/public-key). */
  publicKey: string;
  world: World;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const keyPair = options.dataDir
    ? loadOrCreateKeyPair(options.dataDir)
    : (options.keyPair ?? generateSandboxKeyPair());
  const signer = new WebhookSigner(keyPair);
  const apiKey = options.apiKey ?? process.env["SANDBOX_API_KEY"] ?? undefined;
  const world = new World({ signer, apiKey, timeScale: options.timeScale ?? 1, seed: options.seed });
  const app = buildApp(world, options);
  world.verto.attach(app.server);
  const port = options.port ?? Number(process.env["SANDBOX_PORT"] ?? 4010);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
  world.origin = origin;
  return {
    baseUrl: `${origin}/v2`,
    rtcUrl: origin.replace(/^http/, "ws"),
    origin,
    publicKey: signer.publicKey,
    world,
    async close() {
      world.close();
      await app.close();
    },
  };
}

function buildApp(world: World, options: SandboxOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: { querystringParser: (raw: string) => parseQuery(raw), ignoreTrailingSlash: true },
    bodyLimit: 5 * 1024 * 1024,
    // Closing must not wait for requests a fault keeps open (slow/timeout) or idle keep-alive sockets.
    forceCloseConnections: true,
  });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, raw, done) => {
    const text = typeof raw === "string" ? raw : raw.toString("utf8");
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, "10015", "Bad Request", "The request body is not valid JSON."), undefined);
    }
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send(error.toBody());
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    const apiError =
      status < 500
        ? new ApiError(status, "10015", "Bad Request", error instanceof Error ? error.message : String(error))
        : new ApiError(500, "10007", "Unexpected error", "An unexpected error occurred.");
    if (status >= 500) app.log.error(error);
    return reply.status(apiError.status).send(apiError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new ApiError(
      404,
      "10005",
      "Resource not found",
      `No route for ${request.method} ${request.url.split("?")[0]}.`,
    );
    return reply.status(404).send(err.toBody());
  });
  installGuards(app, world, {
    rateLimit: options.rateLimit ?? { limit: 1000, windowSecs: 60 },
  });
  void app.register(
    async (v2) => {
      for (const register of [
        registerCallRoutes,
        registerConferenceRoutes,
        registerQueueRoutes,
        registerMessageRoutes,
        registerNumberRoutes,
        registerPhoneNumberRoutes,
        registerAccountRoutes,
        registerCredentialRoutes,
        registerRecordingRoutes,
        registerBillingRoutes,
      ]) {
        register(v2, world);
      }
    },
    { prefix: "/v2" },
  );
  void app.register(
    async (control) => {
      registerControlRoutes(control, world);
      registerWebrtcControlRoutes(control, world);
    },
    { prefix: "/sandbox" },
  );
  return app;
}
