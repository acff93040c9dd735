/**
 * Property-based fuzzing of the Telnyx webhook endpoints over real HTTP. Unsigned noise (random
 * bodies, headers, content types) is refused with 401 and never stored. Correctly SIGNED mutations
 * of the 48 published bodies (keys deleted, values replaced by hostile ones, event types swapped,
 * payloads emptied, aimed at the demo organization's numbers and calls) always get 2xx or 4xx; once
 * the processor drains, every stored row is PROCESSED, IGNORED, or FAILED with an error, and the
 * process is alive. FUZZ_SEED replays a run; FUZZ_RUNS scales the case count.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { seedDemo } from "@app/db/seed";
import { KNOWN_EVENT_TYPES } from "@app/telnyx-core/webhooks/parse-event";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { hashPassword } from "../../src/auth/passwords";
import { hashToken } from "../../src/auth/tokens";
import { buildServer, type ApiServer } from "../../src/server";
import { seedDemoTelnyx } from "../../src/telnyx/embedded-sandbox";
import { createLiveAccess } from "../../src/telnyx/telnyx-access";
import { createInboxWriter, isUnstorableRow } from "../../src/webhooks/inbox-writer";
import { LEGACY_WEBHOOK_PATHS, ORGANIZATION_WEBHOOK_PATHS } from "../../src/webhooks/webhook-routes";
import { FUZZ_SCALE, FUZZ_SEED, fuzzOptions, hostileString, hostileValue } from "./fuzz-support";
import { findWebhookFixtures } from "../../../../tooling/testing/webhook-fixtures";
import { listenOnFreePort } from "../support/listen";

const UNSIGNED_RUNS = Math.max(1, Math.round(300 * FUZZ_SCALE));
const SIGNED_RUNS = Math.max(1, Math.round(1200 * FUZZ_SCALE));

const FIXTURES = findWebhookFixtures();
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as unknown);

const key = generateTestSigningKeyPair();
let db: TestDb;
let server: ApiServer;
let url: string;
let pool: string[] = [];
/** The demo organization's endpoints and the legacy shared ones. */
let routes: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let sent = 0;

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  db = await createTestDb();
  const demo = await seedDemo(db, { hashPassword, hashToken });
  await seedDemoTelnyx(db, demo.organization.id);
  routes = [
    ...LEGACY_WEBHOOK_PATHS,
    ...ORGANIZATION_WEBHOOK_PATHS.map((route) => route.replace(":token", demo.organization.webhookToken)),
  ];
  server = await buildServer({
    db,
    // Follow-ups (recording downloads, replies) reach a closed port: they fail fast and are logged.
    telnyx: createLiveAccess({
      apiKey: "KEY_UNUSED_0123456789",
      publicKey: key.publicKeyBase64,
      baseURL: "http://127.0.0.1:9/v2",
    }),
    logLevel: "silent",
    webDistDir: "/nonexistent",
  });
  url = await listenOnFreePort(server.app);
  const numbers = await db.prisma.telnyxPhoneNumber.findMany({
    select: { phoneNumber: true, telnyxId: true, connectionId: true, messagingProfileId: true },
  });
  pool = numbers
    .flatMap((n) => [n.phoneNumber, n.telnyxId, n.connectionId ?? "", n.messagingProfileId ?? ""])
    .filter((value): value is string => typeof value === "string" && value !== "");
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  console.info(`webhook fuzz: ${sent} requests, seed ${FUZZ_SEED}`);
  await server?.app.close();
  await db?.drop();
});

function post(route: string, body: string, headers: Record<string, string>): Promise<Response> {
  sent++;
  return fetch(`${url}${route}`, { method: "POST", headers, body });
}

const storedCount = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WebhookEvent"`))[0]!.n;

/** Every path to a value inside `value` (objects and arrays). */
function pathsOf(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      pathsOf(v, [...prefix, k], out);
    }
  }
  return out;
}

function parentOf(root: unknown, at: string[]): Record<string, unknown> | undefined {
  let node = root as Record<string, unknown> | undefined;
  for (const k of at.slice(0, -1))
    node = node && typeof node === "object" ? (node[k] as Record<string, unknown>) : undefined;
  return node && typeof node === "object" ? node : undefined;
}

const ODD_TIMES = [
  "-271821-04-20T00:00:00Z",
  "275760-09-13T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "2026-02-30T25:61:00Z",
  "1970-01-01",
  "date-time",
  "",
];

type Mutation =
  | { op: "delete"; pick: number }
  | { op: "replace"; pick: number; value: unknown }
  | { op: "eventType"; value: string }
  | { op: "payload"; value: unknown }
  | { op: "occurredAt"; value: string }
  | { op: "aim"; pick: number; target: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }),
  fc.record({
    op: fc.constant("eventType" as const),
    value: fc.oneof(fc.constantFrom(...KNOWN_EVENT_TYPES), hostileString),
  }),
  fc.record({ op: fc.constant("payload" as const), value: fc.oneof(fc.constant({}), hostileValue) }),
  fc.record({ op: fc.constant("occurredAt" as const), value: fc.oneof(fc.constantFrom(...ODD_TIMES), hostileString) }),
  fc.record({ op: fc.constant("aim" as const), pick: fc.nat(), target: fc.nat() }),
);

function mutate(fixture: unknown, mutations: Mutation[], id: string | undefined): unknown {
  const body = structuredClone(fixture) as { data?: Record<string, unknown> };
  for (const m of mutations) {
    const paths = pathsOf(body);
    const data = body.data && typeof body.data === "object" ? body.data : undefined;
    if (m.op === "delete" && paths.length > 0) {
      const at = paths[m.pick % paths.length]!;
      delete parentOf(body, at)?.[at.at(-1)!];
    } else if (m.op === "replace" && paths.length > 0) {
      const at = paths[m.pick % paths.length]!;
      const parent = parentOf(body, at);
      // Copies: fast-check may hand the same instance (fc.constant) to many cases and mutations;
      // putting it in place would let later mutations edit it, and even nest it inside itself.
      if (parent) parent[at.at(-1)!] = structuredClone(m.value);
    } else if (m.op === "eventType" && data) data.event_type = m.value;
    else if (m.op === "payload" && data) data.payload = structuredClone(m.value);
    else if (m.op === "occurredAt" && data) data.occurred_at = m.value;
    else if (m.op === "aim" && pool.length > 0) {
      // Point a string field at one of the demo organization's numbers or connections.
      const strings = paths.filter((at) => typeof parentOf(body, at)?.[at.at(-1)!] === "string");
      const at = strings[m.pick % Math.max(1, strings.length)];
      const parent = at && parentOf(body, at);
      if (parent && at) parent[at.at(-1)!] = pool[m.target % pool.length];
    }
  }
  const data = body.data && typeof body.data === "object" ? body.data : undefined;
  if (data && id !== undefined) data.id = id;
  return body;
}

describe("webhook fuzzing", () => {
  it("refuses unsigned noise with 401 and stores nothing", async () => {
    const headers = fc.record(
      {
        "content-type": fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/octet-stream",
        ),
        "telnyx-signature-ed25519": fc.oneof(
          fc.base64String({ maxLength: 100 }),
          hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, "").slice(0, 2000)),
        ),
        "telnyx-timestamp": fc.oneof(
          fc.integer().map(String),
          fc.constant(String(Math.floor(Date.now() / 1000))),
          fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      hostileString,
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constantFrom(...fixtures).map((fixture) => JSON.stringify(fixture)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, headers, async (route, text, head) => {
        const response = await post(route, text, head);
        if (response.status !== 401)
          throw new Error(
            `${route} answered ${response.status} to an unsigned ${JSON.stringify({ head, text: text.slice(0, 200) })}: ${await response.text()}`,
          );
        await response.body?.cancel();
      }),
      fuzzOptions(UNSIGNED_RUNS),
    );
    expect(await storedCount()).toBe(0);
  });

  it("stores NUL and unpaired surrogates as U+FFFD instead of failing with 503", async () => {
    const fixture = fixtures.find((f) => JSON.stringify(f).includes('"message.received"'))!;
    const id = `nul-${Date.now()}`;
    const text = JSON.stringify(mutate(fixture, [], id)).replace(/"text":"[^"]*"/, '"text":"a\\u0000b\\ud800c"');
    const response = await post("/api/telnyx/webhooks/messages", text, {
      "content-type": "application/json",
      ...signWebhook(text, key.privateKey),
    });
    expect(response.status).toBe(200);
    const [row] = await db.query<{ text: string }>(
      `SELECT "payload"->'data'->'payload'->>'text' AS text FROM "WebhookEvent" WHERE "id" = $1`,
      [id],
    );
    expect(row?.text).toBe("a\ufffdb\ufffdc");
  });

  it("a row the database refuses fails alone, not the rows batched with it", async () => {
    const writer = createInboxWriter(db);
    const row = (id: string, body: string) => ({
      id,
      organizationId: null,
      eventType: "message.received",
      occurredAt: new Date(),
      body,
      state: "IGNORED" as const,
    });
    const results = await Promise.allSettled([
      writer.write(row(`batch-a-${Date.now()}`, "{}")),
      writer.write(row(`batch-b-${Date.now()}`, '{"text":"\\u0000"}')),
      writer.write(row(`batch-c-${Date.now()}`, "{}")),
      writer.write(row(`batch-d-${Date.now()}`, "{}")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(isUnstorableRow((results[1] as PromiseRejectedResult).reason)).toBe(true);
  });

  it("answers signed mutations of the published bodies with 2xx or 4xx, and processes or sets aside every stored one", async () => {
    let accepted = 0;
    const signedCase = fc.record({
      route: fc.constantFrom(...routes),
      fixture: fc.constantFrom(...fixtures),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      id: fc.oneof(
        { weight: 8, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: hostileString },
      ),
      truncate: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }),
    });
    await fc.assert(
      fc.asyncProperty(signedCase, async ({ route, fixture, mutations, id, truncate }) => {
        const full = JSON.stringify(mutate(fixture, mutations, id));
        const text = truncate === undefined ? full : full.slice(0, truncate % full.length);
        const response = await post(route, text, {
          "content-type": "application/json",
          ...signWebhook(text, key.privateKey),
        });
        const answer = await response.text();
        if (response.status >= 500 || response.status < 200 || (response.status >= 300 && response.status < 400)) {
          throw new Error(`${route} answered ${response.status} to a signed ${text.slice(0, 600)}: ${answer}`);
        }
        if (response.status === 200) accepted++;
      }),
      fuzzOptions(SIGNED_RUNS),
    );
    expect(accepted).toBeGreaterThan(SIGNED_RUNS / 4);

    await server.webhooks.drain();
    const rows = await db.query<{ id: string; state: string; error: string | null; eventType: string }>(
      `SELECT "id", "state"::text AS state, "error", "eventType" FROM "WebhookEvent"`,
    );
    expect(rows.length).toBeGreaterThan(SIGNED_RUNS / 4);
    const unsettled = rows.filter(
      (row) => !(row.state === "PROCESSED" || row.state === "IGNORED" || (row.state === "FAILED" && row.error)),
    );
    expect(unsettled.slice(0, 5), `unsettled inbox rows (seed ${FUZZ_SEED})`).toEqual([]);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
    console.info(`webhook fuzz: ${rows.length} stored: ${[...counts].map(([state, n]) => `${state} ${n}`).join(", ")}`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
