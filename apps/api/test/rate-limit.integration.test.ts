/**
 * Rate limits: per API token (another token is unaffected), on tRPC and REST, with
 * x-ratelimit-* headers and a clear 429; Telnyx webhooks and probes are never limited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApi, type TestServer } from "./harness";

const LIMIT = 5;
let api: TestServer;
let url: string;

beforeAll(async () => {
  api = await setupTestApi({ server: { rateLimitPerMinute: LIMIT } });
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

const newToken = async (name: string) => (await api.asDemoAdmin().tokens.create({ name, role: "SUPERVISOR" })).token;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const trpcUrl = () => `${url}/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;

describe("rate limits", () => {
  it("REST: counts down per token, then answers 429 with Telnyx-like headers and body", async () => {
    const token = await newToken("rest-limited");
    for (let i = 0; i < LIMIT; i++) {
      const ok = await fetch(`${url}/api/leads`, { headers: bearer(token) });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));
      expect(ok.headers.get("x-ratelimit-remaining")).toBe(String(LIMIT - i - 1));
      expect(Number(ok.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    }
    const limited = await fetch(`${url}/api/leads`, { headers: bearer(token) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { errors: { code: string; title: string; detail: string }[] };
    expect(Object.keys(body)).toEqual(["errors"]);
    expect(body.errors[0]).toMatchObject({ status: "429", code: "RATE_LIMITED", title: "Too many requests" });
    expect(body.errors[0]!.detail).toMatch(
      new RegExp(`^Too many requests: ${LIMIT} per minute allowed for this token; retry in \\d+ s\\.$`),
    );

    // Another token of the same user and organization is unaffected.
    const other = await newToken("rest-other");
    expect((await fetch(`${url}/api/leads`, { headers: bearer(other) })).status).toBe(200);
  });

  it("tRPC: the same quota, with an error tRPC clients understand", async () => {
    const token = await newToken("trpc-limited");
    for (let i = 0; i < LIMIT; i++) expect((await fetch(trpcUrl(), { headers: bearer(token) })).status).toBe(200);
    const limited = await fetch(trpcUrl(), { headers: bearer(token) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));
    expect(limited.headers.get("retry-after")).toBeTruthy();
    const body = (await limited.json()) as {
      error: { json: { message: string; data: { code: string; appCode: string } } };
    };
    expect(body.error.json.message).toMatch(/per minute allowed for this token/);
    expect(body.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", appCode: "RATE_LIMITED" });

    const batch = await fetch(
      `${url}/trpc/leads.list,auth.me?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: {} }, 1: {} }))}`,
      {
        headers: bearer(token),
      },
    );
    expect(batch.status).toBe(429);
    expect(((await batch.json()) as unknown[]).length).toBe(2);
    expect((await fetch(trpcUrl(), { headers: bearer(await newToken("trpc-other")) })).status).toBe(200);
  });

  it("anonymous callers are limited by address; webhooks and probes never", async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const webhook = await fetch(`${url}/api/telnyx/webhooks/calls`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(webhook.status).not.toBe(429);
      expect(webhook.headers.get("x-ratelimit-limit")).toBeNull();
    }
    let last = 0;
    for (let i = 0; i < LIMIT + 1; i++) last = (await fetch(`${url}/api/leads`)).status;
    expect(last).toBe(429);
  });
});
