/**
 * IVR menus (issue 15) end to end against the sandbox: a number routed to a menu answers the caller and says the
 * menu (gather_using_speak); the sandbox's magic callers (…077N) press N. A key leads to a queue (its members ring),
 * to another menu (said in turn), and no key twice ends in voicemail. The timeline names the key pressed.
 */
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncomingCallEvent } from "@app/telnyx-core/realtime/events";
import { type SandboxTestServer, setupTestApi } from "./harness";
import { placeInboundCall, sandboxControl, until } from "./support/inbound-calls";

let env: SandboxTestServer;
let agent1: Socket;
let supportQueueId: string;
let numberId: string;

const OUR_NUMBER = "+13125550100";

beforeAll(async () => {
  // 0.2: the 8 s wait for a key lasts 1.6 s of real time.
  env = await setupTestApi({ server: { ringTickMs: 100 }, sandbox: { timeScale: 0.2, seed: 11 }, routing: true });
  agent1 = await env.openSocket(await env.tokenFor(env.demo.users.agent1, "AGENT"));
  await env.as(env.demo.users.agent1, "AGENT").agents.setStatus({ status: "AVAILABLE" });
  await env.as(env.demo.users.agent2, "AGENT").agents.setStatus({ status: "AWAY" });
  const supervisor = env.asDemoSupervisor();
  const support = await supervisor.routing.queues.create({
    idempotencyKey: crypto.randomUUID(),
    name: "Support",
    strategy: "ALL",
    ringTimeoutSecs: 60,
    maxWaitSecs: 600,
    holdMessage: null,
    announcePosition: false,
    memberUserIds: [env.demo.users.agent1.id],
  });
  supportQueueId = support.id;
  const number = await env.db.prisma.telnyxPhoneNumber.findFirstOrThrow({
    where: { organizationId: env.demo.organization.id, phoneNumber: OUR_NUMBER },
  });
  numberId = number.id;
});
afterAll(async () => {
  await env?.close();
});

async function routeToMenu(options: Array<{ digit: string; target: unknown }>, name = `Main ${Date.now()}`) {
  const supervisor = env.asDemoSupervisor();
  const menu = await supervisor.routing.ivr.create({
    idempotencyKey: crypto.randomUUID(),
    name,
    greeting: "Press 2 for support.",
    options: options as never,
  });
  await supervisor.routing.numbers.setRoute({ phoneNumberId: numberId, target: { kind: "ivr", menuId: menu.id } });
  return menu;
}

const webhooksOf = (ccid: string) =>
  env.sandbox.world.webhooks.log.filter((d) => JSON.stringify(d).includes(ccid)).map((d) => d.event_type);

async function timelineCodes(callId: string): Promise<Array<{ code: string; params: Record<string, unknown> }>> {
  const call = await env.asDemoSupervisor().calls.get({ id: callId });
  return call.timeline.map((line) => line.detail);
}

function ringsFor(callId: string): Promise<void> {
  return new Promise((resolve) => {
    const handler = (event: TIncomingCallEvent) => {
      if (event.call.id !== callId) return;
      agent1.off("call:incoming", handler);
      resolve();
    };
    agent1.on("call:incoming", handler);
  });
}

describe("IVR menus", () => {
  it("a caller who presses 2 waits in the Support queue, whose member rings; the timeline names the key", async () => {
    await routeToMenu([
      { digit: "1", target: { kind: "voicemail" } },
      { digit: "2", target: { kind: "queue", queueId: supportQueueId } },
    ]);
    const rang: string[] = [];
    agent1.on("call:incoming", (event: TIncomingCallEvent) => rang.push(event.call.id));
    const { ccid, callId } = await placeInboundCall(env, "+14155550772", OUR_NUMBER);
    await until(async () => rang.includes(callId), "the Support queue's member to ring");
    agent1.off("call:incoming");
    const entry = await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } });
    expect(entry).toMatchObject({ queueId: supportQueueId, status: "WAITING" });
    expect((await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: callId } })).queueId).toBe(supportQueueId);
    expect(await timelineCodes(callId)).toContainEqual({
      code: "ivrKeyPressed",
      leg: "customer",
      params: { digit: "2" },
    });
    expect(webhooksOf(ccid)).toContain("call.enqueued");
    await sandboxControl(env, `/calls/${ccid}/hangup`, {});
    await until(
      async () => (await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } })).status === "MISSED",
      "the wait to end",
    );
  });

  it("says the menu again when nothing is pressed, then takes the caller to voicemail", async () => {
    await routeToMenu([{ digit: "2", target: { kind: "queue", queueId: supportQueueId } }]);
    // …0770: silent at the menu, leaves a message after the beep.
    const { ccid, callId } = await placeInboundCall(env, "+14155550770", OUR_NUMBER);
    const ended = await until(async () => {
      const row = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: callId } });
      return row.status === "NO_ANSWER" ? row : null;
    }, "the voicemail to end");
    expect(ended).toMatchObject({ inboundOutcome: "VOICEMAIL", answeredAt: null });
    const gathers = env.sandbox.world.webhooks.log.filter(
      (d) => d.event_type === "call.gather.ended" && JSON.stringify(d).includes(ccid),
    );
    expect(gathers).toHaveLength(2);
    const codes = (await timelineCodes(callId)).map((d) => d.code);
    expect(codes.filter((c) => c === "ivrNoKey")).toHaveLength(2);
    expect(await env.db.prisma.callback.findUnique({ where: { callId } })).toMatchObject({ reason: "VOICEMAIL" });
    expect(await env.db.prisma.queueEntry.count({ where: { callId } })).toBe(0);
  });

  it("a key the menu does not offer: the menu once more, then voicemail", async () => {
    await routeToMenu([{ digit: "2", target: { kind: "queue", queueId: supportQueueId } }]);
    // …0779 presses 9 at every menu: not an option here.
    const { ccid, callId } = await placeInboundCall(env, "+14155550779", OUR_NUMBER);
    await until(async () => {
      const row = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: callId } });
      return row.status === "ANSWERED";
    }, "voicemail (the greeting)");
    const gathers = env.sandbox.world.webhooks.log.filter(
      (d) => d.event_type === "call.gather.ended" && JSON.stringify(d).includes(ccid),
    );
    expect(gathers.map((d) => (d.payload as { status?: string }).status)).toEqual(["invalid", "invalid"]);
    expect(await env.db.prisma.queueEntry.count({ where: { callId } })).toBe(0);
    await sandboxControl(env, `/calls/${ccid}/hangup`, {});
    await until(async () => {
      const row = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: callId } });
      return row.status === "NO_ANSWER" && row.inboundOutcome === "VOICEMAIL";
    }, "the voicemail to end");
  });

  it("a key that leads to another menu says that menu; its key then leads on", async () => {
    const supervisor = env.asDemoSupervisor();
    const sub = await supervisor.routing.ivr.create({
      idempotencyKey: crypto.randomUUID(),
      name: `Sub ${Date.now()}`,
      greeting: "Sales menu: press 3 for support.",
      options: [{ digit: "3", target: { kind: "queue", queueId: supportQueueId } }],
    });
    await routeToMenu([{ digit: "3", target: { kind: "menu", menuId: sub.id } }]);
    const { ccid, callId } = await placeInboundCall(env, "+14155550773", OUR_NUMBER);
    const ringing = ringsFor(callId);
    await ringing;
    const keys = (await timelineCodes(callId)).filter((d) => d.code === "ivrKeyPressed");
    expect(keys).toHaveLength(2);
    expect(webhooksOf(ccid).filter((t) => t === "call.gather.ended")).toHaveLength(2);
    await sandboxControl(env, `/calls/${ccid}/hangup`, {});
    await until(
      async () => (await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } })).status === "MISSED",
      "the wait to end",
    );
  });

  it("refuses to delete a menu a number or another menu goes to", async () => {
    const supervisor = env.asDemoSupervisor();
    const sub = await supervisor.routing.ivr.create({
      idempotencyKey: crypto.randomUUID(),
      name: `Leaf ${Date.now()}`,
      greeting: "Press 1.",
      options: [{ digit: "1", target: { kind: "voicemail" } }],
    });
    const main = await routeToMenu([{ digit: "1", target: { kind: "menu", menuId: sub.id } }]);
    await expect(supervisor.routing.ivr.delete({ id: sub.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(supervisor.routing.ivr.delete({ id: main.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(supervisor.routing.queues.delete({ id: supportQueueId })).rejects.toMatchObject({ code: "CONFLICT" });
    await supervisor.routing.numbers.setRoute({ phoneNumberId: numberId, target: null });
    await supervisor.routing.ivr.delete({ id: main.id });
    await supervisor.routing.ivr.delete({ id: sub.id });
    // Not built yet: a key that rings one agent (for a caller already answered) is refused, not silently voicemail.
    await expect(
      supervisor.routing.ivr.create({
        idempotencyKey: crypto.randomUUID(),
        name: `Agent ${Date.now()}`,
        greeting: "Press 1.",
        options: [{ digit: "1", target: { kind: "agent", userId: env.demo.users.agent1.id } }],
      }),
    ).rejects.toThrow(/cannot ring one agent yet/);
    expect((await supervisor.routing.ivr.list()).map((m) => m.id)).not.toContain(sub.id);
  });
});
