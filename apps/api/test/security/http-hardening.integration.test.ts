/**
 * What a browser-facing server must get right, over real HTTP: security headers on the web app's
 * HTML and on JSON answers, cookie flags, CSRF for cookie-authenticated REST and tRPC calls
 * (server.integration covers the foreign-Origin tRPC case), sessions replaced at login and dead
 * after logout, and login limits per address that X-Forwarded-For cannot dodge.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { DEMO_PASSWORD, seedDemo } from "@app/db/seed";
import { hashPassword } from "../../src/auth/passwords";
import { hashToken } from "../../src/auth/tokens";
import { buildServer, type ApiServer } from "../../src/server";
import { listenOnFreePort } from "../support/listen";

const API_TOKEN = "tok_hardening_test_token_0123456789";
const WEB_INDEX = path.resolve(__dirname, "../../../web/index.html");
let db: TestDb;
let server: ApiServer;
let httpsServer: ApiServer;
let url: string;
let webDir: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db, { hashPassword, hashToken, apiToken: API_TOKEN });
  webDir = mkdtempSync(path.join(tmpdir(), "tcrm-web-"));
  copyFileSync(WEB_INDEX, path.join(webDir, "index.html"));
  server = await buildServer({ db, logLevel: "silent", webDistDir: webDir, rateLimitPerMinute: 100_000 });
  url = await listenOnFreePort(server.app);
  httpsServer = await buildServer({ db, logLevel: "silent", webDistDir: webDir, appUrl: "https://crm.example.com" });
});
afterAll(async () => {
  await server?.app.close();
  await httpsServer?.app.close();
  await db?.drop();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

async function login(
  email = "admin@acme.test",
  headers: Record<string, string> = {},
): Promise<{ status: number; cookie: string; setCookie: string }> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, ...headers },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  const setCookie = response.headers.get("set-cookie") ?? "";
  await response.body?.cancel();
  return { status: response.status, cookie: setCookie.split(";")[0]!, setCookie };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  it("the web app's HTML has no inline script the policy would have to allow", () => {
    const html = readFileSync(WEB_INDEX, "utf8");
    expect(html).toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it.each([
    ["the web app's HTML", "/", {}],
    ["a client-side route (SPA fallback)", "/calls/123", {}],
    ["tRPC JSON", "/trpc/auth.me", {}],
    ["REST JSON", "/api/leads", { authorization: `Bearer ${API_TOKEN}` }],
    ["a REST error", "/api/nope", {}],
  ])(
    "%s: CSP without inline scripts, nosniff, no framing, referrer policy, no X-Powered-By",
    async (_what, route, headers) => {
      const response = await fetch(`${url}${route}`, { headers });
      await response.body?.cancel();
      expect(response.status).toBeLessThan(500);
      const csp = directives(response.headers.get("content-security-policy") ?? "");
      const scriptSrc = csp.get("script-src") ?? csp.get("default-src") ?? [];
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(scriptSrc).not.toContain("*");
      expect(csp.get("script-src-attr")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(["'self'", "'none'"]).toContain(csp.get("frame-ancestors")?.join(" "));
      expect(response.headers.get("x-frame-options")).toMatch(/^(SAMEORIGIN|DENY)$/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toMatch(
        /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
      );
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{6,}/);
    },
  );

  it("session cookie: HttpOnly, SameSite=Lax, Path=/, with an expiry; no Secure over plain HTTP", async () => {
    const { setCookie } = await login();
    expect(setCookie).toMatch(/^tcrm_session=ses_/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(setCookie).toMatch(/;\s*Expires=/i);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
  });

  it("session cookie is Secure when APP_URL is https, at login and when cleared at logout", async () => {
    const signIn = await httpsServer.app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json", origin: "https://crm.example.com" },
      payload: JSON.stringify({ json: { email: "agent1@acme.test", password: DEMO_PASSWORD } }),
    });
    const setCookie = String(signIn.headers["set-cookie"]);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    const signOut = await httpsServer.app.inject({
      method: "POST",
      url: "/trpc/auth.logout",
      headers: {
        "content-type": "application/json",
        origin: "https://crm.example.com",
        cookie: setCookie.split(";")[0]!,
      },
      payload: "{}",
    });
    expect(signOut.statusCode).toBe(200);
    expect(String(signOut.headers["set-cookie"])).toMatch(/^tcrm_session=;.*Secure/i);
  });
});

describe("CSRF", () => {
  const leadBody = JSON.stringify({ firstName: "Csrf", lastName: "Probe", phoneNumber: "+14155550111" });
  const trpcBody = JSON.stringify({ json: { firstName: "Csrf", lastName: "Probe", phoneNumber: "+14155550112" } });
  const rest = (headers: Record<string, string>) =>
    fetch(`${url}/api/leads`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: leadBody,
    });
  const trpc = (headers: Record<string, string>) =>
    fetch(`${url}/trpc/leads.create`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: trpcBody,
    });

  it.each([
    ["no Origin and no Referer", {}],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a foreign Referer", { referer: "https://evil.example/page" }],
    ["a null Origin (sandboxed frame)", { origin: "null" }],
    ["an Origin on another port", { origin: "http://127.0.0.1:1" }],
  ])(
    "refuses a cookie-authenticated REST and tRPC call with %s, and creates nothing",
    async (_what, headers: Record<string, string>) => {
      const { cookie } = await login("supervisor@acme.test");
      const before = await db.prisma.lead.count({ where: { firstName: "Csrf" } });
      for (const response of [await rest({ cookie, ...headers }), await trpc({ cookie, ...headers })]) {
        expect(response.status).toBe(403);
        expect(await response.text()).toMatch(/Cross-site request refused/);
      }
      expect(await db.prisma.lead.count({ where: { firstName: "Csrf" } })).toBe(before);
    },
  );

  it("accepts the same call from our own origin (Origin, or Referer alone)", async () => {
    const { cookie } = await login("supervisor@acme.test");
    expect((await rest({ cookie, origin: url })).status).toBe(201);
    expect((await trpc({ cookie, origin: url })).status).toBe(200);
    expect((await rest({ cookie, referer: `${url}/leads` })).status).toBe(201);
  });

  it("does not apply to Bearer-token calls, which carry no ambient credential", async () => {
    const response = await rest({ authorization: `Bearer ${API_TOKEN}`, origin: "https://evil.example" });
    expect(response.status).toBe(201);
    // A stray session cookie beside the token changes nothing: the token is what authenticates.
    const { cookie } = await login("agent2@acme.test");
    expect((await trpc({ authorization: `Bearer ${API_TOKEN}`, cookie })).status).toBe(200);
  });

  it("leaves reads alone (GET is never state-changing)", async () => {
    const { cookie } = await login("supervisor@acme.test");
    const response = await fetch(`${url}/api/leads`, { headers: { cookie, origin: "https://evil.example" } });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });
});

describe("sessions", () => {
  const me = async (cookie: string) => {
    const response = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    return ((await response.json()) as { result: { data: { json: { role: string } | null } } }).result.data.json;
  };

  it("a new session id at login (the one sent along is destroyed), and none valid after logout", async () => {
    const first = await login("agent1@acme.test");
    expect(await me(first.cookie)).toMatchObject({ role: "AGENT" });
    const second = await login("agent1@acme.test", { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect(await me(first.cookie)).toBeNull();
    expect(await me(second.cookie)).toMatchObject({ role: "AGENT" });

    const logout = await fetch(`${url}/trpc/auth.logout`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: second.cookie, origin: url },
      body: "{}",
    });
    expect(logout.status).toBe(200);
    expect(logout.headers.get("set-cookie")).toMatch(/^tcrm_session=;/);
    expect(await me(second.cookie)).toBeNull();
    const replayed = await fetch(`${url}/api/leads`, { headers: { cookie: second.cookie } });
    expect(replayed.status).toBe(401);
  });

  it("a session id the server never issued is not adopted at login", async () => {
    const planted = "tcrm_session=ses_planted_by_an_attacker_0123456789";
    const signedIn = await login("agent2@acme.test", { cookie: planted });
    expect(signedIn.cookie).not.toBe(planted);
    expect(await me(planted)).toBeNull();
  });
});

describe("login limits per address", () => {
  const attempt = (remoteAddress: string, email: string, password: string, forwardedFor?: string) =>
    server.app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      remoteAddress,
      headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
      payload: JSON.stringify({ json: { email, password } }),
    });

  it("blocks an address after 50 failures across as many emails, even a spoofed X-Forwarded-For each time", async () => {
    const attacker = "203.0.113.7";
    for (let i = 0; i < 50; i += 1) {
      const response = await attempt(attacker, `nobody-${i}@acme.test`, "wrong-password", `198.18.0.${i}`);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await attempt(attacker, "admin@acme.test", DEMO_PASSWORD, "198.18.1.1");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toMatch(/Too many login attempts/);
    // Another address is not affected.
    expect((await attempt("203.0.113.8", "admin@acme.test", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("behind a trusted proxy (loopback by default) counts the client's forwarded address", async () => {
    for (let i = 0; i < 5; i += 1) await attempt("127.0.0.1", "agent2@acme.test", "wrong-password", "198.51.100.1");
    expect((await attempt("127.0.0.1", "agent2@acme.test", DEMO_PASSWORD, "198.51.100.1")).statusCode).toBe(429);
    expect((await attempt("127.0.0.1", "agent2@acme.test", DEMO_PASSWORD, "198.51.100.2")).statusCode).toBe(200);
  });

  it("a peer on a private network is not a trusted proxy by default: its X-Forwarded-For is ignored", async () => {
    for (let i = 0; i < 5; i += 1)
      await attempt("10.0.0.2", "supervisor@acme.test", "wrong-password", `198.51.100.${10 + i}`);
    expect((await attempt("10.0.0.2", "supervisor@acme.test", DEMO_PASSWORD, "198.51.100.99")).statusCode).toBe(429);
  });
});
