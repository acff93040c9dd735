/**
 * PostgreSQL goes away in the middle of a stream of signed inbound-SMS webhooks (a TCP proxy
 * between the real API process and the machine's PostgreSQL drops every connection), then comes
 * back. Webhooks must get 503 + Retry-After (so Telnyx retries) instead of 500s or hanging
 * requests; every event Telnyx re-delivers must end up stored and applied exactly once, and the
 * API process must survive.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { inboundSms, sandboxSigner } from "../support/signed-events";
import { spawnApi, type SpawnedApi } from "../support/spawn-api";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const RATE = 50;
const STREAM_SECONDS = 20;
const CUT_AT_MS = 6_000;
const OUTAGE_MS = 7_000;
/** Longest acceptable answer to a webhook, outage or not: Telnyx must never be left hanging. */
const MAX_ANSWER_MS = 10_000;

let database: ScratchDatabase;
let proxy: TcpProxy;
let api: SpawnedApi;

beforeAll(async () => {
  database = await createScratchDatabase("rel_outage");
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  api = await spawnApi({ env: { DATABASE_URL: proxy.urlFor(database.url), LOG_LEVEL: "error" } });
});
afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await database?.drop();
});

interface Attempt {
  eventId: string;
  sentAt: number;
  ms: number;
  status: number | "network-error" | "timeout";
  retryAfter: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("answers 503 + Retry-After while PostgreSQL is down and loses nothing once it is back", async () => {
  const sign = sandboxSigner(api.dataDir);
  const run = randomUUID().slice(0, 8);
  const attempts: Attempt[] = [];
  const readiness: Array<{ at: number; status: number | "error" }> = [];
  const started = Date.now();

  /** One delivery as Telnyx makes it: the same body (same event id), a fresh signature each time. */
  async function deliverOnce(eventId: string, body: string): Promise<Attempt> {
    const sentAt = Date.now() - started;
    let attempt: Attempt;
    try {
      const response = await fetch(`${api.url}/api/telnyx/webhooks/messages`, {
        method: "POST",
        headers: sign(body),
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      attempt = {
        eventId,
        sentAt,
        ms: Date.now() - started - sentAt,
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
      };
    } catch (error) {
      const status = (error as Error).name === "TimeoutError" ? "timeout" : "network-error";
      attempt = { eventId, sentAt, ms: Date.now() - started - sentAt, status, retryAfter: null };
    }
    attempts.push(attempt);
    return attempt;
  }

  /** Re-delivers until a 2xx, waiting what the API asked for (Retry-After), like Telnyx's retries. */
  async function deliver(eventId: string, body: string): Promise<void> {
    for (let tries = 0; tries < 20; tries += 1) {
      const attempt = await deliverOnce(eventId, body);
      if (typeof attempt.status === "number" && attempt.status < 300) return;
      await sleep(Math.min(Number(attempt.retryAfter ?? 1) || 1, 5) * 1000);
    }
    throw new Error(`event ${eventId} never accepted`);
  }

  const probe = setInterval(() => {
    const at = Date.now() - started;
    fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(3_000) })
      .then((response) => readiness.push({ at, status: response.status }))
      .catch(() => readiness.push({ at, status: "error" }));
  }, 250);
  const outage = (async () => {
    await sleep(CUT_AT_MS);
    proxy.cut();
    await sleep(OUTAGE_MS);
    proxy.restore();
  })();

  const events: Array<{ id: string; text: string }> = [];
  const deliveries: Promise<void>[] = [];
  const total = RATE * STREAM_SECONDS;
  for (let i = 0; i < total; i += 1) {
    const wait = started + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    const text = `outage ${run} #${i}`;
    const body = inboundSms({
      messageId: randomUUID(),
      from: `+1415555${String(1000 + (i % 8000)).padStart(4, "0")}`,
      to: "+13125550100",
      text,
    });
    const id = (JSON.parse(body) as { data: { id: string } }).data.id;
    events.push({ id, text });
    deliveries.push(deliver(id, body));
  }
  await outage;
  await Promise.all(deliveries);
  clearInterval(probe);

  const cutAt = CUT_AT_MS;
  const restoredAt = CUT_AT_MS + OUTAGE_MS;
  const duringOutage = attempts.filter((a) => a.sentAt > cutAt + 500 && a.sentAt + a.ms < restoredAt);
  const refusedAnswers = attempts.filter((a) => a.status !== 200);
  const slowest = Math.max(...attempts.map((a) => a.ms));
  console.log(
    `[outage] ${events.length} events, ${attempts.length} deliveries (${refusedAnswers.length} refused: ${JSON.stringify(countBy(refusedAnswers.map((a) => String(a.status))))}), ` +
      `${duringOutage.length} sent during the outage, slowest answer ${slowest} ms, proxy refused ${proxy.refused()} connections`,
  );

  const slowAnswers = attempts.filter((a) => a.ms > 1_000);
  console.log(`[outage] answers over 1 s: ${slowAnswers.length}; ${JSON.stringify(slowAnswers.slice(0, 8))}`);
  // While PostgreSQL is down: 503 with Retry-After, quickly; never a 500, a hang or a dropped connection.
  expect(duringOutage.length).toBeGreaterThan(RATE * 3);
  expect(countBy(duringOutage.map((a) => String(a.status)))).toEqual({ "503": duringOutage.length });
  for (const attempt of refusedAnswers)
    expect(attempt, JSON.stringify(attempt)).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
  expect(slowest).toBeLessThan(MAX_ANSWER_MS);
  const probesInOutage = readiness.filter((r) => r.at > cutAt + 500 && r.at < restoredAt - 500);
  expect(probesInOutage.length).toBeGreaterThan(5);
  expect(probesInOutage.every((r) => r.status === 503)).toBe(true);
  expect(readiness.filter((r) => r.at > restoredAt + 5_000).every((r) => r.status === 200)).toBe(true);

  // Back up: everything Telnyx (re-)delivered is stored once and applied once.
  const drainStarted = Date.now();
  let pending = Number.NaN;
  while (Date.now() - drainStarted < 180_000) {
    const [row] = await database.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM "WebhookEvent" WHERE "state" <> 'PROCESSED'`,
    );
    pending = row!.pending;
    if (pending === 0) break;
    await sleep(250);
  }
  console.log(`[outage] inbox drained ${((Date.now() - drainStarted) / 1000).toFixed(1)} s after the last delivery`);
  expect(pending).toBe(0);
  const stored = await database.query<{ id: string; state: string }>(
    `SELECT "id", "state" FROM "WebhookEvent" WHERE "id" = ANY($1::text[])`,
    [events.map((e) => e.id)],
  );
  expect(stored).toHaveLength(events.length);
  expect(new Set(stored.map((s) => s.state))).toEqual(new Set(["PROCESSED"]));
  const applied = await database.query<{ text: string; n: number }>(
    `SELECT "text", count(*)::int AS n FROM "TelnyxMessage" WHERE "text" LIKE $1 GROUP BY "text"`,
    [`outage ${run} #%`],
  );
  expect(applied).toHaveLength(events.length);
  expect(applied.filter((row) => row.n !== 1)).toEqual([]);
  expect(api.child.exitCode).toBeNull();
  expect(api.child.signalCode).toBeNull();
  expect(api.output()).not.toMatch(/unhandled|uncaught/i);
}, 360_000);

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
