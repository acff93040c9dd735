/**
 * Connections against the Telnyx sandbox: the live webhook check spots a URL changed directly in
 * Telnyx, fixWebhooks repairs it in one click; creating and updating applications and profiles
 * lands in Telnyx with our webhooks; an unreachable Telnyx gives "unknown"; agents are refused;
 * every mutation is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveAccess } from "../src/telnyx/telnyx-access";
import { webhookUrls } from "../src/telnyx/webhook-urls";
import { DEMO_ADMIN_TOKEN, type SandboxTestServer, setupTestApi } from "./harness";

let api: SandboxTestServer;

beforeAll(async () => {
  api = await setupTestApi({ server: true, sandbox: true });
});
afterAll(async () => {
  await api?.close();
});

const auditOf = async (targetId: string) =>
  (await api.db.prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } })).map(
    (row) => `${row.action}:${row.result}`,
  );

describe("connections", () => {
  it("lists the application and the profile as ok, with the expected webhook URLs", async () => {
    const { items, expected } = await api.asDemoSupervisor().connections.list();
    // The organization's own endpoint: the token in the path decides the organization.
    const own = `${api.url}/api/telnyx/webhooks/o/${api.demo.organization.webhookToken}`;
    expect(expected).toEqual({ calls: `${own}/calls`, messages: `${own}/messages`, any: own });
    expect(items.map((item) => [item.kind, item.isDefault, item.check.status])).toEqual([
      ["CALL_CONTROL_APPLICATION", true, "ok"],
      ["MESSAGING_PROFILE", true, "ok"],
    ]);
    expect(items[0]).toMatchObject({
      telnyxId: api.app.telnyxId,
      webhookUrl: expected.calls,
      webhookFailoverUrl: expected.any,
      callCostInWebhooks: true,
    });
  });

  it("detects a voice webhook changed directly in Telnyx, and fixWebhooks repairs it", async () => {
    const gateway = await api.gateway();
    await gateway.updateCallControlApplication(api.app.telnyxId, {
      webhookEventUrl: "https://old.example.com/hook",
      callCostInWebhooks: false,
    });
    const before = (await api.asDemoSupervisor().connections.list()).items.find((item) => item.id === api.app.id)!;
    expect(before.check).toEqual({
      status: "mismatch",
      problems: [
        `Voice webhook points at https://old.example.com/hook instead of ${api.expected.calls}`,
        "Call costs are not sent with webhooks (call_cost_in_webhooks is off), so calls show no cost",
      ],
    });
    expect(before.webhookUrl).toBe("https://old.example.com/hook");

    const fixed = await api.asDemoAdmin().connections.fixWebhooks({ id: api.app.id });
    expect(fixed.check).toEqual({ status: "ok", problems: [] });
    expect(api.sandbox.world.apps.get(api.app.telnyxId)).toMatchObject({
      webhook_event_url: api.expected.calls,
      webhook_event_failover_url: api.expected.any,
      call_cost_in_webhooks: true,
    });
    expect(
      (await api.asDemoSupervisor().connections.list()).items.find((item) => item.id === api.app.id)!.check.status,
    ).toBe("ok");
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { targetId: api.app.id, action: "connection.fix_webhooks" },
    });
    expect(audit.details).toMatchObject({ after: { webhookUrl: api.expected.calls, callCostInWebhooks: true } });
  });

  it("treats the legacy shared URL as needing a fix, and fixWebhooks moves it to the organization's own", async () => {
    const gateway = await api.gateway();
    await gateway.updateMessagingProfile(api.profile.telnyxId, {
      webhookUrl: `${api.url}/api/telnyx/webhooks/messages`,
      webhookFailoverUrl: `${api.url}/api/telnyx/webhooks`,
    });
    const before = (await api.asDemoSupervisor().connections.list()).items.find((item) => item.id === api.profile.id)!;
    expect(before.check.status).toBe("mismatch");
    const fixed = await api.asDemoAdmin().connections.fixWebhooks({ id: api.profile.id });
    expect(fixed.check).toEqual({ status: "ok", problems: [] });
    expect(api.sandbox.world.messagingProfiles.get(api.profile.telnyxId)).toMatchObject({
      webhook_url: api.expected.messages,
      webhook_failover_url: api.expected.any,
    });
  });

  it("detects a missing messaging failover URL and repairs it", async () => {
    const gateway = await api.gateway();
    await gateway.updateMessagingProfile(api.profile.telnyxId, { webhookFailoverUrl: null });
    const before = (await api.asDemoAdmin().connections.list()).items.find((item) => item.id === api.profile.id)!;
    expect(before.check).toEqual({
      status: "mismatch",
      problems: [`Messaging failover webhook is not set (it should be ${api.expected.any})`],
    });
    await api.asDemoAdmin().connections.fixWebhooks({ id: api.profile.id });
    expect(api.sandbox.world.messagingProfiles.get(api.profile.telnyxId)?.webhook_failover_url).toBe(api.expected.any);
  });

  it("says unknown, not ok, when Telnyx cannot be reached", async () => {
    const unreachable = {
      ...api.server.deps,
      telnyx: createLiveAccess({ apiKey: "KEY_UNREACHABLE", baseURL: "http://127.0.0.1:9/v2" }),
    };
    const caller = api.as(api.demo.users.supervisor, "SUPERVISOR", api.demo.organization.id, unreachable);
    const { items } = await caller.connections.list();
    expect(items.length).toBe(2);
    for (const item of items) {
      expect(item.check.status).toBe("unknown");
      expect(item.check.problems[0]).toMatch(/^Telnyx could not be asked: Telnyx is unreachable/);
    }
  });

  it("refuses to point real Telnyx at a loopback address (APP_URL unset)", async () => {
    const live = {
      ...api.server.deps,
      telnyx: createLiveAccess({ apiKey: "KEY_LIVE", baseURL: "http://127.0.0.1:9/v2" }),
    };
    const admin = api.as(api.demo.users.admin, "ADMIN", api.demo.organization.id, live);
    await expect(admin.connections.fixWebhooks({ id: api.app.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: `Telnyx cannot reach ${api.url}: set APP_URL to this server's public address (https://…), restart it, then try again.`,
    });
  });

  it("creates an application and a profile in Telnyx with our webhooks; the first of its kind is the default", async () => {
    const otherAdmin = api.asOtherAdmin();
    // Organization B's resources point at B's own endpoint.
    const expected = webhookUrls(api.url, api.other.organization.webhookToken);
    const app = await otherAdmin.connections.createApplication({ name: "Globex voice" });
    expect(app).toMatchObject({
      kind: "CALL_CONTROL_APPLICATION",
      name: "Globex voice",
      isDefault: true,
      active: true,
      callCostInWebhooks: true,
    });
    expect(app.check).toEqual({ status: "ok", problems: [] });
    expect(api.sandbox.world.apps.get(app.telnyxId)).toMatchObject({
      application_name: "Globex voice",
      webhook_event_url: expected.calls,
      webhook_event_failover_url: expected.any,
      webhook_api_version: "2",
      call_cost_in_webhooks: true,
    });
    const profile = await otherAdmin.connections.createMessagingProfile({ name: "Globex SMS" });
    expect(profile).toMatchObject({ kind: "MESSAGING_PROFILE", isDefault: true, webhookUrl: expected.messages });
    expect(api.sandbox.world.messagingProfiles.get(profile.telnyxId)).toMatchObject({
      whitelisted_destinations: ["*"],
      webhook_failover_url: expected.any,
    });

    const second = await otherAdmin.connections.createApplication({ name: "Globex voice 2" });
    expect(second.isDefault).toBe(false);
    expect(await auditOf(app.id)).toEqual(["connection.create:ok"]);
    expect(await auditOf(profile.id)).toEqual(["connection.create:ok"]);
    // Organization B sees only its own.
    expect((await otherAdmin.connections.list()).items.map((item) => item.name)).toEqual([
      "Globex voice",
      "Globex voice 2",
      "Globex SMS",
    ]);
  });

  it("renames and deactivates an application in Telnyx", async () => {
    const admin = api.asDemoAdmin();
    const app = await admin.connections.createApplication({ name: "Spare" });
    const updated = await admin.connections.update({ id: app.id, data: { name: "Spare (off)", active: false } });
    expect(updated).toMatchObject({ name: "Spare (off)", active: false, isDefault: false });
    expect(api.sandbox.world.apps.get(app.telnyxId)).toMatchObject({ application_name: "Spare (off)", active: false });
    expect(await auditOf(app.id)).toEqual(["connection.create:ok", "connection.update:ok"]);
  });

  it("Fix recreates an application deleted in the Telnyx portal and points its numbers at the new one", async () => {
    const admin = api.asDemoAdmin();
    const app = await admin.connections.createApplication({ name: "Deleted in the portal" });
    const number = await api.db.prisma.telnyxPhoneNumber.findFirstOrThrow({
      where: { organizationId: api.demo.organization.id, telnyxId: { not: null }, releasedAt: null },
    });
    const gateway = await api.gateway();
    await gateway.updatePhoneNumber(number.telnyxId!, { connectionId: app.telnyxId });
    await api.db.prisma.telnyxPhoneNumber.update({ where: { id: number.id }, data: { connectionId: app.telnyxId } });
    api.sandbox.world.apps.delete(app.telnyxId);
    const listed = (await admin.connections.list()).items.find((item) => item.id === app.id)!;
    expect(listed.check.status).toBe("mismatch");
    expect(listed.check.problems[0]).toMatch(/no longer exists in the Telnyx account/);

    const fixed = await admin.connections.fixWebhooks({ id: app.id });
    expect(fixed).toMatchObject({ id: app.id, name: "Deleted in the portal", check: { status: "ok", problems: [] } });
    expect(fixed.telnyxId).not.toBe(app.telnyxId);
    expect(api.sandbox.world.apps.get(fixed.telnyxId)).toMatchObject({
      application_name: "Deleted in the portal",
      webhook_event_url: api.expected.calls,
      webhook_event_failover_url: api.expected.any,
      call_cost_in_webhooks: true,
    });
    const owned = (await gateway.listPhoneNumbers()).find((entry) => entry.id === number.telnyxId);
    expect(owned?.connectionId).toBe(fixed.telnyxId);
    const stored = await api.db.prisma.telnyxPhoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    expect(stored.connectionId).toBe(fixed.telnyxId);
    const entry = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { targetId: app.id, action: "connection.fix_webhooks" },
    });
    expect(entry.details).toMatchObject({
      recreated: { previousTelnyxId: app.telnyxId, numbersRepointed: 1, telnyxId: fixed.telnyxId },
    });
    // Put the number back where it was for the tests that follow.
    await gateway.updatePhoneNumber(number.telnyxId!, { connectionId: number.connectionId ?? api.app.telnyxId });
    await api.db.prisma.telnyxPhoneNumber.update({
      where: { id: number.id },
      data: { connectionId: number.connectionId },
    });
  });

  it("Fix recreates a messaging profile deleted in the Telnyx portal and moves its numbers' messaging to it", async () => {
    const admin = api.asDemoAdmin();
    const profile = await admin.connections.createMessagingProfile({ name: "SMS deleted in the portal" });
    const number = await api.db.prisma.telnyxPhoneNumber.findFirstOrThrow({
      where: { organizationId: api.demo.organization.id, telnyxId: { not: null }, releasedAt: null },
    });
    const gateway = await api.gateway();
    await gateway.updatePhoneNumberMessaging(number.telnyxId!, { messagingProfileId: profile.telnyxId });
    await api.db.prisma.telnyxPhoneNumber.update({
      where: { id: number.id },
      data: { messagingProfileId: profile.telnyxId },
    });
    api.sandbox.world.messagingProfiles.delete(profile.telnyxId);

    const fixed = await admin.connections.fixWebhooks({ id: profile.id });
    expect(fixed.check).toEqual({ status: "ok", problems: [] });
    expect(fixed.telnyxId).not.toBe(profile.telnyxId);
    expect(api.sandbox.world.messagingProfiles.get(fixed.telnyxId)).toMatchObject({
      name: "SMS deleted in the portal",
      webhook_url: api.expected.messages,
    });
    const owned = (await gateway.listPhoneNumbers()).find((entry) => entry.id === number.telnyxId);
    expect(owned?.messagingProfileId).toBe(fixed.telnyxId);
    await gateway.updatePhoneNumberMessaging(number.telnyxId!, { messagingProfileId: number.messagingProfileId });
    await api.db.prisma.telnyxPhoneNumber.update({
      where: { id: number.id },
      data: { messagingProfileId: number.messagingProfileId },
    });
  });

  it("refuses agents the list and every mutation", async () => {
    const agent = api.asDemoAgent();
    const attempts = [
      agent.connections.list(),
      agent.connections.createApplication({ name: "x" }),
      agent.connections.createMessagingProfile({ name: "x" }),
      agent.connections.update({ id: api.app.id, data: { name: "x" } }),
      agent.connections.fixWebhooks({ id: api.app.id }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.asDemoSupervisor().connections.fixWebhooks({ id: api.app.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers GET /api/telnyx/connections", async () => {
    const response = await fetch(`${api.url}/api/telnyx/connections`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { items: Array<{ id: string }>; expected: { calls: string } } };
    expect(data.expected.calls).toBe(api.expected.calls);
    expect(data.items.map((item) => item.id)).toContain(api.app.id);
  });

  // Last: it changes the organization's URLs for good.
  it("rotates the organization's webhook URL from Settings: Telnyx is re-pointed, the old URL is a 404, audited", async () => {
    const oldToken = api.demo.organization.webhookToken;
    const rotated = await api.asDemoAdmin().settings.rotateWebhookToken();
    const { webhookToken } = await api.db.prisma.organization.findUniqueOrThrow({
      where: { id: api.demo.organization.id },
      select: { webhookToken: true },
    });
    expect(webhookToken).not.toBe(oldToken);
    expect(webhookToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const own = `${api.url}/api/telnyx/webhooks/o/${webhookToken}`;
    expect(rotated.webhookUrls).toEqual({ calls: `${own}/calls`, messages: `${own}/messages`, any: own });
    expect(rotated.repoint.failed).toEqual([]);
    expect(api.sandbox.world.apps.get(api.app.telnyxId)).toMatchObject({
      webhook_event_url: `${own}/calls`,
      webhook_event_failover_url: own,
    });
    expect(api.sandbox.world.messagingProfiles.get(api.profile.telnyxId)).toMatchObject({
      webhook_url: `${own}/messages`,
      webhook_failover_url: own,
    });
    const listed = (await api.asDemoSupervisor().connections.list()).items.filter(
      (item) => item.id === api.app.id || item.id === api.profile.id,
    );
    expect(listed.map((item) => item.check.status)).toEqual(["ok", "ok"]);

    const old = await fetch(`${api.url}/api/telnyx/webhooks/o/${oldToken}/calls`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(old.status).toBe(404);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.webhookToken.rotate" } });
    expect(audit).toMatchObject({
      result: "ok",
      userId: api.demo.users.admin.id,
      details: { repointed: rotated.repoint.updated, failed: [] },
    });
    expect(JSON.stringify(audit)).not.toContain(webhookToken);
    await expect(api.asDemoSupervisor().settings.rotateWebhookToken()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
