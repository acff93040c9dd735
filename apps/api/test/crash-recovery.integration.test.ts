/**
 * kill -9 of the API in the middle of a webhook stream: after a restart every event that was
 * acknowledged (2xx) is applied exactly once. Runs on the backend TEST_DB names: PostgreSQL
 * through DATABASE_URL, or the embedded database in the process's data folder.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDb, type Db } from "@app/db/open-db";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { spawnApi, type SpawnedApi } from "./support/spawn-api";
import { inboundSms, sandboxSigner } from "./support/signed-events";

const DEMO_NUMBER = "+13125550100";
const API_TOKEN = "tok_crash_recovery_0123456789abcdef";
const isPostgres = (process.env.TEST_DB ?? "pglite") === "postgres";
const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-crash-"));
let testDb: TestDb | undefined;
let api: SpawnedApi | undefined;

afterAll(async () => {
  await api?.stop({ keepData: true });
  await testDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function pendingCount(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text());
  return Number(/webhook_inbox_pending (-?\d+)/.exec(text)?.[1] ?? "NaN");
}

it("applies every acknowledged event exactly once across a SIGKILL and a restart", async () => {
  testDb = isPostgres ? await createTestDb("postgres") : undefined;
  const env: Record<string, string> = {
    SEED_API_TOKEN: API_TOKEN,
    ...(testDb?.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
  };
  api = await spawnApi({ dataDir, env });
  const signed = sandboxSigner(dataDir);
  // The demo organization's own endpoint, as the embedded sandbox's Telnyx resources are configured.
  const connections = await fetch(`${api.url}/api/telnyx/connections`, {
    headers: { authorization: `Bearer ${API_TOKEN}` },
  });
  const messagesPath = new URL(
    ((await connections.json()) as { data: { expected: { messages: string } } }).data.expected.messages,
  ).pathname;

  const total = 400;
  const events = Array.from({ length: total }, (_, i) => ({
    messageId: randomUUID(),
    body: "",
    text: `crash-test ${i}`,
    from: `+1415555${String(2000 + i)}`,
  })).map((event) => ({
    ...event,
    body: inboundSms({ messageId: event.messageId, from: event.from, to: DEMO_NUMBER, text: event.text }),
  }));

  const acknowledged = new Set<string>();
  let next = 0;
  let killed = false;
  const url = api.url;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      try {
        const response = await fetch(`${url}${messagesPath}`, {
          method: "POST",
          headers: signed(event.body),
          body: event.body,
        });
        if (response.ok) acknowledged.add(event.messageId);
      } catch {
        // The process died with this request in flight: Telnyx would retry it later.
      }
      if (!killed && acknowledged.size >= 150) {
        killed = true;
        await api!.crash();
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  expect(killed).toBe(true);
  expect(acknowledged.size).toBeGreaterThanOrEqual(150);
  expect(acknowledged.size).toBeLessThan(total);

  // Restart on the same database (and, embedded, the same folder: the dead process's lock is taken over).
  api = await spawnApi({ dataDir, env });
  const deadline = Date.now() + 90_000;
  while ((await pendingCount(api.url)) !== 0) {
    if (Date.now() > deadline) throw new Error(`inbox not drained:\n${api.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await api.stop({ keepData: true });
  api = undefined;

  const db: Db = testDb ?? (await openDb({ databaseUrl: "", dataDir: path.join(dataDir, "pglite") }));
  try {
    const rows = await db.query<{ telnyxId: string; n: number }>(
      `SELECT "telnyxId", count(*)::int AS n FROM "TelnyxMessage" WHERE "text" LIKE 'crash-test %' GROUP BY 1`,
    );
    const applied = new Map(rows.map((row) => [row.telnyxId, row.n]));
    for (const id of acknowledged) expect(applied.get(id), `acknowledged event ${id} not applied once`).toBe(1);
    const [inbox] = await db.query<{ pending: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE "state" IN ('PENDING', 'FAILED'))::int AS pending, count(*) FILTER (WHERE "state" = 'FAILED')::int AS failed FROM "WebhookEvent"`,
    );
    expect(inbox).toEqual({ pending: 0, failed: 0 });
  } finally {
    if (!testDb) await db.close();
  }
  // Two process starts and 400 events: on the embedded database under a loaded machine this took 69 s (default 60 s).
}, 180_000);
