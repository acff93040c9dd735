/**
 * The live wallboard end to end (real server, sandbox Telnyx, real sockets): agent states with
 * automatic ON_CALL, stats:delta and agent:updated pushed live, supervisor listen/whisper/barge in
 * the call's conference, kiosk links (snapshot + read-only socket, nothing else, revocation).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import type { TAgentState, TStatsDelta } from "@app/telnyx-core/realtime/events";
import { type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0.05, seed: 42 } });
});
afterAll(async () => {
  await env?.close();
});

const agent1 = () => env.as(env.demo.users.agent1, "AGENT");
const supervisor = () => env.as(env.demo.users.supervisor, "SUPERVISOR");

async function until<T>(fn: () => T | false | Promise<T | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("agent states, live deltas and supervision", () => {
  it("goes ON_CALL during a call and back after; supervisors listen, whisper and leave; everything is pushed live", async () => {
    const agentId = env.demo.users.agent1.id;
    const socket = await env.openSocket(await env.tokenFor(env.demo.users.supervisor, "SUPERVISOR"));
    const agentEvents: TAgentState[] = [];
    const deltas: TStatsDelta[] = [];
    socket.on("agent:updated", (state: TAgentState) => agentEvents.push(state));
    socket.on("stats:delta", (delta: TStatsDelta) => deltas.push(delta));
    // The agent has the app open (a socket): present for the server, whatever the test's length.
    await env.openSocket(await env.tokenFor(env.demo.users.agent1, "AGENT"));

    expect(await supervisor().agents.setWrapUp({ seconds: 1 })).toEqual({ wrapUpSecs: 1 });
    const set = await agent1().agents.setStatus({ status: "AVAILABLE" });
    expect(set.status).toBe("AVAILABLE");
    await until(
      () => agentEvents.some((e) => e.userId === agentId && e.status === "AVAILABLE"),
      "agent:updated AVAILABLE",
    );
    const before = await supervisor().stats.overview({ userId: agentId });

    const call = await agent1().calls.create({ to: "+13125550000" });
    const live = await env.waitForCall(call.id, (c) => c.status === "BRIDGED" && c);
    const onCall = await until(
      () => agentEvents.find((e) => e.userId === agentId && e.status === "ON_CALL") ?? false,
      "agent ON_CALL",
    );
    expect(onCall.currentCallId).toBe(call.id);
    // Choosing AWAY during the call keeps ON_CALL; the choice applies once the call ends.
    expect((await agent1().agents.setStatus({ status: "AWAY" })).status).toBe("ON_CALL");

    const board = await supervisor().wallboard.snapshot();
    expect(board.activeCalls.map((c) => c.id)).toContain(call.id);
    expect(board.agents.find((a) => a.userId === agentId)).toMatchObject({ status: "ON_CALL", currentCallId: call.id });
    expect((await supervisor().agents.list()).find((a) => a.userId === agentId)?.status).toBe("ON_CALL");

    // Listen, then whisper (role switched in place), then leave.
    await supervisor().calls.supervise({ id: call.id, role: "monitor" });
    const conference = env.sandbox.world.conferences.require(live.conferenceId!);
    const supervision = await until(
      () =>
        env.db.prisma.callSupervision
          .findFirst({ where: { callId: call.id, status: "JOINED" } })
          .then((s) => s ?? false),
      "supervisor leg joined",
    );
    const leg = () => conference.participants.get(supervision.callControlId!);
    await until(() => leg()?.supervisorRole === "monitor" || false, "monitor role in the conference");
    await supervisor().calls.supervise({ id: call.id, role: "whisper" });
    expect(leg()?.supervisorRole).toBe("whisper");
    expect(leg()?.whisperIds).toEqual([live.agentCallControlId]);
    await supervisor().calls.stopSupervising({ id: call.id });
    await until(() => leg()?.status === "left" || false, "supervisor leg left");
    await expect(agent1().calls.supervise({ id: call.id, role: "barge" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await agent1().calls.hangup({ id: call.id });
    await env.waitForCall(call.id, (c) => c.status === "ENDED" && c);
    // Wrap-up (the organization's 1 s) first, then the choice made during the call.
    await until(() => agentEvents.find((e) => e.userId === agentId && e.status === "WRAP_UP") ?? false, "WRAP_UP");
    const back = await until(
      () => agentEvents.find((e) => e.userId === agentId && e.status === "AWAY") ?? false,
      "agent back to AWAY",
    );
    expect(back.currentCallId).toBeNull();

    // The live increments add up to what a refetch shows.
    const after = await supervisor().stats.overview({ userId: agentId });
    await until(
      () => deltas.filter((d) => d.userId === agentId).reduce((n, d) => n + (d.finishedToday ?? 0), 0) === 1 || false,
      "finished delta",
    );
    const mine = deltas.filter((d) => d.userId === agentId);
    expect(mine.reduce((n, d) => n + (d.callsToday ?? 0), 0)).toBe(after.callsToday - before.callsToday);
    expect(mine.reduce((n, d) => n + (d.answeredToday ?? 0), 0)).toBe(1);

    const actions = await env.db.prisma.auditLog.findMany({
      where: { targetId: call.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, userId: true },
    });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["call.supervise", "call.supervise", "call.stop_supervising"]),
    );
  });
});

describe("kiosk links", () => {
  it("open the snapshot and a read-only socket, nothing else, until revoked", async () => {
    const link = await supervisor().wallboard.createKioskLink({ name: "Open space screen" });
    expect(link.url).toBe(`/wallboard?kiosk=${encodeURIComponent(link.token)}`);
    const stored = await env.db.prisma.kioskToken.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(link.token);

    const headers = { "x-kiosk-token": link.token };
    const snapshot = await fetch(`${env.url}/trpc/wallboard.snapshot`, { headers });
    expect(snapshot.status).toBe(200);
    const body = (await snapshot.json()) as {
      result: { data: { json: { currency: string; sla: { thresholdSecs: number } } } };
    };
    expect(body.result.data.json.sla.thresholdSecs).toBe(20);
    for (const path of ["stats.overview", "wallboard.kioskLinks", "calls.active", "agents.list"]) {
      expect((await fetch(`${env.url}/trpc/${path}`, { headers })).status, path).toBe(401);
    }
    expect(
      (await fetch(`${env.url}/api/reports/per-agent.csv?from=2026-01-01&to=2026-02-01`, { headers })).status,
    ).toBe(401);

    const socket = connect(env.url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: { kiosk: link.token },
    });
    await new Promise<void>((resolve, reject) => {
      socket.on("ready", () => resolve());
      socket.on("connect_error", reject);
    });
    const agentEvent = new Promise<TAgentState>((resolve) => socket.on("agent:updated", resolve));
    await env.as(env.demo.users.agent2, "AGENT").agents.setStatus({ status: "AWAY" });
    expect((await agentEvent).userId).toBe(env.demo.users.agent2.id);

    const disconnected = new Promise<string>((resolve) => socket.on("disconnect", resolve));
    await supervisor().wallboard.revokeKioskLink({ id: link.id });
    expect(await disconnected).toBe("io server disconnect");
    expect((await fetch(`${env.url}/trpc/wallboard.snapshot`, { headers })).status).toBe(401);
    const refused = connect(env.url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: { kiosk: link.token },
    });
    await expect(
      new Promise((resolve, reject) => {
        refused.on("connect", () => resolve(undefined));
        refused.on("connect_error", (error) => reject(error));
      }),
    ).rejects.toThrow("UNAUTHORIZED");
    refused.close();
    expect((await supervisor().wallboard.kioskLinks()).find((l) => l.id === link.id)?.revokedAt).toBeInstanceOf(Date);
  });
});

describe("wallboard figures", () => {
  it("SLA, longest wait and today's counters equal SQL over today's raw rows", async () => {
    const p = env.db.prisma;
    const organizationId = env.demo.organization.id;
    await supervisor().wallboard.setSlaThreshold({ seconds: 15 });
    const now = Date.now();
    const inbound = (answeredAfterSecs: number | null, status: "ENDED" | "NO_ANSWER" | "RINGING", ageSecs = 60) =>
      p.telnyxCall.create({
        data: {
          organizationId,
          direction: "INBOUND",
          status,
          fromNumber: "+33612345678",
          toNumber: "+33757650100",
          startedAt: new Date(now - ageSecs * 1000),
          createdAt: new Date(now - ageSecs * 1000),
          answeredAt: answeredAfterSecs === null ? null : new Date(now - ageSecs * 1000 + answeredAfterSecs * 1000),
          durationSecs: status === "ENDED" ? 30 : status === "NO_ANSWER" ? 0 : null,
          lastEventAt: new Date(),
        },
      });
    await inbound(5, "ENDED");
    await inbound(14, "ENDED");
    await inbound(40, "ENDED");
    await inbound(null, "NO_ANSWER");
    await inbound(null, "RINGING", 42);
    const board = await supervisor().wallboard.snapshot();
    const [truth] = await env.db.query<{
      answered: number;
      within: number;
      calls: number;
      inbound: number;
      missed: number;
      sms: number;
    }>(
      `WITH today AS (SELECT * FROM "TelnyxCall" WHERE "organizationId" = $1
         AND (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date = ((now() AT TIME ZONE 'Europe/Paris')::date))
       SELECT count(*) FILTER (WHERE "direction" = 'INBOUND' AND "answeredAt" IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE "direction" = 'INBOUND' AND "answeredAt" - "startedAt" <= interval '15 seconds')::int AS within,
              count(*)::int AS calls, count(*) FILTER (WHERE "direction" = 'INBOUND')::int AS inbound,
              count(*) FILTER (WHERE "direction" = 'INBOUND' AND "answeredAt" IS NULL AND "status" IN ('ENDED','FAILED','BUSY','NO_ANSWER','CANCELED'))::int AS missed,
              (SELECT count(*)::int FROM "TelnyxMessage" WHERE "organizationId" = $1 AND "direction" = 'OUTBOUND'
                 AND (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date = ((now() AT TIME ZONE 'Europe/Paris')::date)) AS sms
       FROM today`,
      [organizationId],
    );
    expect(board.sla).toEqual({
      thresholdSecs: 15,
      answeredWithin: truth!.within,
      inboundAnswered: truth!.answered,
      rate: truth!.within / truth!.answered,
    });
    expect(board.today).toMatchObject({
      calls: truth!.calls,
      inbound: truth!.inbound,
      missed: truth!.missed,
      sms: truth!.sms,
    });
    expect(board.longestWaitSecs).toBeGreaterThanOrEqual(42);
    expect(board.longestWaitSecs).toBeLessThan(80);
    await expect(env.as(env.demo.users.agent1, "AGENT").wallboard.snapshot()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
