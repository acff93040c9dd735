/**
 * Issue 19, as a user meets it: the real API process (embedded sandbox) with calls up is killed and
 * started again; the sandbox no longer has those calls, so reconciliation — not a webhook — ends them,
 * and the wallboard and the agent follow. Then a hangup whose webhooks are lost (sandbox chaos
 * `drop_event_types`) is ended by a sync, and the "buy me a number" shortcut keeps buying new numbers
 * across restarts. Runs on the backend TEST_DB names (PostgreSQL through DATABASE_URL, or the embedded
 * database in the process's data folder).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { RECONCILED_HANGUP_CAUSE } from "@app/telnyx-core/calls/reconcile-live-calls";
import { spawnApi, type SpawnedApi } from "./support/spawn-api";

const TOKEN = "tok_reconcile_restart_0123456789abcdef";
const FROM = "+13125550100";
const isPostgres = (process.env.TEST_DB ?? "pglite") === "postgres";
const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-reconcile-"));
let testDb: TestDb | undefined;
let api: SpawnedApi | undefined;
let env: Record<string, string> = {};

afterAll(async () => {
  await api?.stop({ keepData: true });
  await testDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Call = {
  id: string;
  status: string;
  hangupCause: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  durationSecs: number | null;
};
type Agent = { name: string; status: string; currentCallId: string | null };
type Snapshot = { activeCalls: Array<{ id: string }>; agents: Agent[] };

async function rest<T>(method: string, route: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(`${api!.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { data: T };
  return { status: response.status, data: json.data };
}

async function query<T>(procedure: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(`${api!.url}/trpc/${procedure}${search}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const json = (await response.json()) as { result: { data: { json: T } } };
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json.result.data.json;
}

/** Polls until `isDone` holds; a generous deadline (loaded CI machines), and the last value in the failure. */
async function until<T>(
  what: string,
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!isDone(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not reached in ${timeoutMs} ms; last ${JSON.stringify(last)}\n${api?.output().slice(-3000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

const getCall = async (id: string) => (await rest<Call>("GET", `/api/telnyx/calls/${id}`)).data;
const isUp = (call: Call) => call.status === "BRIDGED" || call.status === "ANSWERED";
const admin = (snapshot: Snapshot) => snapshot.agents.find((agent) => agent.name === "Alice Martin")!;
const sandboxRoot = () => /built-in sandbox at (\S+)\/v2/.exec(api!.output())![1]!;

async function placeCall(to: string): Promise<string> {
  const created = await rest<{ id: string }>("POST", "/api/telnyx/calls", { to, from: FROM });
  expect(created.status).toBe(201);
  return created.data.id;
}

async function start(): Promise<void> {
  api = await spawnApi({ dataDir, env });
}

/** Each test can run alone (-t): the first one to run opens the database and starts the API. */
async function ensureStarted(): Promise<void> {
  if (api) return;
  testDb = isPostgres ? await createTestDb("postgres") : undefined;
  env = { SEED_API_TOKEN: TOKEN, ...(testDb?.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}) };
  await start();
}

describe("live state after restarts and lost webhooks", () => {
  it("ends the calls that were up when the API was killed, within 60 s of the restart; the wallboard and the agent follow", async () => {
    await ensureStarted();
    const ids = [await placeCall("+13125550000"), await placeCall("+13125550000")];
    for (const id of ids) await until(`call ${id} up`, () => getCall(id), isUp);
    const before = await query<Snapshot>("wallboard.snapshot");
    expect(before.activeCalls.map((call) => call.id)).toEqual(expect.arrayContaining(ids));
    expect(admin(before).status).toBe("ON_CALL");

    await api!.crash();
    await start();
    const restartedAt = Date.now();

    for (const id of ids) {
      // The acceptance's 60 s, counted from the moment the restarted API answers.
      const call = await until(
        `call ${id} reconciled`,
        () => getCall(id),
        (c) => c.status === "ENDED",
        60_000,
      );
      expect(call.hangupCause).toBe(RECONCILED_HANGUP_CAUSE);
      expect(call.durationSecs).not.toBeNull();
      expect(Date.parse(call.endedAt!)).toBeLessThan(restartedAt);
      expect(Date.parse(call.endedAt!)).toBeGreaterThanOrEqual(Date.parse(call.answeredAt!));
    }
    const after = await query<Snapshot>("wallboard.snapshot");
    expect(after.activeCalls).toEqual([]);
    expect(admin(after).status).not.toBe("ON_CALL");
    expect(admin(after).currentCallId).toBeNull();
    const audit = await query<{ items: Array<{ action: string; targetId: string | null }> }>("audit.list", {
      action: "call.reconciled",
      limit: 50,
    });
    expect(audit.items.map((entry) => entry.targetId).sort()).toEqual([...ids].sort());
  }, 300_000);

  it("a sync ends a call whose hangup webhooks Telnyx never delivered, and lists it in its change report", async () => {
    await ensureStarted();
    const control = (route: string, body?: unknown) =>
      fetch(`${sandboxRoot()}/sandbox${route}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(
        (response) => response.json() as Promise<{ data: Array<{ status: string; payload: Record<string, string> }> }>,
      );
    await control("/chaos", { drop_event_types: ["call.hangup"] });

    const to = "+14155550000";
    const id = await placeCall(to);
    await until(`call ${id} up`, () => getCall(id), isUp);
    const initiated = await control(`/webhooks?event_type=call.initiated`);
    const ccid = initiated.data.find((delivery) => delivery.payload.to === to)!.payload.call_control_id!;
    await control(`/calls/${encodeURIComponent(ccid)}/hangup`, {});
    await until(
      "the customer's hangup dropped",
      () => control("/webhooks?event_type=call.hangup&status=dropped"),
      (log) => log.data.some((delivery) => delivery.payload.call_control_id === ccid),
    );
    // No webhook came: here the call is still up (what the wallboard showed for ever before reconciliation).
    expect(isUp(await getCall(id))).toBe(true);

    const started = await rest<{ runId: string }>("POST", "/api/telnyx/sync");
    expect(started.status).toBe(202);
    type Run = {
      status: string;
      changes: Array<{ kind: string; description: string }>;
      counts: Record<string, number>;
    };
    const run = await until(
      "sync finished",
      () => query<Run>("sync.get", { id: started.data.runId }),
      (r) => r.status !== "RUNNING",
    );
    expect(run.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "call.reconciled", description: expect.stringContaining(to) }),
      ]),
    );
    expect(run.counts.liveCallsEnded).toBe(1);

    const call = await getCall(id);
    expect(call.status).toBe("ENDED");
    expect(call.hangupCause).toBe(RECONCILED_HANGUP_CAUSE);
    const snapshot = await query<Snapshot>("wallboard.snapshot");
    expect(snapshot.activeCalls).toEqual([]);
    expect(admin(snapshot).status).not.toBe("ON_CALL");
    await control("/chaos", { drop_event_types: [] });
  }, 240_000);

  it("the buy-a-number shortcut (country + type) buys a number nobody owns, before and after a restart", async () => {
    await ensureStarted();
    type Number = { id: string; phoneNumber: string; status: string };
    const buy = async () => {
      const bought = await rest<Number>("POST", "/api/telnyx/phone-numbers/purchase", { country: "US", type: "local" });
      expect(bought.status, JSON.stringify(bought.data)).toBe(201);
      return bought.data.phoneNumber;
    };
    const first = await buy();
    await until(
      `${first} active`,
      () => rest<{ items: Number[] }>("GET", "/api/telnyx/phone-numbers"),
      (list) => list.data.items.some((n) => n.phoneNumber === first && n.status === "ACTIVE"),
    );
    // Bought, and the API killed before its order completes.
    const second = await buy();
    await api!.crash();
    await start();

    const third = await buy();
    expect(new Set([first, second, third]).size).toBe(3);
  }, 300_000);
});
