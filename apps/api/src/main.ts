/**
 * Process entry: validate env, open the database (embedded by default), seed the demo
 * organization, start the server, print where to log in; stop cleanly on SIGTERM/SIGINT.
 */
import path from "node:path";
import { Redis } from "ioredis";
import { openDb } from "@app/db/open-db";
import { DEMO_PASSWORD, seedDemo } from "@app/db/seed";
import { EnvError, isSandboxMode, loadEnv, type Env } from "./env";
import { hashPassword } from "./auth/passwords";
import { hashToken } from "./auth/tokens";
import { buildServer } from "./server";
import { restoreSandboxWorld, seedDemoTelnyx, startEmbeddedSandbox } from "./telnyx/embedded-sandbox";
import { createLiveAccess, createSandboxAccess, type TelnyxAccess } from "./telnyx/telnyx-access";
import { createApiJobs } from "./jobs/api-jobs";
import { createScheduler } from "./jobs/scheduler";
import { START_RECONCILE_JOB, startReconcileAt } from "./jobs/reconcile-job";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function printBanner(env: Env, url: string, dbKind: string, seeded: boolean, sandboxUrl?: string): void {
  const lines = [
    "",
    `  Telnyx CRM is running at ${url}`,
    `  Database: ${dbKind === "pglite" ? `embedded (${path.resolve(env.DATA_DIR, "pglite")})` : "PostgreSQL"}`,
    `  Telnyx:   ${sandboxUrl ? `built-in sandbox at ${sandboxUrl} (set TELNYX_API_KEY for real Telnyx)` : (env.TELNYX_BASE_URL ?? "https://api.telnyx.com/v2")}`,
  ];
  if (seeded) {
    lines.push(
      "",
      "  Demo logins (password for all: " + DEMO_PASSWORD + ")",
      "    admin       admin@acme.test",
      "    supervisor  supervisor@acme.test",
      "    agents      agent1@acme.test, agent2@acme.test",
    );
  }
  console.log(lines.join("\n") + "\n");
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR, "pglite") }).catch(
    (error: Error) => fail(error.message),
  );
  const demo = env.SEED_DEMO
    ? await seedDemo(db, { hashPassword, apiToken: env.SEED_API_TOKEN, hashToken })
    : undefined;
  let telnyx: TelnyxAccess;
  if (isSandboxMode(env)) {
    const sandbox = await startEmbeddedSandbox({
      port: env.SANDBOX_PORT,
      dataDir: path.resolve(env.DATA_DIR),
      timeScale: env.SANDBOX_TIME_SCALE,
    }).catch(async (error: NodeJS.ErrnoException) => {
      await db.close().catch(() => undefined);
      if (error.code === "EADDRINUSE")
        fail(
          `Port ${env.SANDBOX_PORT} (the built-in Telnyx sandbox) is already in use. Set SANDBOX_PORT to a free port, or 0 for any.`,
        );
      throw error;
    });
    telnyx = createSandboxAccess(sandbox);
    if (demo) await seedDemoTelnyx(db, demo.organization.id);
  } else {
    telnyx = createLiveAccess({
      apiKey: env.TELNYX_API_KEY!,
      publicKey: env.TELNYX_PUBLIC_KEY,
      baseURL: env.TELNYX_BASE_URL,
    });
  }
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const server = await buildServer({
    db,
    telnyx,
    appUrl: env.APP_URL,
    redisUrl: env.REDIS_URL,
    redis,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    logLevel: env.LOG_LEVEL,
    webDistDir: env.WEB_DIST_DIR,
    dataDir: env.DATA_DIR,
    encryptionKey: env.APP_ENCRYPTION_KEY,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    maxSocketsPerCredential: env.MAX_SOCKETS_PER_CREDENTIAL,
    frameWindowMs: env.REALTIME_FRAME_WINDOW_MS,
    presence: { offlineGraceMs: env.PRESENCE_OFFLINE_GRACE_MS },
    trustProxy: env.TRUST_PROXY,
    recordings: {
      hosts: env.RECORDING_HOSTS,
      maxBytes: env.RECORDING_MAX_BYTES,
      isProduction: env.NODE_ENV === "production",
    },
    metricsToken: env.METRICS_TOKEN,
    metricsPort: env.METRICS_PORT,
  });
  const { deps } = server;
  const scheduler = createScheduler({
    db,
    log: server.app.log,
    jobs: createApiJobs({
      db,
      telnyx: deps.telnyx,
      publisher: server.realtime.publisher,
      publicUrl: deps.config.publicUrl,
    }),
  });

  let stopping = false;
  let reconcileTimer: NodeJS.Timeout | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    clearTimeout(reconcileTimer);
    await scheduler.stop().catch(() => undefined);
    await server.app.close().catch(() => undefined);
    await telnyx.sandbox?.close().catch(() => undefined);
    await redis?.quit().catch(() => undefined);
    await db.close().catch(() => undefined);
    clearTimeout(timer);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  try {
    await server.app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await db.close().catch(() => undefined);
    if (code === "EADDRINUSE")
      fail(`Port ${env.PORT} is already in use. Stop the other process or set PORT to a free port.`);
    throw error;
  }
  await server.metricsApp?.listen({ port: env.METRICS_PORT, host: env.HOST });
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  if (telnyx.sandbox) await restoreSandboxWorld(db, telnyx.sandbox, `http://127.0.0.1:${port}`);
  scheduler.start();
  // Calls that ended while no instance was listening, and the presence that followed them (issue 19).
  const reconcileAt = startReconcileAt(new Date());
  reconcileTimer = setTimeout(() => {
    scheduler
      .trigger(START_RECONCILE_JOB, reconcileAt)
      .catch((error: unknown) => server.app.log.error({ err: error }, "start-up reconciliation failed"));
  }, reconcileAt.getTime() - Date.now());
  printBanner(env, env.APP_URL ?? `http://localhost:${port}`, db.kind, env.SEED_DEMO, telnyx.sandbox?.baseUrl);
}

void main();
