/**
 * Sync against the real sandbox through the real gateway: what changed in Telnyx behind our back
 * (numbers bought or released in the portal, a number moved to another connection, a profile's
 * webhook edited, messages and calls whose webhooks were lost) is reconciled here and reported on
 * the run; Telnyx's rate limits are waited out; progress is pushed live.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelnyxConnection } from "@app/db/client";
import { RECONCILED_HANGUP_CAUSE } from "@app/telnyx-core/calls/reconcile-live-calls";
import type { TelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import type { Publisher, TSyncEvent } from "@app/telnyx-core/realtime/events";
import { startSync } from "@app/telnyx-core/sync/start-sync";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { hashToken } from "../src/auth/tokens";
import { syncOrganization } from "../src/jobs/sync-organization";
import { buildServer } from "../src/server";
import { restoreSandboxWorld, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { setupTestApi, type TestApi } from "./harness";

const PUBLIC_URL = "https://crm.example.com"; // the harness's publicUrl: what webhooks should point at

let sandbox: Sandbox;
let api: TestApi;
let gateway: TelnyxGateway;
let app: TelnyxConnection;
let profile: TelnyxConnection;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 0 });
  api = await setupTestApi({ telnyx: createSandboxAccess(sandbox) });
  await seedDemoTelnyx(api.db, api.demo.organization.id);
  await restoreSandboxWorld(api.db, sandbox, PUBLIC_URL);
  gateway = await api.deps.telnyx.gatewayFor(api.demo.organization.id);
  app = await api.db.prisma.telnyxConnection.findFirstOrThrow({ where: { kind: "CALL_CONTROL_APPLICATION" } });
  profile = await api.db.prisma.telnyxConnection.findFirstOrThrow({ where: { kind: "MESSAGING_PROFILE" } });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** Starts a sync the way the Sync button does and waits for the background run to finish. */
async function runSyncAsAdmin() {
  const { runId } = await api.asDemoAdmin().sync.run();
  await api.deps.background!.idle();
  return api.asDemoAdmin().sync.get({ id: runId });
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  // A deadline in time, not in tries: on a loaded machine 200 tries of 10 ms came to ~2 s.
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const detailRecordOf = (key: string, value: string) =>
  until(() => sandbox.world.detailRecords.find((record) => record[key] === value), `detail record ${value}`);
const kindsOf = (run: { changes: { kind: string }[] }) => run.changes.map((change) => change.kind).sort();

describe("sync", () => {
  it("changes nothing on an account that matches the database", async () => {
    const run = await runSyncAsAdmin();
    expect(run).toMatchObject({ trigger: "manual", status: "SUCCEEDED", changes: [], errors: [] });
    expect(run.counts).toMatchObject({ numbers: 2, connections: 2 });
    expect(run.finishedAt).not.toBeNull();
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { action: "sync.run", targetId: run.id } });
    expect(audit).toMatchObject({ userId: api.demo.users.admin.id, details: { trigger: "manual" } });
  });

  it("adds a number bought in Telnyx, releases one released there, and reports a moved number and an edited webhook", async () => {
    const [fr, us] = await Promise.all(
      ["+33757650100", "+13125550100"].map((phoneNumber) =>
        api.db.prisma.telnyxPhoneNumber.findFirstOrThrow({ where: { phoneNumber } }),
      ),
    );
    sandbox.world.provisionNumber({
      phoneNumber: "+13125550177",
      connectionId: app.telnyxId,
      messagingProfileId: profile.telnyxId,
    });
    sandbox.world.provisionNumber({ phoneNumber: "+13125550188" }); // on the account, but attached to nothing of this organization
    await gateway.releasePhoneNumber(fr!.telnyxId!);
    const foreign = await gateway.createCallControlApplication({
      applicationName: "Someone's IVR",
      webhookEventUrl: "https://ivr.example.net/hooks",
    });
    await gateway.updatePhoneNumber(us!.telnyxId!, { connectionId: foreign.id! });
    await gateway.updateMessagingProfile(profile.telnyxId, { webhookUrl: "https://attacker.example/hook" });

    const run = await runSyncAsAdmin();
    expect(run.status).toBe("SUCCEEDED");
    expect(kindsOf(run)).toEqual([
      "connection.webhook_changed",
      "number.changed",
      "number.imported",
      "number.released",
    ]);
    const said = (kind: string) => run.changes.find((change) => change.kind === kind)!.description;
    expect(said("number.imported")).toContain("+13125550177");
    expect(said("number.released")).toContain("+33757650100");
    expect(said("number.changed")).toContain(
      `+13125550100: voice connection changed in Telnyx to ${foreign.id} (was ${app.telnyxId})`,
    );
    expect(said("connection.webhook_changed")).toContain("https://attacker.example/hook");
    expect(said("connection.webhook_changed")).toContain(
      `${PUBLIC_URL}/api/telnyx/webhooks/o/${api.demo.organization.webhookToken}/messages`,
    );
    expect(run.counts).toMatchObject({ numbersNotOurs: 1 });

    const numbers = await api.db.prisma.telnyxPhoneNumber.findMany({
      where: { organizationId: api.demo.organization.id },
      orderBy: { phoneNumber: "asc" },
    });
    expect(numbers.map((n) => [n.phoneNumber, n.status, n.connectionId])).toEqual([
      ["+13125550100", "ACTIVE", foreign.id],
      ["+13125550177", "ACTIVE", app.telnyxId],
      ["+33757650100", "RELEASED", app.telnyxId],
    ]);
    expect(numbers[2]!.releasedAt).not.toBeNull();
    const stored = await api.db.prisma.telnyxConnection.findUniqueOrThrow({ where: { id: profile.id } });
    expect(stored.webhookUrl).toBe("https://attacker.example/hook");
  });

  it("reports nothing twice: a second sync right after finds nothing new", async () => {
    const run = await runSyncAsAdmin();
    expect(run).toMatchObject({ status: "SUCCEEDED", changes: [] });
  });

  it("imports messages and calls it never heard of, and moves lost statuses forward with cost and recording", async () => {
    const lead = api.demo.leads[0]!;
    const unknown = await gateway.sendMessage({
      from: "+13125550177",
      to: lead.phoneNumber,
      text: "Sent from the Telnyx portal",
      messagingProfileId: profile.telnyxId,
    });
    const lost = await gateway.sendMessage({
      from: "+13125550177",
      to: "+14155550123",
      text: "Finalized webhook lost",
      messagingProfileId: profile.telnyxId,
    });
    await api.db.prisma.telnyxMessage.create({
      data: {
        organizationId: api.demo.organization.id,
        telnyxId: lost.id,
        direction: "OUTBOUND",
        status: "SENT",
        fromNumber: "+13125550177",
        toNumber: "+14155550123",
        counterpartNumber: "+14155550123",
        text: "Finalized webhook lost",
      },
    });
    const unknownCall = await gateway.dial({ connectionId: app.telnyxId, from: "+13125550177", to: "+14155550003" });
    const openCall = await gateway.dial({
      connectionId: app.telnyxId,
      from: "+13125550177",
      to: "+14155550004",
      record: { channels: "single", format: "mp3" },
    });
    const answeredAt = new Date();
    const held = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId: api.demo.organization.id,
        direction: "OUTBOUND",
        status: "ANSWERED",
        fromNumber: "+13125550177",
        toNumber: "+14155550004",
        callControlId: openCall.callControlId,
        answeredAt,
        lastEventAt: answeredAt,
      },
    });
    // Its timeline up to the answer (the row is derived from it); the hangup webhook is the one that was lost.
    const at = answeredAt.toISOString();
    await api.db.prisma.callEvent.create({
      data: {
        callId: held.id,
        eventId: "seed-answered",
        eventType: "call.answered",
        occurredAt: answeredAt,
        payload: { type: "answered", eventId: "seed-answered", eventType: "call.answered", at, leg: "customer" },
      },
    });
    await Promise.all([
      detailRecordOf("id", unknown.id),
      detailRecordOf("id", lost.id),
      detailRecordOf("call_control_id", unknownCall.callControlId),
      detailRecordOf("call_control_id", openCall.callControlId),
      until(
        () => [...sandbox.world.recordings.values()].find((r) => r.call_control_id === openCall.callControlId),
        "recording",
      ),
    ]);

    const run = await runSyncAsAdmin();
    expect(run.status).toBe("SUCCEEDED");
    expect(kindsOf(run)).toEqual([
      "call.imported",
      "call.reconciled",
      "call.recording_linked",
      "message.imported",
      "message.status_updated",
    ]);

    const imported = await api.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { telnyxId: unknown.id } });
    expect(imported).toMatchObject({
      direction: "OUTBOUND",
      status: "DELIVERED",
      text: "Sent from the Telnyx portal",
      leadId: lead.id,
      counterpartNumber: lead.phoneNumber,
    });
    expect(imported.cost?.toString()).toMatch(/^0\.\d+$/);
    const updated = await api.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { telnyxId: lost.id } });
    expect(updated.status).toBe("DELIVERED");
    expect(updated.cost).not.toBeNull();

    const importedCall = await api.db.prisma.telnyxCall.findUniqueOrThrow({
      where: { callControlId: unknownCall.callControlId },
    });
    expect(importedCall).toMatchObject({
      status: "ENDED",
      billedSecs: 3,
      toNumber: "+14155550003",
      costSource: "detail_record",
    });
    const closed = await api.db.prisma.telnyxCall.findUniqueOrThrow({
      where: { callControlId: openCall.callControlId },
    });
    // Still held as live here while Telnyx has ended it: ended by the live-calls step, at Telnyx's end time.
    expect(closed).toMatchObject({ status: "ENDED", hangupCause: RECONCILED_HANGUP_CAUSE });
    expect(closed.durationSecs).toBeGreaterThanOrEqual(0);
    expect(closed.recordingId).toMatch(/.+/);
    expect(closed.endedAt).not.toBeNull();
  });

  it("waits out Telnyx's rate limit (retry-after) and pushes its progress live", async () => {
    const events: TSyncEvent[] = [];
    const publisher: Publisher = {
      toOrganization: (_org, event, payload) => void (event === "sync:progress" && events.push(payload as TSyncEvent)),
      toUser() {},
    };
    const fault = await fetch(`${sandbox.origin}/sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/phone_numbers", method: "GET", kind: "429", count: 3, retry_after: 1 }),
    });
    expect(fault.status).toBeLessThan(300);
    const organizationId = api.demo.organization.id;
    const { runId } = await startSync({
      db: api.db,
      organizationId,
      trigger: "manual",
      userId: api.demo.users.admin.id,
    });
    const run = await syncOrganization({ db: api.db, telnyx: api.deps.telnyx, publisher }, { organizationId, runId });

    expect(run).toMatchObject({ status: "SUCCEEDED", errors: [] });
    const requests = (await (await fetch(`${sandbox.origin}/sandbox/requests`)).json()) as {
      data: Array<{ method: string; path: string; status: number }>;
    };
    expect(
      requests.data.filter((r) => r.method === "GET" && r.path.includes("/phone_numbers") && r.status === 429),
    ).toHaveLength(3);
    expect(events.some((event) => event.message?.startsWith("Telnyx asked to slow down"))).toBe(true);
    const progress = events.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ id: runId, status: "SUCCEEDED", progress: 1 });
  });

  it("records a step Telnyx keeps failing as the run's error, and still runs the other steps", async () => {
    await fetch(`${sandbox.origin}/sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/messaging_profiles", method: "GET", kind: "500", count: null }),
    });
    try {
      const organizationId = api.demo.organization.id;
      const { runId } = await startSync({ db: api.db, organizationId, trigger: "manual" });
      const run = await syncOrganization(
        { db: api.db, telnyx: api.deps.telnyx, backoff: { retries: 1, baseMs: 1 } },
        { organizationId, runId },
      );
      expect(run.status).toBe("FAILED");
      expect(run.errors).toEqual([
        expect.stringMatching(/^Applications and messaging profiles: Telnyx had an internal error/),
      ]);
      expect(run.counts).toMatchObject({ numbers: 3 }); // the numbers step still ran (3 on the account)
    } finally {
      await fetch(`${sandbox.origin}/sandbox/faults`, { method: "DELETE" });
    }
  });

  it("answers the run in progress instead of starting a second one, and lists runs newest first", async () => {
    const admin = api.asDemoAdmin();
    const first = await admin.sync.run();
    const second = await admin.sync.run();
    expect(second.runId).toBe(first.runId);
    await api.deps.background!.idle();
    const { items } = await api.asDemoSupervisor().sync.runs({ limit: 3 });
    expect(items[0]!.id).toBe(first.runId);
    expect(items.map((item) => item.startedAt.getTime())).toEqual(
      items.map((item) => item.startedAt.getTime()).sort((a, b) => b - a),
    );
    await expect(api.asDemoAgent().sync.runs({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.asOtherAdmin().sync.get({ id: first.runId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("starts a sync from REST: POST /api/telnyx/sync → { data: { runId } }", async () => {
    const token = "tok_sync_rest_admin_0123456789abcdef";
    await api.db.prisma.apiToken.create({
      data: {
        organizationId: api.demo.organization.id,
        userId: api.demo.users.admin.id,
        name: "sync",
        tokenHash: hashToken(token),
        prefix: token.slice(0, 8),
        role: "ADMIN",
      },
    });
    const server = await buildServer({
      db: api.db,
      telnyx: api.deps.telnyx,
      logLevel: "silent",
      webDistDir: "/nonexistent",
    });
    try {
      const response = await server.app.inject({
        method: "POST",
        url: "/api/telnyx/sync",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(202);
      const { data } = response.json() as { data: { runId: string } };
      await server.deps.background!.idle();
      const run = await api.asDemoAdmin().sync.get({ id: data.runId });
      expect(run.status).toBe("SUCCEEDED");
    } finally {
      await server.app.close();
    }
  });

  it("on the organization's own Telnyx account, imports everything in it (numbers and applications attached to nothing of ours)", async () => {
    const admin = api.asDemoAdmin();
    await admin.settings.setTelnyxKeys({ apiKey: "KEYdemo_own_account_0123456789" });
    try {
      const run = await runSyncAsAdmin();
      expect(run.status).toBe("SUCCEEDED");
      expect(run.changes).toEqual(
        expect.arrayContaining([
          { kind: "number.imported", description: "+13125550188 was bought directly in Telnyx: added." },
          { kind: "connection.imported", description: 'Application "Someone\'s IVR" found in Telnyx: added.' },
        ]),
      );
      expect(
        await api.db.prisma.telnyxPhoneNumber.count({
          where: { organizationId: api.demo.organization.id, phoneNumber: "+13125550188", status: "ACTIVE" },
        }),
      ).toBe(1);
    } finally {
      await admin.settings.clearTelnyxKeys();
    }
  });
});
