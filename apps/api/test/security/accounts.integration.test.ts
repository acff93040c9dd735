/**
 * Accounts under attack, over real HTTP: guesses spread over many addresses against one account
 * are locked out with growing delays (memory and Redis stores), known and unknown emails answer
 * alike and a failed login does not wait on the audit write, API tokens act with at most their
 * owner's current role, and /metrics can require a token and leave the public port.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { DEMO_PASSWORD, seedDemo, type DemoSeed } from "@app/db/seed";
import { ACCOUNT_FIRST_DELAY_SECS, ACCOUNT_FREE_FAILURES, createLoginLimiter } from "../../src/auth/login-limiter";
import { hashPassword } from "../../src/auth/passwords";
import { hashToken } from "../../src/auth/tokens";
import { buildServer, type ApiServer } from "../../src/server";
import { listenOnFreePort } from "../support/listen";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let db: TestDb;
let demo: DemoSeed;
let server: ApiServer;
let url: string;

beforeAll(async () => {
  db = await createTestDb();
  demo = await seedDemo(db, { hashPassword, hashToken });
  server = await buildServer({ db, logLevel: "silent", webDistDir: "/nonexistent", rateLimitPerMinute: 1_000_000 });
  url = await listenOnFreePort(server.app);
});
afterAll(async () => {
  await server?.app.close();
  await db?.drop();
});

const attempt = (remoteAddress: string, email: string, password: string) =>
  server.app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    remoteAddress,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ json: { email, password } }),
  });

describe("login throttling per account", () => {
  it("60 guesses from 60 addresses against one account: all but the free ones are refused, the real password too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1)
      statuses.push((await attempt(`198.51.100.${i + 1}`, "agent1@acme.test", `guess-${i}`)).statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_FREE_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(60 - ACCOUNT_FREE_FAILURES);
    const owner = await attempt("203.0.113.50", "agent1@acme.test", DEMO_PASSWORD);
    expect(owner.statusCode).toBe(429);
    expect(owner.headers["retry-after"]).toMatch(/^\d+$/);
    // Other accounts are not affected.
    expect((await attempt("198.51.100.1", "agent2@acme.test", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("an unknown email is throttled exactly like a known one (the answers reveal nothing)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1)
      statuses.push((await attempt(`198.51.101.${i + 1}`, "nobody-here@acme.test", `guess-${i}`)).statusCode);
    expect(statuses).toEqual([
      ...Array<number>(ACCOUNT_FREE_FAILURES).fill(401),
      ...Array<number>(20 - ACCOUNT_FREE_FAILURES).fill(429),
    ]);
  });

  it.each([
    ["memory", () => undefined],
    ["Redis", () => new Redis(REDIS_URL, { maxRetriesPerRequest: 2 })],
  ])("the lock grows with each further failure, and a success clears it (%s store)", async (_store, makeRedis) => {
    const redis = makeRedis();
    try {
      const limiter = createLoginLimiter(redis);
      const email = `growing-${randomUUID()}@acme.test`;
      for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i += 1) await limiter.recordFailure(`192.0.2.${i}`, email);
      expect(await limiter.retryAfter("192.0.2.200", email)).toBe(0);
      await limiter.recordFailure("192.0.2.100", email);
      const first = await limiter.retryAfter("192.0.2.200", email);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(ACCOUNT_FIRST_DELAY_SECS);
      await limiter.recordFailure("192.0.2.101", email);
      const second = await limiter.retryAfter("192.0.2.200", email);
      expect(second).toBeGreaterThan(ACCOUNT_FIRST_DELAY_SECS);
      expect(second).toBeLessThanOrEqual(2 * ACCOUNT_FIRST_DELAY_SECS);
      await limiter.reset("192.0.2.200", email);
      expect(await limiter.retryAfter("192.0.2.200", email)).toBe(0);
    } finally {
      await redis?.quit();
    }
  });
});

describe("failed logins", () => {
  it.skipIf(process.env.TEST_DB !== "postgres")(
    "answer without waiting for the audit write (a known email costs what an unknown one does)",
    async () => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // Another connection holds the audit table: a login that waited on its write would hang.
      const holder = db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`LOCK TABLE "AuditLog" IN ACCESS EXCLUSIVE MODE`);
          locked();
          await released;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      await isLocked;
      try {
        for (const email of ["supervisor@acme.test", "no-such-user@acme.test"]) {
          const response = await fetch(`${url}/trpc/auth.login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ json: { email, password: "wrong-password" } }),
            signal: AbortSignal.timeout(10_000),
          });
          expect(response.status, email).toBe(401);
          expect(JSON.parse(await response.text()).error.json.message).toBe("Wrong email or password.");
        }
      } finally {
        release();
        await holder;
      }
      await server.deps.background?.idle();
      const denied = await db.prisma.auditLog.count({
        where: { action: "auth.login", result: "denied", userId: demo.users.supervisor.id },
      });
      expect(denied).toBe(1);
    },
  );
});

describe("API tokens", () => {
  it("act with at most their owner's current role: demoted owner → demoted token, removed owner → refused", async () => {
    const user = await db.prisma.user.create({ data: { email: "ops@acme.test", name: "Ops", passwordHash: "x" } });
    const membership = await db.prisma.membership.create({
      data: { organizationId: demo.organization.id, userId: user.id, role: "ADMIN" },
    });
    const token = "tok_owner_role_cap_0123456789abcdef";
    await db.prisma.apiToken.create({
      data: {
        organizationId: demo.organization.id,
        userId: user.id,
        name: "ops",
        tokenHash: hashToken(token),
        prefix: token.slice(0, 8),
        role: "ADMIN",
      },
    });
    const get = (path: string) =>
      fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);

    expect(await get("/trpc/tokens.list")).toBe(200);
    await db.prisma.membership.update({ where: { id: membership.id }, data: { role: "AGENT" } });
    expect(await get("/trpc/tokens.list")).toBe(403);
    expect(await get("/trpc/settings.get")).toBe(403);
    expect(await get("/api/leads")).toBe(200);
    await db.prisma.membership.delete({ where: { id: membership.id } });
    expect(await get("/api/leads")).toBe(401);
    expect(await get("/trpc/auth.me")).toBe(200);
  });
});

describe("/metrics", () => {
  const METRICS_TOKEN = "metrics-token-0123456789";

  it("requires METRICS_TOKEN when set; without a port of its own it stays on the main port", async () => {
    const guarded = await buildServer({
      db,
      logLevel: "silent",
      webDistDir: "/nonexistent",
      metricsToken: METRICS_TOKEN,
    });
    try {
      expect((await guarded.app.inject({ url: "/metrics" })).statusCode).toBe(401);
      expect(
        (await guarded.app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong-token-0123456789" } }))
          .statusCode,
      ).toBe(401);
      const ok = await guarded.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/^webhook_inbox_pending \d+$/m);
    } finally {
      await guarded.app.close();
    }
  });

  it("with METRICS_PORT, is served only on that port", async () => {
    const split = await buildServer({
      db,
      logLevel: "silent",
      webDistDir: "/nonexistent",
      metricsToken: METRICS_TOKEN,
      metricsPort: 1,
    });
    try {
      expect(
        (await split.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode,
      ).toBe(404);
      const metricsUrl = `${await listenOnFreePort(split.metricsApp!)}/metrics`;
      expect((await fetch(metricsUrl)).status).toBe(401);
      const ok = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^socketio_connected_clients \d+$/m);
    } finally {
      await split.app.close();
    }
  });

  it("stays open when no token is configured (the default, for a private network)", async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});
