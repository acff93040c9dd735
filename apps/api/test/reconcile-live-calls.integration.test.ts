/**
 * Reconciliation's rules that need no Telnyx: a call older than Telnyx's maximum call length ends even
 * when Telnyx cannot be asked (through the call applier: row, agent state, live events, audit), a
 * younger one is left alone, a second pass changes nothing; presence is derived again from live calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildPresence } from "@app/telnyx-core/agents/rebuild-presence";
import {
  MAX_CALL_LENGTH_SECS,
  RECONCILED_HANGUP_CAUSE,
  reconcileLiveCalls,
} from "@app/telnyx-core/calls/reconcile-live-calls";
import type { Publisher } from "@app/telnyx-core/realtime/events";
import { setupTestApi, type TestApi } from "./harness";

let api: TestApi;
beforeAll(async () => {
  api = await setupTestApi();
});
afterAll(() => api?.close());

function recordingPublisher() {
  const events: Array<{ event: string; payload: { id?: string; userId?: string; status?: string } }> = [];
  const publisher: Publisher = {
    toOrganization: (_id, event, payload) => void events.push({ event, payload: payload as never }),
    toUser: () => undefined,
  };
  return { publisher, events };
}

describe("reconciling live calls without Telnyx", () => {
  it("ends a call older than Telnyx's maximum call length, frees its agent, and leaves a younger call live", async () => {
    const organizationId = api.demo.organization.id;
    const agentId = api.demo.users.agent1.id;
    const now = new Date();
    const answeredAt = new Date(now.getTime() - (MAX_CALL_LENGTH_SECS + 60) * 1000);
    const lastEventAt = new Date(answeredAt.getTime() + 90_000);
    const old = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId,
        direction: "OUTBOUND",
        status: "BRIDGED",
        fromNumber: "+33757650100",
        toNumber: "+33612340001",
        userId: agentId,
        callControlId: "v3:reconcile-old",
        startedAt: answeredAt,
        answeredAt,
        lastEventAt,
      },
    });
    // Its timeline as the webhooks wrote it (the row is derived from it): dialed, answered, 90 s later a cost note.
    const signal = (type: string, at: Date) => ({
      type,
      eventId: `seed-${type}`,
      eventType: `call.${type}`,
      at: at.toISOString(),
      leg: "customer",
    });
    await api.db.prisma.callEvent.createMany({
      data: [
        {
          callId: old.id,
          eventId: "seed-initiated",
          eventType: "call.initiated",
          occurredAt: answeredAt,
          payload: { ...signal("initiated", answeredAt), direction: "outgoing" },
        },
        {
          callId: old.id,
          eventId: "seed-answered",
          eventType: "call.answered",
          occurredAt: answeredAt,
          payload: signal("answered", answeredAt),
        },
        {
          callId: old.id,
          eventId: "seed-bridged",
          eventType: "call.bridged",
          occurredAt: lastEventAt,
          payload: signal("bridged", lastEventAt),
        },
      ],
    });
    const young = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId,
        direction: "OUTBOUND",
        status: "BRIDGED",
        fromNumber: "+33757650100",
        toNumber: "+33612340002",
        userId: api.demo.users.agent2.id,
        callControlId: "v3:reconcile-young",
        answeredAt: new Date(now.getTime() - 60_000),
        lastEventAt: new Date(now.getTime() - 60_000),
      },
    });
    expect((await api.asDemoAgent().agents.setStatus({ status: "AVAILABLE" })).status).toBe("ON_CALL");

    const { publisher, events } = recordingPublisher();
    const result = await reconcileLiveCalls({
      db: api.db,
      organizationId,
      gateway: null,
      publisher,
      trigger: "sync",
      now,
    });
    expect(result.ended.map((call) => [call.id, call.reason])).toEqual([[old.id, "max_length"]]);
    expect(result.unreachable).toBe(1);

    const ended = await api.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: old.id } });
    expect(ended).toMatchObject({
      status: "ENDED",
      hangupCause: RECONCILED_HANGUP_CAUSE,
      endedAt: lastEventAt,
      durationSecs: 90,
    });
    expect((await api.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: young.id } })).status).toBe("BRIDGED");
    expect(events).toEqual(
      expect.arrayContaining([
        { event: "call:updated", payload: expect.objectContaining({ id: old.id, status: "ENDED" }) },
        { event: "agent:updated", payload: expect.objectContaining({ userId: agentId, status: "AVAILABLE" }) },
      ]),
    );
    expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: agentId } })).agentStatus).toBe("AVAILABLE");
    expect(
      await api.db.prisma.auditLog.count({ where: { organizationId, action: "call.reconciled", targetId: old.id } }),
    ).toBe(1);

    // Another instance, or the next sync: nothing more happens.
    const again = recordingPublisher();
    const second = await reconcileLiveCalls({
      db: api.db,
      organizationId,
      gateway: null,
      publisher: again.publisher,
      trigger: "sync",
      now,
    });
    expect(second.ended).toEqual([]);
    expect(again.events).toEqual([]);
  });

  it("gives an agent left ON_CALL without a live call what they had chosen", async () => {
    const organizationId = api.demo.organization.id;
    const supervisorId = api.demo.users.supervisor.id;
    await api.db.prisma.user.update({
      where: { id: supervisorId },
      data: { agentStatus: "ON_CALL", agentPresence: "AWAY" },
    });
    const emits = await rebuildPresence(api.db, organizationId);
    expect(emits).toContainEqual(
      expect.objectContaining({
        event: "agent:updated",
        payload: expect.objectContaining({ userId: supervisorId, status: "AWAY" }),
      }),
    );
    expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: supervisorId } })).agentStatus).toBe("AWAY");
  });
});
