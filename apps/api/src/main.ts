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

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function printBanner(env: Env, url: string, dbKind: string, seeded: boolean): void {
  const lines = [
    "",
    `  Telnyx CRM is running at ${url}`,
    `  Database: ${dbKind === "pglite" ? `embedded (${path.resolve(env.DATA_DIR, "pglite")})` : "PostgreSQL"}`,
    `  Telnyx:   ${isSandboxMode(env) ? "built-in sandbox (set TELNYX_API_KEY for real Telnyx)" : "api.telnyx.com"}`,
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

  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR, "pglite") }).catch((error: Error) =>
    fail(error.message),
  );
  if (env.SEED_DEMO) {
    await seedDemo(db, { hashPassword, apiToken: env.SEED_API_TOKEN, hashToken });
  }
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const server = await buildServer({
    db,
    appUrl: env.APP_URL,
    redisUrl: env.REDIS_URL,
    redis,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    logLevel: env.LOG_LEVEL,
    webDistDir: env.WEB_DIST_DIR,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await server.app.close().catch(() => undefined);
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
    if (code === "EADDRINUSE") fail(`Port ${env.PORT} is already in use. Stop the other process or set PORT to a free port.`);
    throw error;
  }
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  printBanner(env, env.APP_URL ?? `http://localhost:${port}`, db.kind, env.SEED_DEMO);
}

void main();
