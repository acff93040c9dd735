/**
 * The routing and callbacks API (issue 15) through tRPC and REST: queues (agents read, supervisors write, a name
 * is unique, a queue a number routes to cannot be deleted), business hours, number routes, and the callback list
 * (assign to me, mark done).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceDueRings } from "@app/telnyx-core/routing/advance-rings";
import type { Publisher } from "@app/telnyx-core/realtime/events";
import { DEMO_ADMIN_TOKEN, setupTestApi, type TestServer } from "./harness";

let api: TestServer;

beforeAll(async () => {
  // The server's own ring ticker stays out of the way: the test drives advanceDueRings itself.
  api = await setupTestApi({ server: { ringTickMs: 3_600_000 } });
});
afterAll(async () => {
  await api?.close();
});

const queueInput = (memberUserIds: string[]) => ({
  name: "Support",
  strategy: "LONGEST_IDLE" as const,
  ringTimeoutSecs: 15,
  maxWaitSecs: 90,
  holdMessage: "Please hold.",
  announcePosition: false,
  memberUserIds,
});

describe("routing API", () => {
  it("lists the seeded Sales queue for agents, over tRPC and REST", async () => {
    const queues = await api.asDemoAgent().routing.queues.list();
    expect(queues.find((q) => q.name === "Sales")).toMatchObject({
      strategy: "ROUND_ROBIN",
      ringTimeoutSecs: 20,
      maxWaitSecs: 60,
      memberUserIds: [api.demo.users.agent1.id, api.demo.users.agent2.id],
      waiting: 0,
      longestWaitSecs: null,
      slaPercent: null,
    });
    const response = await fetch(`${api.url}/api/telnyx/queues`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Array<{ name: string }> };
    expect(body.data.map((q) => q.name)).toContain("Sales");
  });

  it("lets supervisors create, update and delete a queue; agents may not; names are unique", async () => {
    const supervisor = api.asDemoSupervisor();
    const { agent1, agent2 } = api.demo.users;
    await expect(api.asDemoAgent().routing.queues.create(queueInput([agent1.id]))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await supervisor.routing.queues.create({
      ...queueInput([agent1.id]),
      idempotencyKey: "queue-create-1",
    } as never);
    const again = await supervisor.routing.queues.create({
      ...queueInput([agent1.id]),
      idempotencyKey: "queue-create-1",
    } as never);
    expect(again.id).toBe(created.id);
    await expect(supervisor.routing.queues.create(queueInput([]))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      supervisor.routing.queues.create({ ...queueInput([api.other.users.agent.id]), name: "Other" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    const updated = await supervisor.routing.queues.update({
      ...queueInput([agent2.id, agent1.id]),
      id: created.id,
      strategy: "ALL",
    });
    expect(updated).toMatchObject({ strategy: "ALL", memberUserIds: [agent2.id, agent1.id] });

    await api.db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId: api.demo.organization.id,
        phoneNumber: "+13125550111",
        countryCode: "US",
        status: "ACTIVE",
        features: ["voice"],
      },
    });
    const [number] = await supervisor.routing.numbers.list();
    await supervisor.routing.numbers.setRoute({
      phoneNumberId: number!.phoneNumberId,
      target: { kind: "queue", queueId: created.id },
    });
    await expect(supervisor.routing.queues.delete({ id: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const route = await supervisor.routing.numbers.setRoute({ phoneNumberId: number!.phoneNumberId, target: null });
    expect(route.target).toBeNull();
    await supervisor.routing.queues.delete({ id: created.id });
    expect((await supervisor.routing.queues.list()).map((q) => q.id)).not.toContain(created.id);
  });

  it("stores business hours and refuses an unknown time zone", async () => {
    const supervisor = api.asDemoSupervisor();
    expect(await supervisor.routing.hours.get()).toMatchObject({ enabled: false });
    const hours = {
      timeZone: "Europe/Paris",
      weekly: [{ day: 1, open: "09:00", close: "18:00" }],
      holidays: [{ date: "2026-12-25", name: "Noël" }],
      enabled: true,
    };
    expect(await supervisor.routing.hours.set(hours)).toEqual(hours);
    expect(await api.asDemoAgent().routing.hours.get()).toEqual(hours);
    await expect(supervisor.routing.hours.set({ ...hours, timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await supervisor.routing.hours.set({ ...hours, enabled: false });
  });

  it("lists callbacks for the team; assign to me and mark done move them", async () => {
    const organizationId = api.demo.organization.id;
    const call = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId,
        direction: "INBOUND",
        status: "ENDED",
        fromNumber: "+14155550999",
        toNumber: "+13125550100",
      },
    });
    const callback = await api.db.prisma.callback.create({
      data: { organizationId, callId: call.id, reason: "VOICEMAIL" },
    });
    const agent = api.asDemoAgent();
    const open = await agent.callbacks.list({});
    expect(open.items.map((c) => c.id)).toContain(callback.id);
    const mine = await agent.callbacks.assignToMe({ id: callback.id });
    expect(mine).toMatchObject({ assigneeUserId: api.demo.users.agent1.id, assigneeName: api.demo.users.agent1.name });
    expect((await agent.callbacks.list({ mine: true })).items.map((c) => c.id)).toEqual([callback.id]);
    const done = await agent.callbacks.markDone({ id: callback.id });
    expect(done.doneAt).toBeInstanceOf(Date);
    expect((await agent.callbacks.list({})).items.map((c) => c.id)).not.toContain(callback.id);
    expect((await agent.callbacks.list({ status: "DONE" })).items.map((c) => c.id)).toContain(callback.id);
    await expect(api.asOtherAgent().callbacks.markDone({ id: callback.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("the ring ticker rings the next member of a due entry, and closes the entry of a call that already ended", async () => {
    const organizationId = api.demo.organization.id;
    const queue = await api.db.prisma.callQueue.findFirstOrThrow({ where: { organizationId, name: "Sales" } });
    await api.db.prisma.user.updateMany({
      where: { id: { in: [api.demo.users.agent1.id, api.demo.users.agent2.id] } },
      data: { agentStatus: "AVAILABLE" },
    });
    await api.db.prisma.callQueue.update({
      where: { id: queue.id },
      data: { lastOfferedUserId: api.demo.users.agent1.id },
    });
    const past = new Date(Date.now() - 1000);
    const entryFor = async (status: "RINGING" | "ENDED") => {
      const call = await api.db.prisma.telnyxCall.create({
        data: {
          organizationId,
          direction: "INBOUND",
          status,
          fromNumber: "+14155550888",
          toNumber: "+13125550100",
          queueId: queue.id,
        },
      });
      return api.db.prisma.queueEntry.create({
        data: {
          organizationId,
          queueId: queue.id,
          callId: call.id,
          enqueuedAt: past,
          ringDueAt: past,
          ringingUserIds: [api.demo.users.agent1.id],
          triedUserIds: [api.demo.users.agent1.id],
        },
      });
    };
    const waiting = await entryFor("RINGING");
    const stale = await entryFor("ENDED");
    const sent: Array<{ userId: string; event: string }> = [];
    const publisher: Publisher = {
      toOrganization() {},
      toUser: (userId, event) => {
        sent.push({ userId, event });
      },
    };
    expect(await advanceDueRings({ db: api.db, publisher })).toBe(2);
    expect(await api.db.prisma.queueEntry.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "WAITING",
      ringingUserIds: [api.demo.users.agent2.id],
    });
    expect(await api.db.prisma.queueEntry.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
      status: "MISSED",
      ringingUserIds: [],
    });
    expect(sent).toContainEqual({ userId: api.demo.users.agent2.id, event: "call:incoming" });
    expect(sent.filter((s) => s.event === "call:incoming-cancelled").map((s) => s.userId)).toEqual([
      api.demo.users.agent1.id,
      api.demo.users.agent1.id,
    ]);
    // Not due any more: nothing moves.
    expect(await advanceDueRings({ db: api.db, publisher })).toBe(0);
  });
});
