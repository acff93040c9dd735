/**
 * The database becomes unreachable (a TCP proxy between the API and PostgreSQL drops every
 * connection): every kind of route — REST, tRPC queries and mutations, the caller resolution of a
 * session cookie, reports, recordings — answers 503 with Retry-After and no driver or Prisma text,
 * then serves again once the database is back. PostgreSQL only: the embedded database has no
 * connection to lose.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@app/db/open-db";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { DEMO_PASSWORD, seedDemo } from "@app/db/seed";
import { hashPassword } from "../../src/auth/passwords";
import { hashToken } from "../../src/auth/tokens";
import { buildServer, type ApiServer } from "../../src/server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { listenOnFreePort } from "../support/listen";

const API_TOKEN = "tok_database_cut_admin_0123456789abcd";
const isPostgres = process.env.TEST_DB === "postgres";
const INTERNAL_TEXT = /prisma|ECONN|terminated|5432|pg-pool|node_modules|\/work\//i;

let testDb: TestDb;
let proxy: TcpProxy;
let proxied: Db;
let server: ApiServer;
let url: string;
let sessionCookie: string;

describe.skipIf(!isPostgres)("database unreachable", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    await seedDemo(testDb, { hashPassword, hashToken, apiToken: API_TOKEN });
    proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(testDb.databaseUrl!).port || 5432) });
    proxied = await openDb({ databaseUrl: proxy.urlFor(testDb.databaseUrl!), migrate: false, poolMax: 2 });
    server = await buildServer({
      db: proxied,
      logLevel: "silent",
      webDistDir: "/nonexistent",
      rateLimitPerMinute: 1_000_000,
    });
    url = await listenOnFreePort(server.app);
    const login = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ json: { email: "admin@acme.test", password: DEMO_PASSWORD } }),
    });
    sessionCookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  });
  afterAll(async () => {
    proxy?.restore();
    await server?.app.close();
    await proxied?.close();
    await proxy?.close();
    await testDb?.drop();
  });

  const bearer = { authorization: `Bearer ${API_TOKEN}` };
  const requests: Array<[string, string, RequestInit]> = [
    ["REST GET /api/leads", "/api/leads", { headers: bearer }],
    [
      "REST POST /api/leads",
      "/api/leads",
      {
        method: "POST",
        headers: { ...bearer, "content-type": "application/json" },
        body: JSON.stringify({ firstName: "Cut", phoneNumber: "+14155550171" }),
      },
    ],
    [
      "tRPC query leads.list",
      `/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
      { headers: bearer },
    ],
    [
      "tRPC mutation leads.create",
      "/trpc/leads.create",
      {
        method: "POST",
        headers: { ...bearer, "content-type": "application/json" },
        body: JSON.stringify({ json: { firstName: "Cut", phoneNumber: "+14155550172" } }),
      },
    ],
    ["tRPC auth.me with a session cookie", "/trpc/auth.me", { headers: { cookie: "" } }],
    [
      "anonymous auth.login",
      "/trpc/auth.login",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { email: "admin@acme.test", password: "x" } }),
      },
    ],
    ["report CSV", "/api/reports/calls.csv", { headers: bearer }],
    ["recording", "/api/recordings/some-call", { headers: bearer }],
  ];

  it("every route answers 503 + Retry-After with nothing internal, and serves again once it is back", async () => {
    expect(sessionCookie).toMatch(/^tcrm_session=/);
    proxy.cut();
    for (const [name, path, init] of requests) {
      const headers = name.includes("session cookie") ? { cookie: sessionCookie } : init.headers;
      const response = await fetch(`${url}${path}`, { ...init, headers, signal: AbortSignal.timeout(15_000) });
      const text = await response.text();
      expect(response.status, `${name}: ${text}`).toBe(503);
      expect(response.headers.get("retry-after"), name).toMatch(/^\d+$/);
      expect(text, name).not.toMatch(INTERNAL_TEXT);
    }
    proxy.restore();
    const back = await fetch(`${url}/api/leads`, { headers: bearer });
    expect(back.status, await back.text()).toBe(200);
  });
});
