/**
 * Outbound SMS end to end: messages.send through the real gateway to the Telnyx sandbox, whose
 * signed webhooks come back over HTTP into the inbox and move the message live on the socket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMS_OUTCOME_UNKNOWN_MESSAGE } from "@app/telnyx-core/gateway/messaging-api";
import { createTelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import type { TMessageDto } from "@app/telnyx-core/realtime/events";
import { SANDBOX_API_KEY } from "../src/telnyx/embedded-sandbox";
import { DEMO_ADMIN_TOKEN, type LiveEvents, type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
let liveEvents: LiveEvents;
beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: true });
  liveEvents = await env.recordLiveEvents();
});
afterAll(async () => {
  await env?.close();
});

const JOHN = "+12125550142"; // lead John Miller (US)
const ELODIE = "+33612345678"; // lead Élodie Bérard (FR)

async function rowOf(id: string) {
  return env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { id } });
}

/** Sends, then waits until Telnyx's final webhook for it has been applied. */
async function sendAndSettle(input: {
  to: string;
  text: string;
  fromNumberId?: string;
  leadId?: string;
}): Promise<TMessageDto> {
  const sent = await env.asDemoAgent().messages.send(input);
  const { telnyxId } = await rowOf(sent.id);
  await env.delivered((d) => d.stream === telnyxId && d.event_type === "message.finalized");
  return sent;
}

function statusesSeenLive(id: string): string[] {
  return liveEvents.events
    .filter((e) => e.event.startsWith("message:") && e.payload.id === id)
    .map((e) => String(e.payload.status));
}

describe("sending SMS", () => {
  it("lists the SMS numbers an agent may use, shared or assigned to them", async () => {
    const numbers = await env.asDemoAgent().messages.fromNumbers();
    expect(numbers.map((n) => n.phoneNumber).sort()).toEqual(["+13125550100", "+33757650100"]);
    const french = numbers.find((n) => n.countryCode === "FR")!;
    await env.db.prisma.telnyxPhoneNumber.update({
      where: { id: french.id },
      data: { assignedUserId: env.demo.users.agent2.id },
    });
    try {
      expect((await env.asDemoAgent().messages.fromNumbers()).map((n) => n.phoneNumber)).toEqual(["+13125550100"]);
      await expect(
        env.asDemoAgent().messages.send({ to: ELODIE, text: "Bonjour", fromNumberId: french.id }),
      ).rejects.toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        message: expect.stringContaining("cannot send SMS from this number"),
      });
    } finally {
      await env.db.prisma.telnyxPhoneNumber.update({ where: { id: french.id }, data: { assignedUserId: null } });
    }
  });

  it("delivers an SMS to a lead: QUEUED, then SENT, then DELIVERED with its cost, live on the socket", async () => {
    const john = env.demo.leads.find((l) => l.phoneNumber === JOHN)!;
    const sent = await sendAndSettle({ to: JOHN, text: "Hi John, following up on our call." });
    expect(sent).toMatchObject({
      direction: "OUTBOUND",
      fromNumber: "+13125550100",
      toNumber: JOHN,
      leadId: john.id,
      leadName: "John Miller",
      parts: 1,
    });

    const row = await rowOf(sent.id);
    expect(row).toMatchObject({
      status: "DELIVERED",
      costCurrency: "USD",
      encoding: "GSM-7",
      userId: env.demo.users.agent1.id,
      errorCode: null,
    });
    expect(row.cost?.toFixed()).toBe("0.0075");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(env.sandbox.world.messaging.messages.get(row.telnyxId!)).toMatchObject({
      text: "Hi John, following up on our call.",
    });

    await liveEvents.next(
      (e) => e.event === "message:updated" && e.payload.id === sent.id && e.payload.status === "DELIVERED",
    );
    const live = statusesSeenLive(sent.id);
    expect(live[0]).toBe("QUEUED");
    expect(live.at(-1)).toBe("DELIVERED");
    const order = ["QUEUED", "SENDING", "SENT", "DELIVERED"];
    expect(live.map((s) => order.indexOf(s))).toEqual([...live.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    const delivered = liveEvents.events.find((e) => e.payload.id === sent.id && e.payload.status === "DELIVERED")!;
    expect(delivered.payload).toMatchObject({ cost: "0.0075", leadName: "John Miller" });
  });

  it("sends from the number of the recipient's country and counts the parts of a long text", async () => {
    const text = "Bonjour Élodie, ".padEnd(200, "x");
    const sent = await sendAndSettle({ to: ELODIE, text });
    expect(sent).toMatchObject({ fromNumber: "+33757650100", parts: 2 });
    expect((await rowOf(sent.id)).status).toBe("DELIVERED");
  });

  it("records a carrier's delivery failure with its error", async () => {
    const sent = await sendAndSettle({ to: "+13125554008", text: "Will not arrive" });
    const row = await rowOf(sent.id);
    expect(row).toMatchObject({ status: "DELIVERY_FAILED", errorCode: "40008", errorTitle: "Undeliverable" });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("records a message Telnyx could not send, with no cost", async () => {
    const sent = await sendAndSettle({ to: "+13125554001", text: "Not routable" });
    const row = await rowOf(sent.id);
    expect(row).toMatchObject({ status: "SENDING_FAILED", errorCode: "40001", cost: null, sentAt: null });
  });

  it("marks a send Telnyx refuses as not sent, tells why, and does not retry it", async () => {
    await env.control("faults", { path: "/messages", method: "POST", kind: "429", count: 1, retry_after: 7 });
    const before = env.sandbox.world.faults.requests.filter((r) => r.path === "/v2/messages").length;
    const error = await env
      .asDemoAgent()
      .messages.send({ to: JOHN, text: "Rate limited" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Telnyx is rate-limiting this account — try again in 7 s.",
    });
    expect(env.sandbox.world.faults.requests.filter((r) => r.path === "/v2/messages").length).toBe(before + 1);
    const row = await env.db.prisma.telnyxMessage.findFirstOrThrow({ where: { text: "Rate limited" } });
    expect(row).toMatchObject({
      status: "SENDING_FAILED",
      errorCode: "10011",
      telnyxId: null,
      errorDetail: expect.stringContaining("rate-limiting"),
    });
    await liveEvents.next(
      (e) => e.event === "message:updated" && e.payload.id === row.id && e.payload.status === "SENDING_FAILED",
    );
    const audit = await env.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "message.send", targetId: row.id },
    });
    expect(audit.result).toBe("failed");
  });

  it("keeps a send whose outcome is unknown QUEUED with a note, without resending it", async () => {
    const impatient = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: env.sandbox.baseUrl, timeoutMs: 300 });
    const deps = { ...env.server.deps, telnyx: { ...env.telnyx, gatewayFor: async () => impatient } };
    await env.control("faults", { path: "/messages", method: "POST", kind: "timeout", count: 1, delay_ms: 1000 });
    const error = await env
      .as(env.demo.users.agent1, "AGENT", undefined, deps)
      .messages.send({ to: JOHN, text: "Lost in transit" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: SMS_OUTCOME_UNKNOWN_MESSAGE });
    const row = await env.db.prisma.telnyxMessage.findFirstOrThrow({ where: { text: "Lost in transit" } });
    expect(row).toMatchObject({ status: "QUEUED", telnyxId: null, errorTitle: "Outcome unknown" });
    expect([...env.sandbox.world.messaging.messages.values()].filter((m) => m.text === "Lost in transit")).toEqual([]);
  });

  it("reconciles a send whose answer was lost once Telnyx's webhooks arrive", async () => {
    const impatient = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: env.sandbox.baseUrl, timeoutMs: 300 });
    const deps = { ...env.server.deps, telnyx: { ...env.telnyx, gatewayFor: async () => impatient } };
    // "slow": the sandbox sends the message at once and answers 1 s late, after the client gave up.
    await env.control("faults", { path: "/messages", method: "POST", kind: "slow", count: 1, delay_ms: 1000 });
    await env
      .as(env.demo.users.agent1, "AGENT", undefined, deps)
      .messages.send({ to: JOHN, text: "Answer lost" })
      .catch((e: unknown) => e);
    const sandboxMessage = [...env.sandbox.world.messaging.messages.values()].find((m) => m.text === "Answer lost")!;
    await env.delivered((d) => d.stream === sandboxMessage.id && d.event_type === "message.finalized");
    const rows = await env.db.prisma.telnyxMessage.findMany({ where: { text: "Answer lost" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "DELIVERED",
      telnyxId: sandboxMessage.id,
      errorTitle: null,
      userId: env.demo.users.agent1.id,
    });
  });

  it("sends and lists through the REST face", async () => {
    const john = env.demo.leads.find((l) => l.phoneNumber === JOHN)!;
    const headers = { authorization: `Bearer ${DEMO_ADMIN_TOKEN}`, "content-type": "application/json" };
    const created = await fetch(`${env.url}/api/telnyx/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify({ to: JOHN, from: "+33757650100", text: "Sent over REST", lead_id: john.id }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: TMessageDto };
    expect(data).toMatchObject({ fromNumber: "+33757650100", toNumber: JOHN, leadId: john.id, text: "Sent over REST" });

    const refused = await fetch(`${env.url}/api/telnyx/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify({ to: "0612", text: "x" }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ code: "VALIDATION", source: { pointer: "/to" } }] });

    const listed = await fetch(`${env.url}/api/telnyx/messages?limit=50`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    });
    const page = (await listed.json()) as { data: { items: TMessageDto[] } };
    expect(page.data.items[0]).toMatchObject({ id: data.id });
  });
});
