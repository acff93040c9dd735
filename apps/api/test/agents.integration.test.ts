/**
 * agents.getStatus / setStatus / list / setWrapUp: the agent's own state as the server holds it, their choice,
 * time in state, audit; supervisors see everyone and set the organization's wrap-up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApi, type TestApi } from "./harness";

let api: TestApi;
beforeAll(async () => {
  api = await setupTestApi();
});
afterAll(() => api?.close());

describe("agent states", () => {
  it("an agent sets their own state; since moves only when the state changes; every change is audited", async () => {
    const first = await api.asDemoAgent().agents.setStatus({ status: "AVAILABLE" });
    expect(first.status).toBe("AVAILABLE");
    const again = await api.asDemoAgent().agents.setStatus({ status: "AVAILABLE" });
    expect(again.since).toEqual(first.since);
    const away = await api.asDemoAgent().agents.setStatus({ status: "AWAY" });
    expect(away.status).toBe("AWAY");
    expect(away.since.getTime()).toBeGreaterThanOrEqual(first.since.getTime());

    const agents = await api.asDemoSupervisor().agents.list();
    expect(agents.map((a) => a.name)).toEqual(["Alice Martin", "Emma Wilson", "Sophie Lefèvre", "Thomas Dubois"]);
    expect(agents.find((a) => a.userId === api.demo.users.agent1.id)).toMatchObject({
      status: "AWAY",
      currentCallId: null,
      since: away.since,
    });
    expect(agents.find((a) => a.userId === api.demo.users.agent2.id)?.status).toBe("OFFLINE");
    const audits = await api.db.prisma.auditLog.count({
      where: { action: "agent.set_status", userId: api.demo.users.agent1.id },
    });
    expect(audits).toBe(3);
  });

  it("getStatus answers the server's state, not a guess: a member who never connected is OFFLINE", async () => {
    const own = await api.as(api.demo.users.agent2, "AGENT").agents.getStatus();
    expect(own.status).toBe("OFFLINE");
    const listed = (await api.asDemoSupervisor().agents.list()).find((a) => a.userId === api.demo.users.agent2.id);
    expect(listed).toMatchObject({ status: own.status, since: own.since });
  });

  it("wrap-up seconds: supervisors set 0–600, shown on the wallboard, audited; agents are refused", async () => {
    expect((await api.asDemoSupervisor().wallboard.snapshot()).wrapUpSecs).toBe(30);
    expect(await api.asDemoSupervisor().agents.setWrapUp({ seconds: 0 })).toEqual({ wrapUpSecs: 0 });
    expect(await api.asDemoAdmin().agents.setWrapUp({ seconds: 45 })).toEqual({ wrapUpSecs: 45 });
    expect((await api.asDemoSupervisor().wallboard.snapshot()).wrapUpSecs).toBe(45);
    for (const seconds of [-1, 601, 1.5]) {
      await expect(api.asDemoSupervisor().agents.setWrapUp({ seconds })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(api.asDemoAgent().agents.setWrapUp({ seconds: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await api.db.prisma.auditLog.count({ where: { action: "agent.set_wrap_up" } })).toBe(2);
    const other = await api.db.prisma.organization.findUniqueOrThrow({ where: { id: api.other.organization.id } });
    expect(other.wrapUpSecs).toBe(30);
  });

  it("stays ON_CALL while the agent has a live call; agents cannot list the team; ON_CALL cannot be chosen", async () => {
    const agentId = api.demo.users.agent1.id;
    const call = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId: api.demo.organization.id,
        direction: "OUTBOUND",
        status: "BRIDGED",
        fromNumber: "+33757650100",
        toNumber: "+33612345678",
        userId: agentId,
      },
    });
    expect((await api.asDemoAgent().agents.setStatus({ status: "AVAILABLE" })).status).toBe("ON_CALL");
    expect((await api.asDemoSupervisor().agents.list()).find((a) => a.userId === agentId)?.currentCallId).toBe(call.id);
    await expect(api.asDemoAgent().agents.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.asDemoAgent().agents.setStatus({ status: "ON_CALL" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("any member reads the colleague directory: everyone else of their organization, presence, who can take a transfer", async () => {
    const { agent1, agent2, admin } = api.demo.users;
    await api.db.prisma.user.update({ where: { id: agent2.id }, data: { agentStatus: "AVAILABLE" } });
    await api.db.prisma.user.update({ where: { id: admin.id }, data: { agentStatus: "AWAY", agentDevice: null } });
    const colleagues = await api.asDemoAgent().agents.colleagues();
    expect(colleagues.map((c) => c.name)).toEqual(["Alice Martin", "Emma Wilson", "Sophie Lefèvre"]);
    expect(colleagues.find((c) => c.userId === agent1.id)).toBeUndefined();
    expect(colleagues.find((c) => c.userId === agent2.id)).toEqual({
      userId: agent2.id,
      name: "Emma Wilson",
      role: "AGENT",
      status: "AVAILABLE",
      canTakeTransfer: true,
      blocker: null,
    });
    expect(colleagues.find((c) => c.userId === admin.id)).toMatchObject({
      role: "ADMIN",
      status: "AWAY",
      canTakeTransfer: false,
      blocker: "NO_DEVICE",
    });
    expect(colleagues.find((c) => c.name === "Sophie Lefèvre")).toMatchObject({
      canTakeTransfer: false,
      blocker: "OFFLINE",
    });
    // Tenancy: another organization's members never appear, and its agent sees none of ours.
    const otherIds = Object.values(api.other.users).map((u) => u.id);
    expect(colleagues.filter((c) => otherIds.includes(c.userId))).toEqual([]);
    const theirs = await api.asOtherAgent().agents.colleagues();
    expect(theirs.length).toBeGreaterThan(0);
    const ourIds = Object.values(api.demo.users).map((u) => u.id);
    expect(theirs.filter((c) => ourIds.includes(c.userId) || c.userId === api.other.users.agent.id)).toEqual([]);
  });
});
