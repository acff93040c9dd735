/**
 * Inbound SMS/MMS from the Telnyx sandbox threaded on leads, STOP/START opt-outs enforced before
 * every send, manual opt-outs, and late or duplicate webhooks that must change nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveEvents, type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
let liveEvents: LiveEvents;
beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: true });
  liveEvents = await env.recordLiveEvents();
});
afterAll(async () => {
  await env?.close();
});

const US_NUMBER = "+13125550100";
const MIKE = "+13125550117"; // lead Mike O'Connor
const MARIA = "+13055550163"; // lead Maria García

async function receive(from: string, text: string, mediaUrls?: string[]): Promise<string> {
  const response = await env.control("inbound-message", { from, to: US_NUMBER, text, media_urls: mediaUrls });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { id: string } };
  await env.delivered((d) => d.stream === data.id && d.event_type === "message.received");
  return data.id;
}

const leadOf = (phoneNumber: string) => env.demo.leads.find((l) => l.phoneNumber === phoneNumber)!;
const sentToSandbox = (to: string) =>
  [...env.sandbox.world.messaging.messages.values()].filter((m) => m.to[0]?.phone_number === to);

describe("receiving SMS", () => {
  it("threads an inbound SMS on the lead who sent it, live", async () => {
    const mike = leadOf(MIKE);
    const telnyxId = await receive(MIKE, "Can you call me back tomorrow?");
    const thread = await env.asDemoAgent().messages.thread({ leadId: mike.id });
    expect(thread).toMatchObject({ leadId: mike.id, counterpartNumber: MIKE, optedOut: false });
    expect(thread.items.at(-1)).toMatchObject({
      direction: "INBOUND",
      status: "RECEIVED",
      type: "SMS",
      fromNumber: MIKE,
      toNumber: US_NUMBER,
      text: "Can you call me back tomorrow?",
      leadName: thread.leadName,
    });
    const live = await liveEvents.next(
      (e) => e.event === "message:created" && e.payload.text === "Can you call me back tomorrow?",
    );
    expect(live.payload).toMatchObject({ leadId: mike.id, status: "RECEIVED" });

    const { items } = await env.asDemoAgent().messages.threads({});
    expect(items.find((t) => t.counterpartNumber === MIKE)).toMatchObject({
      key: mike.id,
      leadId: mike.id,
      messageCount: 1,
      lastMessage: { text: "Can you call me back tomorrow?" },
    });
    const stored = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { telnyxId } });
    expect(stored).toMatchObject({
      leadId: mike.id,
      organizationId: env.demo.organization.id,
      counterpartNumber: MIKE,
      parts: 1,
    });
    // Timestamps are stored in UTC like every Prisma-written row: received moments ago, not hours off.
    for (const at of [stored.completedAt!, stored.lastEventAt!, stored.createdAt, stored.updatedAt])
      expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(stored.completedAt!.getTime()).toBeLessThanOrEqual(stored.createdAt.getTime() + 1000);
  });

  it("stores an MMS from an unknown number on a thread keyed by that number", async () => {
    const stranger = "+14155550777";
    await receive(stranger, "Here is the photo", ["https://example.com/roof.jpg"]);
    const thread = await env.asDemoAgent().messages.thread({ counterpartNumber: stranger });
    expect(thread).toMatchObject({ leadId: null, leadName: null, counterpartNumber: stranger });
    expect(thread.items).toEqual([
      expect.objectContaining({ type: "MMS", mediaUrls: ["https://example.com/roof.jpg"], text: "Here is the photo" }),
    ]);
    const { items } = await env.asDemoAgent().messages.threads({ search: "5550777" });
    expect(items).toEqual([expect.objectContaining({ key: stranger, leadId: null, counterpartNumber: stranger })]);
  });

  it("pages a thread back in time, oldest first within a page", async () => {
    const maria = leadOf(MARIA);
    for (const text of ["one", "two", "three"]) await receive(MARIA, text);
    const first = await env.asDemoAgent().messages.thread({ leadId: maria.id, limit: 2 });
    expect(first.items.map((m) => m.text)).toEqual(["two", "three"]);
    const second = await env.asDemoAgent().messages.thread({ leadId: maria.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((m) => m.text)).toEqual(["one"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("opt-outs", () => {
  it("STOP opts the number out: the next send is refused and nothing reaches Telnyx; START opts back in", async () => {
    const mike = leadOf(MIKE);
    await receive(MIKE, "  stop ");
    await liveEvents.next(
      (e) => e.event === "optout:updated" && e.payload.phoneNumber === MIKE && e.payload.optedOut === true,
    );
    const { items } = await env.asDemoAgent().messages.optOuts({});
    expect(items).toEqual([expect.objectContaining({ phoneNumber: MIKE, source: "KEYWORD", keyword: "STOP" })]);
    expect((await env.asDemoAgent().messages.thread({ leadId: mike.id })).optedOut).toBe(true);

    const rowsBefore = await env.db.prisma.telnyxMessage.count();
    await expect(
      env.asDemoAgent().messages.send({ to: MIKE, text: "Are you still there?", leadId: mike.id }),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: `${MIKE} replied STOP and opted out of SMS; they must text START to opt back in.`,
    });
    expect(sentToSandbox(MIKE)).toEqual([]);
    expect(await env.db.prisma.telnyxMessage.count()).toBe(rowsBefore);

    await receive(MIKE, "Start");
    await liveEvents.next(
      (e) => e.event === "optout:updated" && e.payload.phoneNumber === MIKE && e.payload.optedOut === false,
    );
    const sent = await env.asDemoAgent().messages.send({ to: MIKE, text: "Welcome back", leadId: mike.id });
    expect(sent.leadId).toBe(mike.id);
    expect(sentToSandbox(MIKE)).toHaveLength(1);
  });

  it("only stores HELP and words that merely contain a keyword", async () => {
    await receive(MARIA, "HELP");
    await receive(MARIA, "please stop calling at dinner time");
    expect(await env.db.prisma.optOut.count({ where: { phoneNumber: MARIA } })).toBe(0);
    expect(await env.db.prisma.telnyxMessage.count({ where: { counterpartNumber: MARIA, text: "HELP" } })).toBe(1);
  });

  it("lets supervisors opt a number out and back in by hand", async () => {
    const number = "+12125550199";
    expect(await env.asDemoSupervisor().messages.optOut({ phoneNumber: number })).toEqual({
      phoneNumber: number,
      optedOut: true,
    });
    await expect(env.asDemoAgent().messages.send({ to: number, text: "hi" })).rejects.toMatchObject({
      message: expect.stringContaining("opted out"),
    });
    expect(await env.asDemoSupervisor().messages.optIn({ phoneNumber: number })).toEqual({
      phoneNumber: number,
      optedOut: false,
    });
    await expect(env.asDemoAgent().messages.optOut({ phoneNumber: number })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const actions = await env.db.prisma.auditLog.findMany({
      where: { targetId: number },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["optout.add", "optout.remove"]);
  });
});

/** Every live event published so far has reached the socket once an event published now arrives. */
async function liveBarrier(optedOut: boolean) {
  const marker = "+12125550188";
  if (optedOut) await env.asDemoSupervisor().messages.optOut({ phoneNumber: marker });
  else await env.asDemoSupervisor().messages.optIn({ phoneNumber: marker });
  const arrived = await liveEvents.next(
    (e) => e.event === "optout:updated" && e.payload.phoneNumber === marker && e.payload.optedOut === optedOut,
  );
  return liveEvents.events.slice(0, liveEvents.events.indexOf(arrived));
}

describe("late and duplicate webhooks", () => {
  it("ignores a late message.sent after delivery and duplicates of the final event", async () => {
    const sent = await env.asDemoAgent().messages.send({ to: MARIA, text: "Your quote is ready" });
    const { telnyxId } = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { id: sent.id } });
    const finalized = await env.delivered((d) => d.stream === telnyxId && d.event_type === "message.finalized");
    const sentEvent = env.sandbox.world.webhooks.log.find(
      (d) => d.stream === telnyxId && d.event_type === "message.sent",
    )!;
    const before = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(before.status).toBe("DELIVERED");
    const updatesBefore = (await liveBarrier(true)).filter(
      (e) => e.event === "message:updated" && e.payload.id === sent.id,
    ).length;

    // The same events again under new event ids (a redelivery the inbox cannot recognise), and the exact same one.
    const replay = (delivery: typeof finalized) => ({
      data: {
        record_type: "event",
        id: randomUUID(),
        event_type: delivery.event_type,
        occurred_at: delivery.occurred_at,
        payload: delivery.payload,
      },
    });
    for (const body of [replay(sentEvent), replay(finalized), replay(sentEvent)])
      expect((await env.postSignedWebhook(body)).status).toBe(200);
    const exact = {
      data: {
        record_type: "event",
        id: finalized.event_id,
        event_type: "message.finalized",
        occurred_at: finalized.occurred_at,
        payload: finalized.payload,
      },
    };
    expect(await (await env.postSignedWebhook(exact)).json()).toEqual({ status: "duplicate" });
    await env.server.webhooks.drain();

    const after = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(after).toEqual(before);
    expect(
      (await liveBarrier(false)).filter((e) => e.event === "message:updated" && e.payload.id === sent.id),
    ).toHaveLength(updatesBefore);
    expect(await env.db.prisma.telnyxMessage.count({ where: { telnyxId } })).toBe(1);
  });

  it("ends delivered under sandbox chaos (every webhook duplicated, consecutive events swapped)", async () => {
    await env.control("chaos", { duplicate_rate: 1, reorder: true, delay_ms_max: 20 });
    try {
      const sent = await env.asDemoAgent().messages.send({ to: "+12125550111", text: "Chaos check" });
      const { telnyxId } = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { id: sent.id } });
      await env.delivered((d) => d.stream === telnyxId && d.event_type === "message.finalized" && d.duplicate);
      await env.delivered((d) => d.stream === telnyxId && d.event_type === "message.sent" && d.duplicate);
      const rows = await env.db.prisma.telnyxMessage.findMany({ where: { text: "Chaos check" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "DELIVERED", telnyxId });
      expect(rows[0]!.cost?.toFixed()).toBe("0.0075");
    } finally {
      await env.control("chaos", { duplicate_rate: 0, reorder: false, delay_ms_max: 0 });
    }
  });

  it("records a message sent from one of our numbers outside the CRM", async () => {
    const outside = env.telnyx.gatewayFor("any");
    const message = await (await outside).sendMessage({
      to: MARIA,
      from: US_NUMBER,
      text: "Sent from the Telnyx portal",
    });
    await env.delivered((d) => d.stream === message.id && d.event_type === "message.finalized");
    const row = await env.db.prisma.telnyxMessage.findUniqueOrThrow({ where: { telnyxId: message.id } });
    expect(row).toMatchObject({
      direction: "OUTBOUND",
      status: "DELIVERED",
      organizationId: env.demo.organization.id,
      leadId: leadOf(MARIA).id,
      userId: null,
    });
  });
});
