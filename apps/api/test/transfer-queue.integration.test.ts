/**
 * Blind transfer to a queue (issue 15): the agent's leg leaves, the customer is held in the queue by the inbound
 * path (enqueue, max wait → voicemail), the queue's members ring, and the one who answers continues the call —
 * for outbound calls as well as inbound ones. Another organization's queue is not found.
 */
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCallDto, TIncomingCallEvent } from "@app/telnyx-core/realtime/events";
import { type SandboxTestServer, setupTestApi } from "./harness";
import { until } from "./support/inbound-calls";

let env: SandboxTestServer;
let sockets: { agent1: Socket; agent2: Socket };
let supportId: string;

/** Sandbox magic caller: talks 4 s after the beep, then hangs up. */
const VOICEMAIL_CALLER = "+14155550770";

beforeAll(async () => {
  env = await setupTestApi({ server: { ringTickMs: 100 }, sandbox: { timeScale: 0.2, seed: 11 }, routing: true });
  sockets = {
    agent1: await env.openSocket(await env.tokenFor(env.demo.users.agent1, "AGENT")),
    agent2: await env.openSocket(await env.tokenFor(env.demo.users.agent2, "AGENT")),
  };
  const support = await env.db.prisma.callQueue.create({
    data: {
      organizationId: env.demo.organization.id,
      name: "Support",
      strategy: "ALL",
      ringTimeoutSecs: 60,
      maxWaitSecs: 600,
      // Agent 1 too: the agent who transfers a call is not offered it back.
      members: {
        create: [
          { userId: env.demo.users.agent1.id, position: 0 },
          { userId: env.demo.users.agent2.id, position: 1 },
        ],
      },
    },
  });
  supportId = support.id;
});
afterAll(async () => {
  await env?.close();
});

const agent = (key: "agent1" | "agent2") => env.as(env.demo.users[key], "AGENT");

async function setStatus(key: "agent1" | "agent2", agentStatus: "AVAILABLE" | "AWAY") {
  await env.db.prisma.user.update({ where: { id: env.demo.users[key].id }, data: { agentStatus, wrapUpUntil: null } });
}

const callRow = (id: string) => env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id } });

function watch<T>(socket: Socket, event: string): { seen: T[]; stop: () => void } {
  const seen: T[] = [];
  const handler = (payload: T) => {
    seen.push(payload);
  };
  socket.on(event, handler);
  return { seen, stop: () => socket.off(event, handler) };
}

describe("blind transfer to a queue", () => {
  it("an answered outbound call: agent 1 leaves, the queue's member rings, answers, and the call continues with them", async () => {
    await setStatus("agent1", "AVAILABLE");
    await setStatus("agent2", "AVAILABLE");
    const rung = watch<TIncomingCallEvent>(sockets.agent2, "call:incoming");
    const rungBack = watch<TIncomingCallEvent>(sockets.agent1, "call:incoming");
    const panel = watch<TCallDto>(sockets.agent1, "call:updated");
    const call = await agent("agent1").calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);

    const answer = await agent("agent1").calls.transfer({ id: call.id, toQueueId: supportId });
    expect(answer).toMatchObject({ transferredTo: "Support", transferredFromUserId: env.demo.users.agent1.id });
    // The first agent's panel is told at once; their leg is hung up.
    await until(
      async () => panel.seen.some((c) => c.id === call.id && c.transferredTo === "Support"),
      "agent 1's panel",
    );
    await env.waitForCall(call.id, () => env.sandbox.world.calls.legs.get(live.agentCallControlId!)?.state === "ended");
    expect((await agent("agent1").agents.getStatus()).status).not.toBe("ON_CALL");

    await until(async () => rung.seen.some((e) => e.call.id === call.id), "the Support member to ring");
    rung.stop();
    panel.stop();
    rungBack.stop();
    expect(rungBack.seen.filter((e) => e.call.id === call.id)).toEqual([]);
    expect((await callRow(call.id)).status).toBe("BRIDGED");
    await agent("agent2").calls.answer({ id: call.id });
    const taken = await env.waitForCall(
      call.id,
      (c) => c.userId === env.demo.users.agent2.id && c.agentCallControlId !== live.agentCallControlId && c,
    );
    const entry = await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId: call.id } });
    expect(entry).toMatchObject({ status: "ANSWERED", queueId: supportId, answeredByUserId: env.demo.users.agent2.id });
    // Agent 2's leg and the customer share the new conference.
    await until(async () => {
      const row = await callRow(call.id);
      const conference = row.conferenceId ? env.sandbox.world.conferences.conferences.get(row.conferenceId) : null;
      const joined = [...(conference?.participants.values() ?? [])].filter((p) => p.status === "joined");
      return (
        joined
          .map((p) => p.ccid)
          .sort()
          .join() === [live.callControlId, taken.agentCallControlId].sort().join()
      );
    }, "agent 2 and the customer in one conference");
    await env.server.webhooks.drain();
    expect((await agent("agent2").calls.get({ id: call.id })).status).toBe("BRIDGED");

    // Agent 2 hangs up: the call ends (the customer is hung up too).
    await fetch(`${env.sandbox.origin}/sandbox/calls/${taken.agentCallControlId}/hangup`, { method: "POST" });
    await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    await until(
      async () => env.sandbox.world.calls.legs.get(live.callControlId!)?.state === "ended",
      "the customer hung up",
    );
  });

  it("an inbound call nobody in the queue answers: voicemail after the max wait, and a callback", async () => {
    await setStatus("agent1", "AVAILABLE");
    await setStatus("agent2", "AWAY");
    await env.db.prisma.callQueue.update({ where: { id: supportId }, data: { maxWaitSecs: 10 } });
    const sales = await env.db.prisma.callQueue.findFirstOrThrow({
      where: { organizationId: env.demo.organization.id, name: "Sales" },
    });
    await env.db.prisma.callQueue.update({
      where: { id: sales.id },
      data: { lastOfferedUserId: env.demo.users.agent2.id, ringTimeoutSecs: 60, maxWaitSecs: 600, holdMessage: null },
    });
    const rung = watch<TIncomingCallEvent>(sockets.agent1, "call:incoming");
    const response = await fetch(`${env.sandbox.origin}/sandbox/inbound-call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: VOICEMAIL_CALLER, to: "+13125550100" }),
    });
    const ccid = ((await response.json()) as { data: { call_control_id: string } }).data.call_control_id;
    const event = await until(async () => rung.seen[0], "agent 1 to ring");
    rung.stop();
    const callId = event.call.id;
    await agent("agent1").calls.answer({ id: callId });
    await env.waitForCall(callId, (c) => c.status === "BRIDGED" && c);

    await agent("agent1").calls.transfer({ id: callId, toQueueId: supportId });
    const ended = await until(async () => {
      const row = await callRow(callId);
      return row.recordingPath && row.status === "ENDED" ? row : null;
    }, "the voicemail after the Support queue's max wait");
    expect(ended).toMatchObject({ inboundOutcome: "VOICEMAIL", queueId: supportId, callControlId: ccid });
    expect(await env.db.prisma.queueEntry.findUniqueOrThrow({ where: { callId } })).toMatchObject({
      status: "VOICEMAIL",
      queueId: supportId,
    });
    const callback = await until(
      async () => (await agent("agent2").callbacks.list({})).items.find((c) => c.callId === callId && c.recordingUrl),
      "the callback with its recording",
    );
    expect(callback).toMatchObject({ reason: "VOICEMAIL", queueName: "Support", fromNumber: VOICEMAIL_CALLER });
  });

  it("refuses another organization's queue (not found) and a transfer naming two targets", async () => {
    await setStatus("agent1", "AVAILABLE");
    const other = await env.db.prisma.organization.create({ data: { name: "Other", slug: "other-tq" } });
    const foreign = await env.db.prisma.callQueue.create({ data: { organizationId: other.id, name: "Theirs" } });
    const call = await agent("agent1").calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    await expect(agent("agent1").calls.transfer({ id: call.id, toQueueId: foreign.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      agent("agent1").calls.transfer({ id: call.id, toQueueId: supportId, to: "+13125550123" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await env.db.prisma.queueEntry.count({ where: { callId: call.id } })).toBe(0);
    expect((await callRow(call.id)).userId).toBe(env.demo.users.agent1.id);
    await fetch(`${env.sandbox.origin}/sandbox/calls/${live.callControlId}/hangup`, { method: "POST" });
    await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
  });
});
