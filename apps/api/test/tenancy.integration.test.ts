/**
 * Issue 13, finding 1, reproduced: organization B's admin saves Telnyx keys whose webhook public key
 * they made themselves, then signs events naming organization A's numbers, A's lead and A's call, and
 * posts them to B's endpoint, A's endpoint, the legacy shared endpoints and an unknown endpoint. Each
 * is refused, or applied inside B only: A's rows are identical before and after. Inside one
 * organization, a client_state with a bad or missing MAC does not attach a leg to another call.
 */
import { randomBytes, randomUUID, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { seedDemo, seedSecondOrg, type DemoSeed, type SecondOrgSeed } from "@app/db/seed";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { encodeCallClientState } from "@app/telnyx-core/calls/call-client-state";
import { encodeClientState } from "@app/telnyx-core/gateway/gateway-context";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { buildServer, type ApiServer } from "../src/server";
import { seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createLiveAccess } from "../src/telnyx/telnyx-access";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";
import { inboundSms } from "./support/signed-events";
import { findWebhookFixtures } from "../../../tooling/testing/webhook-fixtures";
import { snapshotOrganization } from "./support/org-snapshot";
import { listenOnFreePort } from "./support/listen";

const B_API_KEY = `KEY${randomBytes(12).toString("hex")}_org_b`;
const installationKey = generateTestSigningKeyPair();
/** B's "own" webhook key: B holds the private half (the attack of finding 1). */
const bKey = generateTestSigningKeyPair();
const A_NUMBER = "+13125550100";
const B_NUMBER = "+13125550199";

let db: TestDb;
let sandbox: Sandbox;
let server: ApiServer;
let url: string;
let a: DemoSeed;
let b: SecondOrgSeed;
let aLeadPhone: string;
let aCall: { id: string; callControlId: string };
let aOtherCall: { id: string; callControlId: string };

beforeAll(async () => {
  // The sandbox stands for B's own Telnyx account: it accepts B's API key only.
  sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: B_API_KEY });
  db = await createTestDb();
  a = await seedDemo(db, { hashPassword, hashToken });
  b = await seedSecondOrg(db, { hashPassword, hashToken });
  await seedDemoTelnyx(db, a.organization.id);
  await db.prisma.telnyxPhoneNumber.create({
    data: {
      organizationId: b.organization.id,
      phoneNumber: B_NUMBER,
      countryCode: "US",
      status: "ACTIVE",
      features: ["voice", "sms"],
    },
  });
  server = await buildServer({
    db,
    telnyx: createLiveAccess({
      apiKey: "KEYinstallation_unused",
      publicKey: installationKey.publicKeyBase64,
      baseURL: sandbox.baseUrl,
    }),
    encryptionKey: randomBytes(32).toString("base64"),
    logLevel: "silent",
    webDistDir: "/nonexistent",
  });
  url = await listenOnFreePort(server.app);

  aLeadPhone = a.leads[0]!.phoneNumber;
  const call = (suffix: string) =>
    db.prisma.telnyxCall.create({
      data: {
        organizationId: a.organization.id,
        direction: "OUTBOUND",
        status: "BRIDGED",
        fromNumber: A_NUMBER,
        toNumber: aLeadPhone,
        leadId: a.leads[0]!.id,
        userId: a.users.agent1.id,
        callControlId: `v3:a-customer-${suffix}`,
        agentCallControlId: `v3:a-agent-${suffix}`,
        startedAt: new Date(),
      },
      select: { id: true, callControlId: true },
    });
  aCall = (await call("1")) as typeof aCall;
  aOtherCall = (await call("2")) as typeof aOtherCall;

  // B's admin saves B's own keys through Settings, as the attacker did.
  const bAdmin = createCallerFactory(appRouter)(
    createContextInner({
      deps: server.deps,
      auth: { userId: b.users.admin.id, organizationId: b.organization.id, role: "ADMIN", via: "session" },
    }),
  );
  await bAdmin.settings.setTelnyxKeys({ apiKey: B_API_KEY, publicKey: bKey.publicKeyBase64 });
});

afterAll(async () => {
  await server?.app.close();
  await sandbox?.close();
  await db?.close();
});

const endpoint = (token: string, kind: "calls" | "messages") => `/api/telnyx/webhooks/o/${token}/${kind}`;

async function post(route: string, body: string, privateKey: KeyObject): Promise<number> {
  const response = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signWebhook(body, privateKey) },
    body,
  });
  await response.body?.cancel();
  return response.status;
}

/** Every row of A a forged event could touch, call timelines included. */
async function snapshotA(): Promise<string> {
  const events = await db.prisma.callEvent.findMany({
    where: { call: { organizationId: a.organization.id } },
    orderBy: { id: "asc" },
  });
  return (await snapshotOrganization(db, a.organization.id)) + JSON.stringify(events);
}

function callEventBody(eventType: string, payload: Record<string, unknown>): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    data: { record_type: "event", event_type: eventType, id: randomUUID(), occurred_at: now, payload },
    meta: { attempt: 1 },
  });
}

function recordingSaved(clientState: string | null, callControlId?: string): string {
  const fixture = JSON.parse(
    readFileSync(path.join(findWebhookFixtures(), "call.recording.saved__openapi__1.json"), "utf8"),
  ) as {
    data: { id: string; occurred_at: string; payload: Record<string, unknown> };
  };
  fixture.data.id = randomUUID();
  fixture.data.occurred_at = new Date().toISOString();
  fixture.data.payload = {
    ...fixture.data.payload,
    client_state: clientState,
    ...(callControlId ? { call_control_id: callControlId } : {}),
  };
  return JSON.stringify(fixture);
}

/** The four forged events of finding 1, naming A's number, A's lead and A's call. */
function forgedEvents(): Array<{ name: string; kind: "calls" | "messages"; body: string }> {
  const guessedState = encodeClientState(
    encodeCallClientState({ callId: aCall.id, leg: "customer" }, "a secret B does not have"),
  );
  return [
    {
      name: "inbound SMS",
      kind: "messages",
      body: inboundSms({ messageId: randomUUID(), from: aLeadPhone, to: A_NUMBER, text: "forged hello" }),
    },
    {
      name: "STOP",
      kind: "messages",
      body: inboundSms({ messageId: randomUUID(), from: aLeadPhone, to: A_NUMBER, text: "STOP" }),
    },
    {
      name: "call.initiated",
      kind: "calls",
      body: callEventBody("call.initiated", {
        call_control_id: `v3:ghost-${randomUUID()}`,
        direction: "incoming",
        state: "parked",
        from: aLeadPhone,
        to: A_NUMBER,
        client_state: null,
      }),
    },
    { name: "call.recording.saved (client_state)", kind: "calls", body: recordingSaved(guessedState!) },
    { name: "call.recording.saved (call_control_id)", kind: "calls", body: recordingSaved(null, aCall.callControlId) },
  ];
}

describe("webhooks are bound to the organization of their endpoint", () => {
  it("never lets B's own key touch A: refused on A's, the legacy and unknown endpoints, applied nowhere on B's", async () => {
    const before = await snapshotA();
    const statuses: Record<string, number[]> = {};
    for (const event of forgedEvents()) {
      const routes = [
        endpoint(b.organization.webhookToken, event.kind),
        endpoint(a.organization.webhookToken, event.kind),
        `/api/telnyx/webhooks/${event.kind}`,
        "/api/telnyx/webhooks",
        endpoint(randomBytes(32).toString("base64url"), event.kind),
      ];
      statuses[event.name] = [];
      for (const route of routes) statuses[event.name]!.push(await post(route, event.body, bKey.privateKey));
    }
    await server.webhooks.drain();

    // B's endpoint stores them (B's key is B's); A's and the legacy ones refuse B's key; unknown → 404.
    for (const name of Object.keys(statuses)) expect(statuses[name], name).toEqual([200, 401, 401, 401, 404]);
    expect(await snapshotA()).toBe(before);
    // Stored under B, and nothing of B's was created from them (B has no such number, lead or call).
    const stored = await db.prisma.webhookEvent.findMany({ where: { organizationId: b.organization.id } });
    expect(stored).toHaveLength(5);
    expect(await db.prisma.telnyxMessage.count({ where: { organizationId: b.organization.id } })).toBe(0);
    expect(await db.prisma.telnyxCall.count({ where: { organizationId: b.organization.id } })).toBe(0);
    expect(await db.prisma.optOut.count()).toBe(0);
  });

  it("applies B's own traffic on B's endpoint (the same path the forged events took)", async () => {
    const body = inboundSms({ messageId: randomUUID(), from: aLeadPhone, to: B_NUMBER, text: "hello B" });
    expect(await post(endpoint(b.organization.webhookToken, "messages"), body, bKey.privateKey)).toBe(200);
    await server.webhooks.drain();
    const messages = await db.prisma.telnyxMessage.findMany({
      where: { text: "hello B" },
      select: { organizationId: true, leadId: true },
    });
    // Applied in B; A's lead with the same phone is not B's lead.
    expect(messages).toEqual([{ organizationId: b.organization.id, leadId: null }]);
  });

  it("keeps A's legacy shared endpoint working with the installation's key, applied to A", async () => {
    const body = inboundSms({ messageId: randomUUID(), from: aLeadPhone, to: A_NUMBER, text: "legacy hello" });
    expect(await post("/api/telnyx/webhooks/messages", body, installationKey.privateKey)).toBe(200);
    expect(
      await post(
        endpoint(a.organization.webhookToken, "messages"),
        inboundSms({ messageId: randomUUID(), from: aLeadPhone, to: A_NUMBER, text: "own hello" }),
        installationKey.privateKey,
      ),
    ).toBe(200);
    await server.webhooks.drain();
    const messages = await db.prisma.telnyxMessage.findMany({
      where: { text: { in: ["legacy hello", "own hello"] } },
      select: { organizationId: true },
    });
    expect(messages).toEqual([{ organizationId: a.organization.id }, { organizationId: a.organization.id }]);
  });
});

describe("client_state is authenticated inside one organization", () => {
  const answered = (clientState: string | null) =>
    callEventBody("call.answered", {
      call_control_id: `v3:stray-${randomUUID()}`,
      state: "answered",
      from: A_NUMBER,
      to: aLeadPhone,
      client_state: clientState,
    });
  const timelineOf = (callId: string) => db.prisma.callEvent.count({ where: { callId } });

  it("does not attach a leg to another call of the organization when the MAC is bad or missing", async () => {
    const before = await snapshotA();
    const forgedMac = encodeClientState(
      encodeCallClientState({ callId: aOtherCall.id, leg: "customer" }, "not A's secret"),
    );
    const noMac = encodeClientState(JSON.stringify({ callId: aOtherCall.id, leg: "customer" }));
    for (const state of [forgedMac!, noMac!]) {
      expect(
        await post(endpoint(a.organization.webhookToken, "calls"), answered(state), installationKey.privateKey),
      ).toBe(200);
    }
    await server.webhooks.drain();
    expect(await snapshotA()).toBe(before);
  });

  it("attaches it when the MAC is A's (so the refusal above is the MAC's doing)", async () => {
    const { clientStateSecret } = await db.prisma.organization.findUniqueOrThrow({
      where: { id: a.organization.id },
      select: { clientStateSecret: true },
    });
    const genuine = encodeClientState(
      encodeCallClientState({ callId: aOtherCall.id, leg: "customer" }, clientStateSecret),
    );
    const before = await timelineOf(aOtherCall.id);
    expect(
      await post(endpoint(a.organization.webhookToken, "calls"), answered(genuine!), installationKey.privateKey),
    ).toBe(200);
    await server.webhooks.drain();
    expect(await timelineOf(aOtherCall.id)).toBe(before + 1);
  });
});
