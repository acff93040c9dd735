/**
 * The real HTTP server on an ephemeral port: cookie login over tRPC's wire format, Bearer
 * tokens, socket.io handshakes, CSRF and health probes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect as connectTcp } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDb } from "@app/db/test-db";
import { DEMO_PASSWORD, seedDemo } from "@app/db/seed";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { MAX_TRPC_BATCH_SIZE } from "@app/telnyx-core/api/batch-limits";
import { buildServer, type ApiServer } from "../src/server";
import { listenOnFreePort, portOf } from "./support/listen";

const API_TOKEN = "tok_integration_test_token_0123456789";
let server: ApiServer;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDb();
  drop = db.drop;
  await seedDemo(db, { hashPassword, hashToken, apiToken: API_TOKEN });
  server = await buildServer({ db, logLevel: "silent", webDistDir: "/nonexistent" });
  url = await listenOnFreePort(server.app);
});
afterAll(async () => {
  await server?.app.close();
  await drop?.();
});

async function login(): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email: "agent1@acme.test", password: DEMO_PASSWORD } }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return cookie.split(";")[0]!;
}

function openSocket(options: {
  cookie?: string;
  token?: string;
}): Promise<{ socket: Socket; ready?: unknown; error?: Error }> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    auth: options.token ? { token: options.token } : undefined,
  });
  return new Promise((resolve) => {
    socket.on("ready", (ready) => resolve({ socket, ready }));
    socket.on("connect_error", (error) => resolve({ socket, error }));
  });
}

describe("HTTP server", () => {
  it("answers the health probes", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("logs in with a cookie and reads leads with it", async () => {
    const cookie = await login();
    const response = await fetch(`${url}/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { total: number } } } };
    expect(body.result.data.json.total).toBeGreaterThan(0);
  });

  it("answers a batched GET of many procedures (the Leads page asks one cost per row), not 414", async () => {
    // The web's batch link names every procedure in the path: 25 rows are ~400 characters of path parameter.
    const leads = await server.deps.db.prisma.lead.findMany({ take: 25, select: { id: true } });
    expect(leads.length).toBeGreaterThan(0);
    const rows = Array.from({ length: 25 }, (_, i) => leads[i % leads.length]!.id);
    const paths = rows.map(() => "stats.leadCost").join(",");
    const input = Object.fromEntries(rows.map((leadId, i) => [i, { json: { leadId } }]));
    const response = await fetch(`${url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as unknown[];
    expect(body).toHaveLength(25);
  });

  it("refuses a batch over the size limit with a 400, so one request cannot carry hundreds of calls", async () => {
    const size = MAX_TRPC_BATCH_SIZE + 1;
    const paths = Array.from({ length: size }, () => "auth.me").join(",");
    const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { json: null }]));
    const response = await fetch(`${url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(response.status).toBe(400);
  });

  it("accepts the seeded API token as a Bearer token and refuses a wrong one", async () => {
    const me = await fetch(`${url}/trpc/auth.me`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(((await me.json()) as { result: { data: { json: { role: string } } } }).result.data.json.role).toBe("ADMIN");
    const wrong = await fetch(`${url}/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
    const error = (await wrong.json()) as {
      error: { json: { message: string; data: { appCode: string; stack?: string } } };
    };
    expect(error.error.json.data.appCode).toBe("UNAUTHORIZED");
    expect(error.error.json.data.stack).toBeUndefined();
  });

  it("refuses a state-changing request from a foreign origin", async () => {
    const cookie = await login();
    const response = await fetch(`${url}/trpc/leads.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: "https://evil.example" },
      body: JSON.stringify({ json: { firstName: "CSRF", phoneNumber: "+14155550100" } }),
    });
    expect(response.status).toBe(403);
  });

  it("authenticates socket.io handshakes by cookie or token, and refuses anonymous ones", async () => {
    const cookie = await login();
    const byCookie = await openSocket({ cookie });
    expect(byCookie.ready).toMatchObject({ role: "AGENT" });
    const byToken = await openSocket({ token: API_TOKEN });
    expect(byToken.ready).toMatchObject({ role: "ADMIN" });
    const anonymous = await openSocket({});
    expect(anonymous.error?.message).toBe("UNAUTHORIZED");
    for (const s of [byCookie, byToken, anonymous]) s.socket.close();
  });

  it("disconnects the session's sockets at logout", async () => {
    const cookie = await login();
    const { socket } = await openSocket({ cookie });
    const disconnected = new Promise((resolve) => socket.on("disconnect", resolve));
    await fetch(`${url}/trpc/auth.logout`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: url },
      body: "{}",
    });
    await disconnected;
    expect(socket.connected).toBe(false);
  });

  it("shuts down after its grace period even when a client opened a connection and never sent a request", async () => {
    // Node's server.close() waits for such a connection for ever; a CI run hung a minute in afterAll on one.
    const own = await buildServer({
      db: server.deps.db,
      logLevel: "silent",
      webDistDir: "/nonexistent",
      shutdownGraceMs: 300,
    });
    await listenOnFreePort(own.app);
    const silent = connectTcp(portOf(own.app), "127.0.0.1");
    await new Promise((resolve) => silent.on("connect", resolve));
    const cut = new Promise((resolve) => silent.on("close", resolve));
    let closed = false;
    const closing = own.app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false); // still inside the grace period
    await closing;
    await cut;
    expect(silent.destroyed).toBe(true);
  });
});
