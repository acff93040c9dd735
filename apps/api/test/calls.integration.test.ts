/**
 * Outbound click-to-call end to end: procedures → real gateway → Telnyx sandbox → signed webhooks
 * → our HTTP endpoint → inbox → call state machine → live events; recordings downloaded and served.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
let agent1Token: string;

beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0.05, seed: 42 } });
  agent1Token = await env.tokenFor(env.demo.users.agent1, "AGENT");
});
afterAll(async () => {
  await env?.close();
});

const agent1 = () => env.as(env.demo.users.agent1, "AGENT");
const terminal = ["ENDED", "BUSY", "NO_ANSWER", "CANCELED", "FAILED"];

async function leadWith(phoneNumber: string): Promise<string> {
  const lead = await agent1().leads.create({
    firstName: "Test",
    lastName: `Lead ${phoneNumber.slice(-4)}`,
    phoneNumber,
    ownerId: env.demo.users.agent1.id,
  });
  return lead.id;
}

describe("outbound calls through the sandbox", () => {
  it("rings the agent, then the customer; answers, bridges, ends with duration, cost and a recording served with Range", async () => {
    const socket = await env.openSocket(agent1Token);
    const updates: TCallDto[] = [];
    socket.on("call:updated", (call: TCallDto) => updates.push(call));
    const leadId = await leadWith("+13125550060");

    const created = await agent1().calls.create({ to: "+13125550060", leadId, record: true });
    expect(created).toMatchObject({
      direction: "OUTBOUND",
      status: "INITIATED",
      leadId,
      leadName: "Test Lead 0060",
      agentName: "Thomas Dubois",
      fromNumber: "+13125550100",
    });

    const ended = await env.waitForCall(
      created.id,
      (c) => c.status === "ENDED" && c.cost !== null && c.recordingPath !== null && c,
    );
    // The sandbox's far end talks 60 simulated seconds (3 s of real time at timeScale 0.05).
    expect(ended.durationSecs).toBeGreaterThanOrEqual(59);
    expect(ended.durationSecs).toBeLessThanOrEqual(61);
    expect(ended).toMatchObject({
      hangupCause: "normal_clearing",
      hangupSource: "callee",
      costSource: "telnyx",
      costCurrency: "USD",
      isRecording: false,
    });
    expect(Number(ended.cost!.toString())).toBeGreaterThan(0);
    expect(ended.billedSecs).toBeGreaterThanOrEqual(59);
    expect(ended.conferenceId).toBeTruthy();

    // Changes were pushed live, in order, up to the end. A state already superseded when its events are applied
    // (a loaded CI machine delivered the bridge and the hangup together) may be skipped, never shown out of order.
    const order = ["RINGING", "ANSWERED", "BRIDGED", "ENDED"];
    const statuses = updates.filter((u) => u.id === created.id).map((u) => u.status);
    const distinct = statuses.filter((s, i) => s !== statuses[i - 1] && s !== "INITIATED");
    expect(distinct.at(-1)).toBe("ENDED");
    expect(distinct.map((s) => order.indexOf(s))).toEqual(
      [...distinct.map((s) => order.indexOf(s))].sort((a, b) => a - b),
    );
    expect(distinct.length).toBeGreaterThanOrEqual(2);

    const detail = await agent1().calls.get({ id: created.id });
    expect(detail.recordingUrl).toBe(`/api/recordings/${created.id}`);
    expect(detail.hasRecording).toBe(true);
    const summaries = detail.timeline.map((t) => t.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        "Agent: dialing",
        "Agent: answered",
        "Conference created",
        "Customer: answered",
        "Customer: joined the conference",
      ]),
    );
    expect(summaries.some((s) => s.startsWith("Customer: hung up (normal_clearing"))).toBe(true);
    // The same entries as codes and values, which the web phrases in the user's language.
    expect(detail.timeline.map((t) => t.detail)).toEqual(
      expect.arrayContaining([
        { code: "dialing", leg: "agent", params: {} },
        { code: "joined", leg: "customer", params: {} },
        {
          code: "hungUpSip",
          leg: "customer",
          params: expect.objectContaining({ cause: "normal_clearing", source: "callee" }),
        },
      ]),
    );

    const ranged = await fetch(`${env.url}${detail.recordingUrl}`, {
      headers: { authorization: `Bearer ${agent1Token}`, range: "bytes=0-99" },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-type")).toBe("audio/mpeg");
    expect(ranged.headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const whole = await fetch(`${env.url}${detail.recordingUrl}`, {
      headers: { authorization: `Bearer ${agent1Token}` },
    });
    expect(whole.status).toBe(200);
    expect(Number(whole.headers.get("content-length"))).toBeGreaterThan(100);
    expect((await fetch(`${env.url}${detail.recordingUrl}`)).status).toBe(401);
    const otherToken = await env.tokenFor(env.other.users.admin, "ADMIN", env.other.organization.id);
    expect(
      (await fetch(`${env.url}${detail.recordingUrl}`, { headers: { authorization: `Bearer ${otherToken}` } })).status,
    ).toBe(404);
  });

  it("marks a busy customer BUSY and hangs up the agent's leg", async () => {
    const call = await agent1().calls.create({ to: "+13125550486" });
    const busy = await env.waitForCall(call.id, (c) => c.status === "BUSY" && c);
    expect(busy).toMatchObject({ hangupCause: "user_busy", sipHangupCause: "486", durationSecs: 0, answeredAt: null });
    const agentLeg = env.sandbox.world.calls.legs.get(busy.agentCallControlId!);
    await env.waitForCall(call.id, () => agentLeg?.state === "ended");
  });

  it("marks an unanswered customer NO_ANSWER after the dial timeout", async () => {
    const call = await agent1().calls.create({ to: "+13125550408" });
    const missed = await env.waitForCall(call.id, (c) => terminal.includes(c.status) && c);
    expect(missed).toMatchObject({ status: "NO_ANSWER", hangupCause: "timeout", answeredAt: null });
  });

  it("mutes the agent and holds the customer on the conference, then hangs up", async () => {
    const call = await agent1().calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    const conference = env.sandbox.world.conferences.require(live.conferenceId!);
    const participant = (ccid: string | null) => conference.participants.get(ccid!)!;

    expect((await agent1().calls.mute({ id: call.id })).isMuted).toBe(true);
    expect(participant(live.agentCallControlId).muted).toBe(true);
    expect(participant(live.callControlId).muted).toBe(false);
    expect((await agent1().calls.unmute({ id: call.id })).isMuted).toBe(false);
    expect(participant(live.agentCallControlId).muted).toBe(false);

    // Another agent cannot touch the call; a supervisor can.
    await expect(env.as(env.demo.users.agent2, "AGENT").calls.hold({ id: call.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await env.as(env.demo.users.supervisor, "SUPERVISOR").calls.hold({ id: call.id })).isOnHold).toBe(true);
    expect(participant(live.callControlId).onHold).toBe(true);
    expect((await agent1().calls.unhold({ id: call.id })).isOnHold).toBe(false);
    expect(participant(live.callControlId).onHold).toBe(false);

    const active = await agent1().calls.active();
    expect(active.map((c) => c.id)).toContain(call.id);

    await agent1().calls.hangup({ id: call.id });
    const ended = await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    expect(ended).toMatchObject({ hangupSource: "caller", isMuted: false, isOnHold: false });
    await expect(agent1().calls.mute({ id: call.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const actions = await env.db.prisma.auditLog.findMany({
      where: { targetId: call.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, userId: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "call.create",
      "call.mute",
      "call.unmute",
      "call.hold",
      "call.unhold",
      "call.hangup",
    ]);
    expect(actions[3]!.userId).toBe(env.demo.users.supervisor.id);
    expect((await agent1().calls.active()).map((c) => c.id)).not.toContain(call.id);
  });

  it("transfers to another agent (who takes over once they answer), then to a number, and ends with the customer", async () => {
    const call = await agent1().calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    // An offline colleague cannot take a transfer (the colleague directory shows them disabled).
    await expect(agent1().calls.transfer({ id: call.id, toUserId: env.demo.users.agent2.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("offline"),
    });
    await env.db.prisma.user.update({ where: { id: env.demo.users.agent2.id }, data: { agentStatus: "AVAILABLE" } });
    await agent1().calls.transfer({ id: call.id, toUserId: env.demo.users.agent2.id });
    const takenOver = await env.waitForCall(call.id, (c) => c.userId === env.demo.users.agent2.id && c);
    expect(takenOver.agentCallControlId).not.toBe(live.agentCallControlId);
    await env.waitForCall(call.id, () => env.sandbox.world.calls.legs.get(live.agentCallControlId!)?.state === "ended");
    await expect(agent1().calls.get({ id: call.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const agent2 = env.as(env.demo.users.agent2, "AGENT");
    await agent2.calls.transfer({ id: call.id, to: "+13125550000" });
    await env.waitForCall(
      call.id,
      () => env.sandbox.world.calls.legs.get(takenOver.agentCallControlId!)?.state === "ended",
    );
    await env.server.webhooks.drain();
    expect((await agent2.calls.get({ id: call.id })).status).toBe("BRIDGED");

    await fetch(`${env.sandbox.origin}/sandbox/calls/${live.callControlId}/hangup`, { method: "POST" });
    const ended = await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    expect(ended.hangupSource).toBe("callee");
    const summaries = (await agent2.calls.get({ id: call.id })).timeline.map((t) => t.summary);
    expect(summaries).toEqual(expect.arrayContaining(["Transferring to Emma Wilson", "Transferred to +13125550000"]));
  });

  it("the transferring agent's panel follows a blind transfer: pushed as transferred at once, and no longer on a call", async () => {
    await agent1().agents.setStatus({ status: "AVAILABLE" });
    const socket = await env.openSocket(agent1Token);
    const updates: TCallDto[] = [];
    socket.on("call:updated", (call: TCallDto) => updates.push(call));
    const pushedTransfer = (id: string, userId: string) =>
      vi.waitFor(
        () => {
          const found = updates.find((u) => u.id === id && u.transferredAt !== null && u.userId === userId);
          if (!found) throw new Error("no transferred call:updated yet");
          return found;
        },
        // Within a second of the transfer (the agent leg is hung up as the command returns).
        { timeout: 1_000, interval: 10 },
      );

    // To a number: the call stays live between the customer and that number, and stays agent1's.
    const call = await agent1().calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    expect((await agent1().agents.getStatus()).status).toBe("ON_CALL");
    const answer = await agent1().calls.transfer({ id: call.id, to: "+13125550123" });
    expect(answer).toMatchObject({
      status: "BRIDGED",
      transferredTo: "+13125550123",
      transferredFromUserId: env.demo.users.agent1.id,
    });
    expect(answer.transferredAt).toBeInstanceOf(Date);
    expect(await pushedTransfer(call.id, env.demo.users.agent1.id)).toMatchObject({
      status: "BRIDGED",
      transferredTo: "+13125550123",
    });
    expect((await agent1().agents.getStatus()).status).not.toBe("ON_CALL");
    await env.waitForCall(call.id, () => env.sandbox.world.calls.legs.get(live.agentCallControlId!)?.state === "ended");
    await env.server.webhooks.drain();
    // The agent leg's webhooks re-derive the row from the signals: still transferred, still live.
    expect(await agent1().calls.get({ id: call.id })).toMatchObject({
      status: "BRIDGED",
      transferredTo: "+13125550123",
    });
    await fetch(`${env.sandbox.origin}/sandbox/calls/${live.callControlId}/hangup`, { method: "POST" });
    await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);

    // To a colleague: once they answer, the call is theirs; agent1 (who can no longer read it) is still told.
    await env.db.prisma.user.update({ where: { id: env.demo.users.agent2.id }, data: { agentStatus: "AVAILABLE" } });
    const second = await agent1().calls.create({ to: "+13125550000" });
    await env.waitForCall(second.id, (c) => c.status === "BRIDGED" && c);
    await agent1().calls.transfer({ id: second.id, toUserId: env.demo.users.agent2.id });
    await env.waitForCall(second.id, (c) => c.userId === env.demo.users.agent2.id && c);
    expect(await pushedTransfer(second.id, env.demo.users.agent2.id)).toMatchObject({
      status: "BRIDGED",
      transferredTo: "Emma Wilson",
      transferredFromUserId: env.demo.users.agent1.id,
    });
    expect((await agent1().agents.getStatus()).status).not.toBe("ON_CALL");
    await env.as(env.demo.users.agent2, "AGENT").calls.hangup({ id: second.id });
    await env.waitForCall(second.id, (c) => c.status === "ENDED" && c);
  });

  describe("warm transfer", () => {
    const agent2Id = () => env.demo.users.agent2.id;
    async function consulted() {
      await env.db.prisma.user.update({ where: { id: agent2Id() }, data: { agentStatus: "AVAILABLE" } });
      const call = await agent1().calls.create({ to: "+13125550000" });
      const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
      const conference = env.sandbox.world.conferences.require(live.conferenceId!);
      const key = `consult-${call.id}`;
      const consulting = await agent1().calls.consult({ id: call.id, toUserId: agent2Id(), idempotencyKey: key });
      expect(consulting).toMatchObject({
        isOnHold: true,
        consultUserId: agent2Id(),
        consultName: "Emma Wilson",
        consultAnsweredAt: null,
      });
      // A repeated click replays the first answer (no second dial).
      expect((await agent1().calls.consult({ id: call.id, toUserId: agent2Id(), idempotencyKey: key })).id).toBe(
        call.id,
      );
      expect(conference.participants.get(live.callControlId!)!.onHold).toBe(true);
      await expect(agent1().calls.completeTransfer({ id: call.id })).rejects.toMatchObject({ code: "CONFLICT" });
      const answered = await env.waitForCall(call.id, (c) => c.consultAnsweredAt !== null && c);
      const colleagueLeg = answered.consultCallControlId!;
      // The agent and the colleague talk in the conference while the customer waits on hold.
      await env.waitForCall(call.id, () => conference.participants.has(colleagueLeg));
      expect(conference.participants.get(live.callControlId!)!.onHold).toBe(true);
      expect((await agent1().calls.get({ id: call.id })).consultAnsweredAt).not.toBeNull();
      return { call, live, conference, colleagueLeg };
    }

    it("consults the colleague with the customer on hold, then completes: the colleague stays with the customer", async () => {
      const { call, live, conference, colleagueLeg } = await consulted();
      const socket = await env.openSocket(agent1Token);
      const updates: TCallDto[] = [];
      socket.on("call:updated", (update: TCallDto) => updates.push(update));

      const done = await agent1().calls.completeTransfer({ id: call.id, idempotencyKey: `complete-${call.id}` });
      expect(done).toMatchObject({
        status: "BRIDGED",
        userId: agent2Id(),
        isOnHold: false,
        consultUserId: null,
        transferredTo: "Emma Wilson",
        transferredFromUserId: env.demo.users.agent1.id,
      });
      expect(conference.participants.get(live.callControlId!)!.onHold).toBe(false);
      await env.waitForCall(
        call.id,
        () => env.sandbox.world.calls.legs.get(live.agentCallControlId!)?.state === "ended",
      );
      await env.server.webhooks.drain();
      const row = await env.waitForCall(call.id, (c) => c);
      expect(row).toMatchObject({ status: "BRIDGED", userId: agent2Id(), agentCallControlId: colleagueLeg });
      expect(env.sandbox.world.calls.legs.get(colleagueLeg)?.state).not.toBe("ended");
      // The first agent was told, although the call is now the colleague's.
      expect(updates.some((u) => u.id === call.id && u.userId === agent2Id() && u.transferredAt !== null)).toBe(true);
      await expect(agent1().calls.get({ id: call.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await env.as(env.demo.users.agent2, "AGENT").calls.hangup({ id: call.id });
      await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    });

    it("consults the colleague, then returns: the colleague is hung up, the customer back with the agent", async () => {
      const { call, live, conference, colleagueLeg } = await consulted();
      const back = await agent1().calls.returnToCustomer({ id: call.id, idempotencyKey: `return-${call.id}` });
      expect(back).toMatchObject({
        status: "BRIDGED",
        userId: env.demo.users.agent1.id,
        isOnHold: false,
        consultUserId: null,
        transferredAt: null,
      });
      expect(conference.participants.get(live.callControlId!)!.onHold).toBe(false);
      await env.waitForCall(call.id, () => env.sandbox.world.calls.legs.get(colleagueLeg)?.state === "ended");
      await env.server.webhooks.drain();
      expect(await env.waitForCall(call.id, (c) => c)).toMatchObject({
        status: "BRIDGED",
        userId: env.demo.users.agent1.id,
        agentCallControlId: live.agentCallControlId,
        consultUserId: null,
        consultCallControlId: null,
      });
      await expect(agent1().calls.returnToCustomer({ id: call.id })).rejects.toMatchObject({ code: "CONFLICT" });
      await agent1().calls.hangup({ id: call.id });
      await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    });
  });

  it("lists the agent's own calls with filters and a cursor", async () => {
    const page1 = await agent1().calls.list({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await agent1().calls.list({ limit: 2, cursor: page1.nextCursor });
    expect(page2.items[0]!.id).not.toBe(page1.items[1]!.id);
    const busy = await agent1().calls.list({ status: ["BUSY"] });
    expect(busy.items.map((c) => c.status)).toEqual(["BUSY"]);
    // agent2 sees only the calls transferred to them (one blind, two to a colleague, one warm).
    const ofAgent2 = (await env.as(env.demo.users.agent2, "AGENT").calls.list({})).items;
    expect(ofAgent2.length).toBeGreaterThanOrEqual(1);
    expect([...new Set(ofAgent2.map((c) => c.userId))]).toEqual([env.demo.users.agent2.id]);
    expect(
      (await env.as(env.demo.users.admin, "ADMIN").calls.list({ userId: env.demo.users.agent1.id })).items.length,
    ).toBeGreaterThanOrEqual(4);
  });

  it("pushes the call to its agent before Telnyx answers the dial, and turns it FAILED when the dial fails", async () => {
    const socket = await env.openSocket(agent1Token);
    const seen: { event: string; call: TCallDto }[] = [];
    socket.on("call:created", (call: TCallDto) => seen.push({ event: "call:created", call }));
    socket.on("call:updated", (call: TCallDto) => seen.push({ event: "call:updated", call }));
    const pushed = (predicate: (entry: { event: string; call: TCallDto }) => boolean) =>
      vi.waitFor(
        () => {
          const found = seen.find(predicate);
          if (!found) throw new Error(`not pushed yet; seen: ${JSON.stringify(seen.map((e) => e.event))}`);
          return found;
        },
        { timeout: 30_000, interval: 20 },
      );

    // Telnyx takes 1.5 s to answer the dial: the agent's panel has the call long before.
    await env.control("faults", { path: "/calls", method: "POST", kind: "slow", delay_ms: 1500, count: 1 });
    let settled = false;
    const creating = agent1()
      .calls.create({ to: "+13125550071" })
      .finally(() => {
        settled = true;
      });
    const first = await pushed((entry) => entry.event === "call:created" && entry.call.toNumber === "+13125550071");
    expect(first.call).toMatchObject({ status: "INITIATED", userId: env.demo.users.agent1.id });
    expect(settled).toBe(false);
    const created = await creating;
    expect(created.id).toBe(first.call.id);
    await env.waitForCall(created.id, (c) => c.status === "BRIDGED");
    await agent1().calls.hangup({ id: created.id });
    await env.waitForCall(created.id, (c) => terminal.includes(c.status));

    // Telnyx refuses the dial (every retry too): the call already on screen becomes FAILED, with the reason.
    await env.control("faults", { path: "/calls", method: "POST", kind: "500", count: 10 });
    await expect(agent1().calls.create({ to: "+13125550072" })).rejects.toThrow();
    env.sandbox.world.faults.faults.length = 0;
    const failed = await pushed((entry) => entry.event === "call:updated" && entry.call.toNumber === "+13125550072");
    expect(failed.call).toMatchObject({ status: "FAILED", hangupCause: "dial_failed" });
    expect(seen.filter((entry) => entry.call.id === failed.call.id).map((entry) => entry.event)).toEqual([
      "call:created",
      "call:updated",
    ]);
    socket.close();
  });

  it("refuses to call without a device or from a number the caller may not use, with clear messages", async () => {
    const admin = env.as(env.demo.users.admin, "ADMIN");
    await admin.auth.updateProfile({ agentDevice: "" });
    await expect(admin.calls.create({ to: "+13125550000" })).rejects.toThrow(
      "Set your phone number or SIP address in your profile first",
    );
    const number = await env.db.prisma.telnyxPhoneNumber.findFirstOrThrow({
      where: { phoneNumber: "+33757650100" },
    });
    await env.db.prisma.telnyxPhoneNumber.update({
      where: { id: number.id },
      data: { assignedUserId: env.demo.users.agent2.id },
    });
    await expect(agent1().calls.create({ to: "+13125550000", fromNumberId: number.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    expect((await agent1().calls.fromNumbers()).map((n) => n.phoneNumber)).toEqual(["+13125550100"]);
    await env.db.prisma.telnyxPhoneNumber.update({ where: { id: number.id }, data: { assignedUserId: null } });
  });

  it("places and controls calls over REST", async () => {
    const post = (path: string, body?: unknown) =>
      fetch(`${env.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${agent1Token}`, "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
    const created = await post("/api/telnyx/calls", { to: "+13125550000", from: "+13125550100" });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: TCallDto };
    await env.waitForCall(data.id, (c) => c.status === "BRIDGED");
    expect((await post(`/api/telnyx/calls/${data.id}/mute`)).status).toBe(200);
    expect((await post(`/api/telnyx/calls/${data.id}/unmute`)).status).toBe(200);
    expect((await post(`/api/telnyx/calls/${data.id}/hangup`)).status).toBe(200);
    await env.waitForCall(data.id, (c) => c.status === "ENDED");
    const list = await fetch(`${env.url}/api/telnyx/calls?limit=50`, {
      headers: { authorization: `Bearer ${agent1Token}` },
    });
    expect(((await list.json()) as { data: { items: TCallDto[] } }).data.items[0]!.id).toBe(data.id);
    const badFrom = await post("/api/telnyx/calls", { to: "+13125550000", from: "+14155550000" });
    expect(badFrom.status).toBe(422);
  });
});
