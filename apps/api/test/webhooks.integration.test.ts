/**
 * The webhook endpoints over real HTTP: every one of Telnyx's 48 published bodies, signed with a
 * test key, is accepted and stored once; forged, tampered, stale and unsigned requests get 4xx and
 * change nothing; unknown event types are stored and acknowledged; a burst is stored in batches.
 * They are posted to the organization's own endpoint (/o/<token>), as Telnyx is configured to; the
 * legacy shared paths keep accepting the installation's key; an unknown endpoint is a 404.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { buildServer, type ApiServer } from "../src/server";
import { createLiveAccess } from "../src/telnyx/telnyx-access";
import { findWebhookFixtures } from "../../../tooling/testing/webhook-fixtures";
import { listenOnFreePort } from "./support/listen";

const FIXTURES = findWebhookFixtures();
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, body: readFileSync(path.join(FIXTURES, name), "utf8") }));

const key = generateTestSigningKeyPair();
const otherKey = generateTestSigningKeyPair();
let db: TestDb;
let server: ApiServer;
let url: string;
/** The organization's endpoint (its webhook token). */
let own: string;

beforeAll(async () => {
  db = await createTestDb();
  const organization = await db.prisma.organization.create({ data: { name: "Webhooks", slug: "webhooks" } });
  own = `/api/telnyx/webhooks/o/${organization.webhookToken}`;
  server = await buildServer({
    db,
    telnyx: createLiveAccess({
      apiKey: "KEY_UNUSED",
      publicKey: key.publicKeyBase64,
      baseURL: "http://127.0.0.1:9/v2",
    }),
    logLevel: "silent",
    webDistDir: "/nonexistent",
  });
  url = await listenOnFreePort(server.app);
});
afterAll(async () => {
  await server?.app.close();
  await db?.drop();
});

function post(body: string, headers: Record<string, string>, route = own): Promise<Response> {
  return fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const storedCount = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WebhookEvent"`))[0]!.n;

describe("webhook endpoints", () => {
  it("has all 48 published bodies to play", () => {
    expect(fixtures.length).toBe(48);
  });

  it("refuses forged, tampered, stale and unsigned webhooks with 4xx and stores nothing", async () => {
    const body = fixtures[0]!.body;
    const now = Math.floor(Date.now() / 1000);
    const forged = await post(body, signWebhook(body, otherKey.privateKey));
    const tampered = await post(body.replace('"event_type"', '"event_type" '), signWebhook(body, key.privateKey));
    const stale = await post(body, signWebhook(body, key.privateKey, now - 310));
    const future = await post(body, signWebhook(body, key.privateKey, now + 310));
    const unsigned = await post(body, {});
    const reserialized = await post(JSON.stringify(JSON.parse(body)), signWebhook(body, key.privateKey));
    for (const response of [forged, tampered, stale, future, unsigned, reserialized]) expect(response.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("accepts every published body on the endpoint for its kind, storing each event id once", async () => {
    // Some sources publish the same example event (same id): the second one is a duplicate.
    const seen = new Set<string>();
    for (const fixture of fixtures) {
      const id = (JSON.parse(fixture.body) as { data: { id: string } }).data.id;
      const route = fixture.name.startsWith("message.") ? `${own}/messages` : `${own}/calls`;
      const response = await post(fixture.body, signWebhook(fixture.body, key.privateKey), route);
      expect(response.status, fixture.name).toBe(200);
      expect(await response.json(), fixture.name).toEqual({ status: seen.has(id) ? "duplicate" : "accepted" });
      seen.add(id);
    }
    expect(await storedCount()).toBe(seen.size);
    expect(seen.size).toBe(30); // the 48 published bodies carry 30 distinct event ids
  });

  it("keeps the legacy shared paths working with the installation's key", async () => {
    const fixture = fixtures.find((f) => f.name.startsWith("message.received"))!;
    for (const route of ["/api/telnyx/webhooks", "/api/telnyx/webhooks/calls", "/api/telnyx/webhooks/messages"]) {
      const response = await post(fixture.body, signWebhook(fixture.body, key.privateKey), route);
      expect(response.status, route).toBe(200);
      await response.body?.cancel();
      expect((await post(fixture.body, signWebhook(fixture.body, otherKey.privateKey), route)).status, route).toBe(401);
    }
  });

  it("answers 404 on an unknown endpoint, says nothing more, and counts the refusals in /metrics", async () => {
    const body = fixtures[0]!.body;
    for (const token of ["x", "A".repeat(43)]) {
      const response = await post(body, signWebhook(body, key.privateKey), `/api/telnyx/webhooks/o/${token}/calls`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ status: "404", code: "NOT_FOUND", title: "Not found", detail: "Not found." }],
      });
    }
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('webhook_refused_total{reason="unknown_endpoint"} 2');
    expect(metrics).toMatch(/webhook_refused_total\{reason="bad_signature"\} [1-9]/);
  });

  it("acknowledges a redelivery as a duplicate without storing it again", async () => {
    const before = await storedCount();
    const fixture = fixtures.find((f) => f.name.startsWith("call.hangup"))!;
    const again = await post(fixture.body, signWebhook(fixture.body, key.privateKey));
    expect(await again.json()).toEqual({ status: "duplicate" });
    expect(await storedCount()).toBe(before);
  });

  it("stores and acknowledges an unknown event type without applying it", async () => {
    const body = JSON.stringify({
      data: {
        record_type: "event",
        event_type: "call.streaming.started",
        id: "7f2f0d1e-9b7c-4f5b-8f0a-000000000001",
        occurred_at: new Date().toISOString(),
        payload: { call_control_id: "v3:x" },
      },
      meta: { attempt: 1, delivered_to: `${url}/api/telnyx/webhooks` },
    });
    const response = await post(body, signWebhook(body, key.privateKey));
    expect(response.status).toBe(200);
    const [row] = await db.query<{ state: string; eventType: string }>(
      `SELECT "state", "eventType" FROM "WebhookEvent" WHERE "id" = $1`,
      ["7f2f0d1e-9b7c-4f5b-8f0a-000000000001"],
    );
    expect(row).toEqual({ state: "IGNORED", eventType: "call.streaming.started" });
  });

  it("answers 400 to a signed body that is not a Telnyx event", async () => {
    const body = "not json";
    expect((await post(body, signWebhook(body, key.privateKey))).status).toBe(400);
  });

  it("stores a concurrent burst of 300 events, duplicates included, exactly once each", async () => {
    const before = await storedCount();
    const bodies = Array.from({ length: 250 }, (_, i) =>
      JSON.stringify({
        data: {
          record_type: "event",
          event_type: "message.sent",
          id: `burst-${i}`,
          occurred_at: new Date().toISOString(),
          payload: { id: `m-${i}`, direction: "outbound", to: [] },
        },
      }),
    );
    const sends = [...bodies, ...bodies.slice(0, 50)].map((body) => post(body, signWebhook(body, key.privateKey)));
    const responses = await Promise.all(sends);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(await storedCount()).toBe(before + 250);
  });

  it("processes the inbox: nothing is left pending or failed", async () => {
    await server.webhooks.drain();
    const rows = await db.query<{ state: string; n: number }>(
      `SELECT "state"::text AS state, count(*)::int AS n FROM "WebhookEvent" GROUP BY 1`,
    );
    const byState = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    expect(byState.PENDING ?? 0).toBe(0);
    expect(byState.FAILED ?? 0).toBe(0);
  });
});
