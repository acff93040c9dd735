/**
 * Inbound routing (issue 15) end to end: the demo numbers route to the Sales queue (round robin over both agents),
 * the sandbox holds the caller in its Telnyx queue, agents' screens ring one at a time, a decline skips that agent
 * only, the max wait ends in voicemail (greeting, beep, recorded message) and a callback, and callers who hang up
 * while waiting are missed calls — all visible to the queue's agents.
 */
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TIncomingCallEvent } from "@app/telnyx-core/realtime/events";
import { type SandboxTestServer, setupTestApi } from "./harness";
import { placeInboundCall, sandboxControl, until } from "./support/inbound-calls";

let env: SandboxTestServer;
let sockets: { agent1: Socket; agent2: Socket };
let queueId: string;

const OUR_NUMBER = "+13125550100";
/** Sandbox magic caller: talks 4 s after the beep, then hangs up. */
const VOICEMAIL_CALLER = "+14155550770";

beforeAll(async () => {
  // 0.2: a 10 s max wait lasts 2 s of real time; the greeting ~1.3 s; the message 0.8 s.
  env = await setupTestApi({ server: { ringTickMs: 100 }, sandbox: { timeScale: 0.2, seed: 7 }, routing: true });
  sockets = {
    agent1: await env.openSocket(await env.tokenFor(env.demo.users.agent1, "AGENT")),
    agent2: await env.openSocket(await env.tokenFor(env.demo.users.agent2, "AGENT")),
  };
  const queue = await env.db.prisma.callQueue.findFirstOrThrow({
    where: { organizationId: env.demo.organization.id, name: "Sales" },
  });
  queueId = queue.id;
});
afterAll(async () => {
  await env?.close();
});

const agent = (key: "agent1" | "agent2") => env.as(env.demo.users[key], "AGENT");

async function setAgents(status: "AVAILABLE" | "AWAY") {
  await agent("agent1").agents.setStatus({ status });
  await agent("agent2").agents.setStatus({ status });
}

async function setQueue(data: {
  ringTimeoutSecs?: number;
  maxWaitSecs?: number;
  holdMessage?: string | null;
  announcePosition?: boolean;
}) {
  await env.db.prisma.callQueue.update({ where: { id: queueId }, data });
}

/** Every agent whose screen rings for a call, in order. */
function watchRinging(): { rung: Array<{ who: string; callId: string }>; stop: () => void } {
  const rung: Array<{ who: string; callId: string }> = [];
  const handlers = (["agent1", "agent2"] as const).map((who) => {
    const handler = (event: TIncomingCallEvent) => {
      rung.push({ who, callId: event.call.id });
    };
    sockets[who].on("call:incoming", handler);
    return () => {
      sockets[who].off("call:incoming", handler);
    };
  });
  return {
    rung,
    stop: () => {
      for (const off of handlers) off();
    },
  };
}

const callRow = (id: string) => env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id } });

async function expectVisibleToBothAgents(callId: string) {
  for (const key of ["agent1", "agent2"] as const) {
    const page = await agent(key).calls.list({});
    expect(
      page.items.map((c) => c.id),
      key,
    ).toContain(callId);
  }
}

describe("inbound routing to the Sales queue", () => {
  beforeEach(async () => {
    await setQueue({ ringTimeoutSecs: 60, maxWaitSecs: 600, holdMessage: null, announcePosition: false });
  });

  it("sends the caller to voicemail at once when no agent is available: recording, callback, visible to both", async () => {
    await setAgents("AWAY");
    const ringing = watchRinging();
    const { callId } = await placeInboundCall(env, VOICEMAIL_CALLER, OUR_NUMBER);
    const ended = await until(async () => {
      const row = await callRow(callId);
      return row.recordingPath && row.status === "NO_ANSWER" ? row : null;
    }, "the voicemail to be recorded and stored");
    ringing.stop();
    // No agent answered: the dashboard counts it missed (answeredAt null); the outcome says voicemail.
    expect(ended).toMatchObject({ inboundOutcome: "VOICEMAIL", queueId, direction: "INBOUND", answeredAt: null });
    expect(ringing.rung).toEqual([]);
    expect(await env.db.prisma.queueEntry.count({ where: { callId } })).toBe(0);
    const legs = env.sandbox.world.webhooks.log.map((d) => d.event_type);
    expect(legs).toContain("call.speak.ended");
    const callbacks = await agent("agent2").callbacks.list({});
    expect(callbacks.items.find((c) => c.callId === callId)).toMatchObject({
      reason: "VOICEMAIL",
      fromNumber: VOICEMAIL_CALLER,
      queueName: "Sales",
      recordingUrl: `/api/recordings/${callId}`,
    });
    await expectVisibleToBothAgents(callId);
  });

  it("sends the caller to voicemail out of business hours, even with agents available", async () => {
    await setAgents("AVAILABLE");
    await env.db.prisma.organization.update({
      where: { id: env.demo.organization.id },
      data: { businessHours: { timeZone: "Europe/Paris", weekly: [], holidays: [], enabled: true } },
    });
    try {
      const ringing = watchRinging();
      const { callId } = await placeInboundCall(env, VOICEMAIL_CALLER, OUR_NUMBER);
      await until(async () => (await callRow(callId)).status === "NO_ANSWER", "the voicemail to end");
      ringing.stop();
      expect((await callRow(callId)).inboundOutcome).toBe("VOICEMAIL");
      expect(ringing.rung).toEqual([]);
    } finally {
      await env.db.prisma
        .$executeRaw`UPDATE "Organization" SET "businessHours" = NULL WHERE "id" = ${env.demo.organization.id}`;
    }
  });

  it("rings one agent at a time in turn across calls; a caller who hangs up while waiting is missed", async () => {
    await setAgents("AVAILABLE");
    await env.db.prisma.callQueue.update({ where: { id: queueId }, data: { lastOfferedUserId: null } });
    await setQueue({ announcePosition: true });
    const ringing = watchRinging();
    const first = await placeInboundCall(env, "+14155550101", OUR_NUMBER);
    // The caller hears their place in the queue once queued.
    await until(async () => {
      const types = env.sandbox.world.webhooks.log
        .filter((d) => JSON.stringify(d).includes(first.ccid))
        .map((d) => d.event_type);
      return (
        types.indexOf("call.enqueued") >= 0 && types.indexOf("call.speak.started") > types.indexOf("call.enqueued")
      );
    }, "the position announcement");
    await until(async () => ringing.rung.length >= 1, "the first agent to ring");
    expect(ringing.rung).toEqual([{ who: "agent1", callId: first.callId }]);
    expect((await callRow(first.callId)).status).toBe("RINGING");
    const board = await env.asDemoSupervisor().wallboard.snapshot();
    expect(board.queues.find((q) => q.id === queueId)).toMatchObject({ waiting: 1, name: "Sales" });
    const queueEvents: Array<{ id: string; waiting: number }> = [];
    sockets.agent2.on("queue:updated", (queue: { id: string; waiting: number }) => queueEvents.push(queue));

    await sandboxControl(env, `/calls/${first.ccid}/hangup`, {});
    const missed = await until(async () => {
      const row = await callRow(first.callId);
      return row.status !== "RINGING" ? row : null;
    }, "the missed call");
    expect(missed).toMatchObject({ status: "NO_ANSWER", inboundOutcome: "MISSED", queueId });
    await until(
      async () => queueEvents.some((q) => q.id === queueId && q.waiting === 0),
      "queue:updated (nobody waits)",
    );
    sockets.agent2.off("queue:updated");
    const entry = await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId: first.callId } });
    expect(entry).toMatchObject({ status: "MISSED", ringingUserIds: [] });
    expect(await env.db.prisma.callback.findUnique({ where: { callId: first.callId } })).toMatchObject({
      reason: "MISSED",
    });
    await expectVisibleToBothAgents(first.callId);

    const second = await placeInboundCall(env, "+14155550102", OUR_NUMBER);
    await until(async () => ringing.rung.length >= 2, "the second call to ring");
    ringing.stop();
    expect(ringing.rung[1]).toEqual({ who: "agent2", callId: second.callId });
    await sandboxControl(env, `/calls/${second.ccid}/hangup`, {});
    await until(async () => (await callRow(second.callId)).status !== "RINGING", "the second caller to leave");
  });

  it("rings the next agent when a ring runs out (the ring ticker), then the first again in the next round", async () => {
    await setAgents("AVAILABLE");
    await setQueue({ ringTimeoutSecs: 5 });
    await env.db.prisma.callQueue.update({ where: { id: queueId }, data: { lastOfferedUserId: null } });
    const ringing = watchRinging();
    const { ccid, callId } = await placeInboundCall(env, "+14155550104", OUR_NUMBER);
    await until(async () => ringing.rung.length >= 3, "three rings, one agent at a time", 30_000);
    ringing.stop();
    expect(ringing.rung.slice(0, 3).map((r) => r.who)).toEqual(["agent1", "agent2", "agent1"]);
    expect((await callRow(callId)).status).toBe("RINGING");
    await sandboxControl(env, `/calls/${ccid}/hangup`, {});
    await until(async () => (await callRow(callId)).status !== "RINGING", "the caller to leave");
  });

  it("moves on to voicemail when nobody answers within the max wait", async () => {
    await setAgents("AVAILABLE");
    await setQueue({ maxWaitSecs: 10 });
    const { callId } = await placeInboundCall(env, VOICEMAIL_CALLER, OUR_NUMBER);
    const ended = await until(async () => {
      const row = await callRow(callId);
      return row.recordingPath && row.status === "NO_ANSWER" ? row : null;
    }, "the voicemail after the max wait");
    expect(ended.inboundOutcome).toBe("VOICEMAIL");
    const entry = await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } });
    expect(entry.status).toBe("VOICEMAIL");
    const dequeued = env.sandbox.world.webhooks.log.find(
      (d) => d.event_type === "call.dequeued" && JSON.stringify(d).includes('"timeout"'),
    );
    expect(dequeued).toBeTruthy();
    await until(
      async () => (await agent("agent1").callbacks.list({})).items.find((c) => c.callId === callId && c.recordingUrl),
      "the callback with its recording",
    );
    await expectVisibleToBothAgents(callId);
  });

  it("rings once and ends in one voicemail and one callback when every webhook is duplicated and reordered", async () => {
    await setAgents("AVAILABLE");
    await setQueue({ maxWaitSecs: 10 });
    await sandboxControl(env, "/chaos", { duplicate_rate: 1, reorder: true, delay_ms_max: 200 });
    try {
      const ringing = watchRinging();
      const { callId } = await placeInboundCall(env, VOICEMAIL_CALLER, OUR_NUMBER);
      const ended = await until(async () => {
        const row = await callRow(callId);
        return row.recordingPath && row.status === "NO_ANSWER" ? row : null;
      }, "the voicemail under delivery chaos");
      ringing.stop();
      expect(ended.inboundOutcome).toBe("VOICEMAIL");
      const types = env.sandbox.world.webhooks.log
        .filter((d) => JSON.stringify(d).includes(ended.callControlId!))
        .map((d) => d.event_type);
      expect(types.filter((t) => t === "call.enqueued").length).toBeGreaterThanOrEqual(2);
      expect(types).toContain("call.dequeued");
      expect(ringing.rung.filter((r) => r.callId === callId)).toHaveLength(1);
      expect(await env.db.prisma.callback.count({ where: { callId } })).toBe(1);
      expect(await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } })).toMatchObject({
        status: "VOICEMAIL",
      });
    } finally {
      await sandboxControl(env, "/chaos", { duplicate_rate: 0, reorder: false });
    }
  });

  it("a decline rings the next agent without ending the call; the next agent answers from the queue", async () => {
    await setAgents("AVAILABLE");
    await setQueue({ holdMessage: "Thanks for calling Acme, please hold." });
    await env.db.prisma.callQueue.update({
      where: { id: queueId },
      data: { lastOfferedUserId: env.demo.users.agent2.id },
    });
    const ringing = watchRinging();
    const cancelled: string[] = [];
    sockets.agent1.on("call:incoming-cancelled", (event: { callId: string }) => cancelled.push(event.callId));
    const { callId } = await placeInboundCall(env, "+14155550103", OUR_NUMBER);
    await until(async () => ringing.rung.length >= 1, "agent 1 to ring");
    expect(ringing.rung).toEqual([{ who: "agent1", callId }]);
    // The hold message is said first, then the caller is queued (the music must not cut it off).
    const ccid = (await callRow(callId)).callControlId!;
    const order = env.sandbox.world.webhooks.log
      .filter((d) => JSON.stringify(d).includes(ccid))
      .map((d) => d.event_type)
      .filter((t) => t === "call.speak.ended" || t === "call.enqueued");
    expect(order).toEqual(["call.speak.ended", "call.enqueued"]);

    await agent("agent1").calls.decline({ id: callId });
    await until(async () => ringing.rung.length >= 2, "agent 2 to ring after the decline");
    ringing.stop();
    expect(ringing.rung[1]).toEqual({ who: "agent2", callId });
    expect(cancelled).toContain(callId);
    expect((await callRow(callId)).status).toBe("RINGING");

    await agent("agent2").calls.answer({ id: callId });
    const bridged = await env.waitForCall(callId, (c) => c.status === "BRIDGED" && c);
    expect(bridged).toMatchObject({ userId: env.demo.users.agent2.id, inboundOutcome: "ANSWERED" });
    const entry = await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } });
    expect(entry).toMatchObject({ status: "ANSWERED", answeredByUserId: env.demo.users.agent2.id });
    expect(
      env.sandbox.world.webhooks.log.some(
        (d) => d.event_type === "call.dequeued" && JSON.stringify(d).includes('"leave"'),
      ),
    ).toBe(true);
    await sandboxControl(env, `/calls/${bridged.callControlId}/hangup`, {});
    await env.waitForCall(callId, (c) => c.status === "ENDED" && c);
  });
});

describe("a number routed to an agent", () => {
  it("rings that agent only; their decline sends the caller to voicemail", async () => {
    const supervisor = env.asDemoSupervisor();
    const number = (await supervisor.routing.numbers.list()).find((n) => n.phoneNumber === OUR_NUMBER)!;
    await supervisor.routing.numbers.setRoute({
      phoneNumberId: number.phoneNumberId,
      target: { kind: "agent", userId: env.demo.users.agent1.id },
    });
    try {
      await setAgents("AVAILABLE");
      const ringing = watchRinging();
      const { callId } = await placeInboundCall(env, VOICEMAIL_CALLER, OUR_NUMBER);
      await until(async () => ringing.rung.length >= 1, "agent 1 to ring");
      await agent("agent1").calls.decline({ id: callId });
      const ended = await until(async () => {
        const row = await callRow(callId);
        return row.recordingPath && row.status === "NO_ANSWER" ? row : null;
      }, "the voicemail after the agent declined");
      ringing.stop();
      expect(ringing.rung).toEqual([{ who: "agent1", callId }]);
      expect(ended).toMatchObject({ inboundOutcome: "VOICEMAIL", userId: null, queueId: null, answeredAt: null });
      expect(await env.db.prisma.callback.findUnique({ where: { callId } })).toMatchObject({ reason: "VOICEMAIL" });
    } finally {
      await supervisor.routing.numbers.setRoute({
        phoneNumberId: number.phoneNumberId,
        target: { kind: "queue", queueId },
      });
    }
  });
});

describe("ring strategy ALL", () => {
  it("rings every available member at once; the first to answer takes it and the others stop ringing", async () => {
    await env.db.prisma.callQueue.update({
      where: { id: queueId },
      data: { strategy: "ALL", ringTimeoutSecs: 60, maxWaitSecs: 600, holdMessage: null },
    });
    try {
      await setAgents("AVAILABLE");
      // Agent 2 answered a call earlier and may still be in wrap-up (30 s): back to Available now.
      await env.db.prisma.user.updateMany({
        where: { id: { in: [env.demo.users.agent1.id, env.demo.users.agent2.id] } },
        data: { agentStatus: "AVAILABLE", wrapUpUntil: null },
      });
      const ringing = watchRinging();
      const cancelled: string[] = [];
      const onCancelled = (event: { callId: string }) => {
        cancelled.push(event.callId);
      };
      sockets.agent2.on("call:incoming-cancelled", onCancelled);
      const { callId } = await placeInboundCall(env, "+14155550105", OUR_NUMBER);
      await until(async () => ringing.rung.length >= 2, "both agents to ring");
      expect(ringing.rung.map((r) => r.who).sort()).toEqual(["agent1", "agent2"]);
      await agent("agent1").calls.answer({ id: callId });
      await until(async () => cancelled.includes(callId), "agent 2 to stop ringing");
      await expect(agent("agent2").calls.answer({ id: callId })).rejects.toMatchObject({ code: "CONFLICT" });
      const bridged = await env.waitForCall(callId, (c) => c.status === "BRIDGED" && c);
      expect(bridged.userId).toBe(env.demo.users.agent1.id);
      ringing.stop();
      sockets.agent2.off("call:incoming-cancelled", onCancelled);
      await sandboxControl(env, `/calls/${bridged.callControlId}/hangup`, {});
      await env.waitForCall(callId, (c) => c.status === "ENDED" && c);
    } finally {
      await env.db.prisma.callQueue.update({ where: { id: queueId }, data: { strategy: "ROUND_ROBIN" } });
    }
  });
});
