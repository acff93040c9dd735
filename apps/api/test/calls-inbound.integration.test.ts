/**
 * Incoming calls (matched to a lead, rung live to its owner or to every agent, answered into a
 * conference) and the order tolerance of the call state machine through the real webhook endpoint:
 * hand-signed late and duplicate events, and the sandbox's delivery chaos.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCallDto, TIncomingCallEvent } from "@app/telnyx-core/realtime/events";
import { signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
let agent1Socket: Socket;
let agent2Socket: Socket;

beforeAll(async () => {
  // 0.2: an unanswered inbound caller gives up after 6 s of real time (30 simulated), room enough on a busy machine.
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0.2, seed: 42 } });
  agent1Socket = await env.openSocket(await env.tokenFor(env.demo.users.agent1, "AGENT"));
  agent2Socket = await env.openSocket(await env.tokenFor(env.demo.users.agent2, "AGENT"));
});
afterAll(async () => {
  await env?.close();
});

const OUR_NUMBER = "+13125550100";

function nextIncoming(socket: Socket): Promise<TIncomingCallEvent> {
  return new Promise((resolve) => socket.once("call:incoming", resolve));
}

async function sandboxControl(path: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${env.sandbox.origin}/sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return ((await response.json()) as { data: Record<string, string> }).data;
}

describe("inbound calls", () => {
  it("matches the caller to a lead and rings its available owner, who answers into a conference", async () => {
    const lead = env.demo.leads.find((l) => l.ownerId === env.demo.users.agent2.id)!;
    await env.db.prisma.user.update({
      where: { id: env.demo.users.agent2.id },
      data: { agentStatus: "AVAILABLE" },
    });
    let agent1Rung = false;
    agent1Socket.once("call:incoming", () => (agent1Rung = true));
    const incoming = nextIncoming(agent2Socket);
    const leg = await sandboxControl("/inbound-call", { from: lead.phoneNumber, to: OUR_NUMBER });

    const { call } = await incoming;
    expect(call).toMatchObject({
      direction: "INBOUND",
      status: "RINGING",
      leadId: lead.id,
      leadName: `${lead.firstName} ${lead.lastName}`,
      userId: env.demo.users.agent2.id,
      fromNumber: lead.phoneNumber,
      toNumber: OUR_NUMBER,
    });
    const agent2 = env.as(env.demo.users.agent2, "AGENT");
    await expect(env.as(env.demo.users.agent1, "AGENT").calls.answer({ id: call.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await agent2.calls.answer({ id: call.id });
    const bridged = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    expect(bridged.agentCallControlId).toBeTruthy();
    expect(env.sandbox.world.calls.legs.get(bridged.agentCallControlId!)?.to).toBe("+15550001002");

    await sandboxControl(`/calls/${leg.call_control_id}/hangup`, {});
    const ended = await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    expect(ended.hangupSource).toBe("caller");
    await env.waitForCall(
      call.id,
      () => env.sandbox.world.calls.legs.get(bridged.agentCallControlId!)?.state === "ended",
    );
    expect(agent1Rung).toBe(false);
  });

  it("rings every available agent when nobody owns the caller; a decline skips that agent only", async () => {
    // Agent 2 is in wrap-up after the first test's call: back to Available by their own choice.
    await env.as(env.demo.users.agent2, "AGENT").agents.setStatus({ status: "AVAILABLE" });
    const [rung1, rung2] = [nextIncoming(agent1Socket), nextIncoming(agent2Socket)];
    await sandboxControl("/inbound-call", { from: "+14155550177", to: OUR_NUMBER });
    const [{ call }, second] = await Promise.all([rung1, rung2]);
    expect(second.call.id).toBe(call.id);
    expect(call).toMatchObject({ leadId: null, userId: null, status: "RINGING" });

    const cancelled = new Promise<{ callId: string }>((resolve) =>
      agent1Socket.once("call:incoming-cancelled", resolve),
    );
    const declined = await env.as(env.demo.users.agent1, "AGENT").calls.decline({ id: call.id });
    expect(declined).toMatchObject({ id: call.id, status: "RINGING" });
    expect((await cancelled).callId).toBe(call.id);
    // The call is not ended for the others: the caller still rings, then gives up.
    const row = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: call.id } });
    expect(row.status).toBe("RINGING");
    await sandboxControl(`/calls/${row.callControlId}/hangup`, {});
    await env.waitForCall(call.id, (c) => c.status === "CANCELED" && c);
  });

  it("does not ring an agent the server holds as Away, Offline, On a call or in wrap-up", async () => {
    const agent2 = env.as(env.demo.users.agent2, "AGENT");
    await env.as(env.demo.users.agent1, "AGENT").agents.setStatus({ status: "AVAILABLE" });
    for (const status of ["AWAY", "OFFLINE", "ON_CALL", "WRAP_UP"] as const) {
      if (status === "AWAY") await agent2.agents.setStatus({ status: "AWAY" });
      else await env.db.prisma.user.update({ where: { id: env.demo.users.agent2.id }, data: { agentStatus: status } });
      let agent2Rung = false;
      const onIncoming = () => (agent2Rung = true);
      agent2Socket.on("call:incoming", onIncoming);
      const incoming = nextIncoming(agent1Socket);
      const leg = await sandboxControl("/inbound-call", { from: "+14155550178", to: OUR_NUMBER });
      const { call } = await incoming;
      await sandboxControl(`/calls/${leg.call_control_id}/hangup`, {});
      await env.waitForCall(call.id, (c) => c.status !== "RINGING" && c);
      agent2Socket.off("call:incoming", onIncoming);
      expect(agent2Rung, status).toBe(false);
    }
  });
});

describe("order tolerance through the webhook endpoint", () => {
  const t0 = Date.parse("2025-06-02T09:00:00.000Z");
  const at = (secs: number) => new Date(t0 + secs * 1000).toISOString();
  const common = {
    call_control_id: "v3:fixture-customer",
    call_leg_id: "leg-fixture",
    call_session_id: "session-fixture",
    client_state: null,
    connection_id: "1234",
    from: OUR_NUMBER,
    to: "+13125550042",
  };
  const body = (id: string, eventType: string, occurredAt: string, payload: Record<string, unknown>) =>
    JSON.stringify({
      data: {
        record_type: "event",
        event_type: eventType,
        id,
        occurred_at: occurredAt,
        payload: { ...common, ...payload },
      },
      meta: { attempt: 1 },
    });
  const post = async (raw: string) => {
    const response = await fetch(`${env.url}/api/telnyx/webhooks/o/${env.demo.organization.webhookToken}/calls`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signWebhook(raw, env.keyPair.privateKey) },
      body: raw,
    });
    await env.server.webhooks.drain();
    return (await response.json()) as { status: string };
  };

  it("never reopens a call for a late call.answered, and ignores a duplicate hangup", async () => {
    const call = await env.db.prisma.telnyxCall.create({
      data: {
        organizationId: env.demo.organization.id,
        direction: "OUTBOUND",
        fromNumber: OUR_NUMBER,
        toNumber: "+13125550042",
        userId: env.demo.users.agent1.id,
        callControlId: "v3:fixture-customer",
      },
    });
    const hangup = body(randomUUID(), "call.hangup", at(45), {
      hangup_cause: "normal_clearing",
      hangup_source: "callee",
      sip_hangup_cause: "200",
      end_time: at(45),
      call_quality_stats: { inbound: { mos: "4.31" } },
    });
    expect(
      await post(body(randomUUID(), "call.initiated", at(0), { direction: "outgoing", state: "bridging" })),
    ).toEqual({ status: "accepted" });
    expect(await post(hangup)).toEqual({ status: "accepted" });
    expect((await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: call.id } })).status).toBe("FAILED");

    expect(await post(body(randomUUID(), "call.answered", at(3), { state: "answered" }))).toEqual({
      status: "accepted",
    });
    expect(await post(hangup)).toEqual({ status: "duplicate" });
    expect(
      await post(
        body(randomUUID(), "call.cost", at(46), { total_cost: "0.0042", billed_duration_secs: 42, cost_parts: [] }),
      ),
    ).toEqual({ status: "accepted" });

    const ended = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: call.id } });
    expect(ended).toMatchObject({
      status: "ENDED",
      durationSecs: 42,
      billedSecs: 42,
      costSource: "telnyx",
      hangupSource: "callee",
    });
    expect(ended.answeredAt?.toISOString()).toBe(at(3));
    expect(ended.endedAt?.toISOString()).toBe(at(45));
    expect(ended.cost?.toString()).toBe("0.0042");
    expect(ended.mos?.toString()).toBe("4.31");
    expect(await env.db.prisma.callEvent.count({ where: { callId: call.id } })).toBe(4);
  });

  it("prices a call from the rate table when Telnyx sends no call.cost", async () => {
    const call = await env.db.prisma.telnyxCall.create({
      data: {
        organizationId: env.demo.organization.id,
        direction: "OUTBOUND",
        fromNumber: OUR_NUMBER,
        toNumber: "+33612345670",
        callControlId: "v3:fixture-fr",
      },
    });
    const fr = { ...common, call_control_id: "v3:fixture-fr", to: "+33612345670" };
    const post2 = (id: string, type: string, when: string, payload: Record<string, unknown>) =>
      post(
        JSON.stringify({
          data: { record_type: "event", event_type: type, id, occurred_at: when, payload: { ...fr, ...payload } },
        }),
      );
    await post2(randomUUID(), "call.hangup", at(70), {
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
      end_time: at(70),
    });
    await post2(randomUUID(), "call.answered", at(5), {});
    const priced = await env.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: call.id } });
    // 65 s → 2 started minutes × the seeded FR rate (0.0050/min).
    expect(priced).toMatchObject({ status: "ENDED", durationSecs: 65, billedSecs: 120, costSource: "rate_table" });
    expect(priced.cost?.toString()).toBe("0.01");
  });

  it("ends in the right state when the sandbox duplicates and reorders every webhook", async () => {
    await sandboxControl("/chaos", { duplicate_rate: 1, reorder: true });
    try {
      const updates: TCallDto[] = [];
      agent1Socket.on("call:updated", (dto: TCallDto) => updates.push(dto));
      const call = await env.as(env.demo.users.agent1, "AGENT").calls.create({ to: "+13125550012" });
      const ended = await env.waitForCall(
        call.id,
        (c) => c.status === "ENDED" && c.costSource === "telnyx" && c,
        30_000,
      );
      expect(ended.durationSecs).toBeGreaterThanOrEqual(11);
      expect(ended.durationSecs).toBeLessThanOrEqual(13);
      type Delivery = { event_id: string; event_type: string; duplicate: boolean; stream: string; status: string };
      const legs = new Set([ended.callControlId, ended.agentCallControlId]);
      const deliveriesOfCall = async () =>
        ((await (await fetch(`${env.sandbox.origin}/sandbox/webhooks`)).json()) as { data: Delivery[] }).data.filter(
          (d) => legs.has(d.stream),
        );
      // Both legs' call.cost (the last events) delivered, every delivery settled, the inbox drained.
      const ours = await env.waitForCall(call.id, async () => {
        const all = await deliveriesOfCall();
        const isSettled =
          all.filter((d) => d.event_type === "call.cost").length >= 2 && all.every((d) => d.status !== "pending");
        return isSettled ? all : false;
      });
      await env.server.webhooks.drain();
      expect(ours.some((d) => d.duplicate)).toBe(true);
      const rows = await env.db.prisma.callEvent.findMany({
        where: { callId: call.id, eventId: { not: { startsWith: "cmd_" } } },
        select: { eventId: true },
      });
      expect(rows.length).toBe(new Set(ours.map((d) => d.event_id)).size);
      const seen = updates.filter((u) => u.id === call.id).map((u) => u.status);
      expect(seen.at(-1)).toBe("ENDED");
    } finally {
      await sandboxControl("/chaos", { duplicate_rate: 0, reorder: false });
    }
  });
});
