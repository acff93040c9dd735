/**
 * Presence owned by the server (issue 15), with real socket.io clients on two API instances sharing
 * one Redis and one database: a socket opening makes an agent present, the last one gone for the
 * offline grace (short here: PRESENCE_OFFLINE_GRACE_MS) makes them OFFLINE, a reconnection within it
 * (on the other instance) keeps their state, a socket on one instance keeps them present when the
 * other instance does the counting, wrap-up after a call returns to the agent's choice, a restarted
 * instance sets OFFLINE only after the grace, and no event reaches another organization.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Role } from "@app/db/client";
import { refreshAgentStatus } from "@app/telnyx-core/agents/agent-presence";
import type { TAgentState } from "@app/telnyx-core/realtime/events";
import { publishEmits } from "@app/telnyx-core/realtime/publish-emits";
import { hashToken } from "../src/auth/tokens";
import { buildServer, type ApiServer, type ServerOptions } from "../src/server";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";
import { setupTestApi, type TestApi } from "./harness";
import { listenOnFreePort } from "./support/listen";

const createCaller = createCallerFactory(appRouter);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Long enough that a loaded CI machine (a stalled event loop, a slow reconnect) cannot outlast it by accident.
const GRACE_MS = 4_000;

interface Instance {
  server: ApiServer;
  url: string;
}

let api: TestApi;
/** Holds sockets; never looks for due checks on its own (only B does): a count must cross instances. */
let a: Instance;
let b: Instance;
const instances: Instance[] = [];
let dataDir: string;
const sockets: Socket[] = [];
let serial = 0;
/** Every agent:updated the demo supervisor (on B) and the other organization's admin (on A) received. */
const supervisorSaw: TAgentState[] = [];
const otherOrgSaw: TAgentState[] = [];

async function startInstance(presence: ServerOptions["presence"]): Promise<Instance> {
  const server = await buildServer({
    db: api.db,
    logLevel: "silent",
    webDistDir: "/nonexistent",
    dataDir,
    redisUrl: REDIS_URL,
    presence: { offlineGraceMs: GRACE_MS, ...presence },
  });
  const instance = { server, url: await listenOnFreePort(server.app) };
  instances.push(instance);
  return instance;
}

async function tokenFor(user: { id: string }, role: Role, organizationId = api.demo.organization.id) {
  const token = `tok_presence_${process.pid}_${++serial}_0123456789abcdef`;
  await api.db.prisma.apiToken.create({
    data: { organizationId, userId: user.id, name: "presence", tokenHash: hashToken(token), prefix: "tok_pres", role },
  });
  return token;
}

async function open(instance: Instance, token: string, onEvent?: (state: TAgentState) => void): Promise<Socket> {
  const socket = connect(instance.url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: { token },
  });
  sockets.push(socket);
  if (onEvent) socket.on("agent:updated", onEvent);
  await new Promise<void>((resolve, reject) => {
    socket.once("ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

function caller(instance: Instance, user: { id: string }, role: Role) {
  return createCaller(
    createContextInner({
      deps: instance.server.deps,
      auth: { userId: user.id, organizationId: api.demo.organization.id, role, via: "session" },
    }),
  );
}

async function until<T>(what: string, fn: () => Promise<T | false> | T | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (userId: string) =>
  api.db.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { agentStatus: true, agentStatusAt: true, presenceCheckAt: true },
  });
const statusIs = (userId: string, status: string) => async () =>
  (await stateOf(userId)).agentStatus === status || false;
const supervisorSees = (userId: string, status: string) => () =>
  supervisorSaw.some((state) => state.userId === userId && state.status === status) || false;

function closed(socket: Socket): Promise<number> {
  const gone = new Promise<number>((resolve) => socket.once("disconnect", () => resolve(Date.now())));
  socket.close();
  return gone;
}

beforeAll(async () => {
  api = await setupTestApi();
  dataDir = await mkdtemp(path.join(tmpdir(), "tcrm-presence-"));
  a = await startInstance({ tickMs: 3_600_000 });
  b = await startInstance({});
  await open(b, await tokenFor(api.demo.users.supervisor, "SUPERVISOR"), (state) => supervisorSaw.push(state));
  await open(a, await tokenFor(api.other.users.admin, "ADMIN", api.other.organization.id), (state) =>
    otherOrgSaw.push(state),
  );
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const instance of instances) await instance.server.app.close();
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("presence owned by the server", () => {
  it("makes an agent Available when their socket opens: their own query, the team list and the live event agree", async () => {
    const agentId = api.demo.users.agent1.id;
    expect((await stateOf(agentId)).agentStatus).toBe("OFFLINE");
    const ownSaw: TAgentState[] = [];
    await open(a, await tokenFor(api.demo.users.agent1, "AGENT"), (state) => ownSaw.push(state));
    await until("agent1 AVAILABLE", statusIs(agentId, "AVAILABLE"));
    // Their own header hears it too (their socket is the one that made them present).
    await until(
      "agent1's own agent:updated AVAILABLE",
      () => ownSaw.some((state) => state.userId === agentId && state.status === "AVAILABLE") || false,
    );
    await until("the supervisor's agent:updated AVAILABLE", supervisorSees(agentId, "AVAILABLE"));
    const own = await caller(b, api.demo.users.agent1, "AGENT").agents.getStatus();
    const listed = (await caller(a, api.demo.users.supervisor, "SUPERVISOR").agents.list()).find(
      (agent) => agent.userId === agentId,
    );
    expect(own.status).toBe("AVAILABLE");
    expect(listed).toMatchObject({ status: "AVAILABLE", since: own.since });
    const board = await caller(b, api.demo.users.supervisor, "SUPERVISOR").wallboard.snapshot();
    expect(board.agents.find((agent) => agent.userId === agentId)).toMatchObject({ status: "AVAILABLE" });
    // The header's click changes the server's state, pushed to the supervisor.
    await caller(a, api.demo.users.agent1, "AGENT").agents.setStatus({ status: "AWAY" });
    await until("the supervisor's agent:updated AWAY", supervisorSees(agentId, "AWAY"));
    await caller(a, api.demo.users.agent1, "AGENT").agents.setStatus({ status: "AVAILABLE" });
  });

  it("keeps an agent whose last socket closed Available during the grace, then sets OFFLINE", async () => {
    const agentId = api.demo.users.agent2.id;
    const socket = await open(a, await tokenFor(api.demo.users.agent2, "AGENT"));
    await until("agent2 AVAILABLE", statusIs(agentId, "AVAILABLE"));
    const goneAt = await closed(socket);
    await sleep(GRACE_MS / 4);
    expect((await stateOf(agentId)).agentStatus).toBe("AVAILABLE");
    await until("agent2 OFFLINE", statusIs(agentId, "OFFLINE"), GRACE_MS + 10_000);
    expect(Date.now() - goneAt).toBeGreaterThanOrEqual(GRACE_MS);
    await until("the supervisor's agent:updated OFFLINE", supervisorSees(agentId, "OFFLINE"));
    // Coming back restores what they had chosen.
    await open(b, await tokenFor(api.demo.users.agent2, "AGENT"));
    await until("agent2 AVAILABLE again", statusIs(agentId, "AVAILABLE"));
  });

  it("keeps the state of an agent who reconnects within the grace, on the other instance", async () => {
    const agentId = api.demo.users.admin.id;
    const token = await tokenFor(api.demo.users.admin, "ADMIN");
    const first = await open(a, token);
    await until("admin present", statusIs(agentId, "AVAILABLE"));
    await caller(a, api.demo.users.admin, "ADMIN").agents.setStatus({ status: "AWAY" });
    const before = await stateOf(agentId);
    await closed(first);
    await sleep(GRACE_MS / 4);
    await open(b, token);
    await sleep(GRACE_MS * 2);
    const after = await stateOf(agentId);
    expect(after).toMatchObject({ agentStatus: "AWAY", agentStatusAt: before.agentStatusAt, presenceCheckAt: null });
    expect(supervisorSaw.filter((state) => state.userId === agentId && state.status === "OFFLINE")).toEqual([]);
  });

  it("counts sockets on every instance: a tab closed on B does not set OFFLINE an agent still connected on A", async () => {
    const agentId = api.demo.users.agent1.id;
    const token = await tokenFor(api.demo.users.agent1, "AGENT");
    const onB = await open(b, token);
    await closed(onB);
    await until("the check stamped", async () => (await stateOf(agentId)).presenceCheckAt !== null);
    // B settles the check (A never looks on its own): it must count agent1's socket on A, through Redis.
    await until("the check settled", async () => (await stateOf(agentId)).presenceCheckAt === null, GRACE_MS + 10_000);
    expect((await stateOf(agentId)).agentStatus).toBe("AVAILABLE");
  });

  it("puts an agent in wrap-up after a call, then back to Available, unless they chose otherwise meanwhile", async () => {
    const agentId = api.demo.users.agent1.id;
    const organizationId = api.demo.organization.id;
    await caller(b, api.demo.users.supervisor, "SUPERVISOR").agents.setWrapUp({ seconds: 1 });
    const refresh = async () =>
      publishEmits(
        a.server.realtime.publisher,
        await api.db.prisma.$transaction((tx) => refreshAgentStatus(tx, organizationId, agentId)),
      );
    const placeAndEnd = async () => {
      const call = await api.db.prisma.telnyxCall.create({
        data: {
          organizationId,
          direction: "OUTBOUND",
          status: "BRIDGED",
          fromNumber: "+33757650100",
          toNumber: "+33612345678",
          userId: agentId,
          lastEventAt: new Date(),
        },
      });
      await refresh();
      expect((await stateOf(agentId)).agentStatus).toBe("ON_CALL");
      const endedAt = new Date();
      await api.db.prisma.telnyxCall.update({ where: { id: call.id }, data: { status: "ENDED", endedAt } });
      await refresh();
      expect((await stateOf(agentId)).agentStatus).toBe("WRAP_UP");
      return endedAt.getTime();
    };

    const endedAt = await placeAndEnd();
    await until("the supervisor's agent:updated WRAP_UP", supervisorSees(agentId, "WRAP_UP"));
    await until("back to AVAILABLE", statusIs(agentId, "AVAILABLE"), 10_000);
    expect(Date.now() - endedAt).toBeGreaterThanOrEqual(1_000);
    await until("the supervisor saw ON_CALL, WRAP_UP, AVAILABLE", () => {
      const sequence = supervisorSaw.filter((state) => state.userId === agentId).map((state) => state.status);
      return sequence.slice(-3).join() === "ON_CALL,WRAP_UP,AVAILABLE" || false;
    });

    await placeAndEnd();
    await caller(a, api.demo.users.agent1, "AGENT").agents.setStatus({ status: "AWAY" });
    await sleep(1_500);
    expect((await stateOf(agentId)).agentStatus).toBe("AWAY");
    await caller(a, api.demo.users.agent1, "AGENT").agents.setStatus({ status: "AVAILABLE" });
  });

  it("after a restart, sets OFFLINE the agents whose sockets did not come back, once the grace has passed", async () => {
    // What a killed process leaves behind: a member shown present with no socket anywhere, no check pending.
    const left = await api.db.prisma.user.create({
      data: {
        email: `left-${process.pid}@acme.test`,
        name: "Left Behind",
        passwordHash: "x",
        agentStatus: "AVAILABLE",
        agentPresence: "AVAILABLE",
        memberships: { create: { organizationId: api.demo.organization.id, role: "AGENT" } },
      },
    });
    const agentId = left.id;
    const startedAt = Date.now();
    await startInstance({});
    await sleep(GRACE_MS / 4);
    expect((await stateOf(agentId)).agentStatus).toBe("AVAILABLE");
    await until("the agent left behind OFFLINE", statusIs(agentId, "OFFLINE"), GRACE_MS + 15_000);
    await until("the supervisor's agent:updated OFFLINE", supervisorSees(agentId, "OFFLINE"));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(GRACE_MS);
    // Agent 1's socket on A never went away: they are still present.
    expect((await stateOf(api.demo.users.agent1.id)).agentStatus).toBe("AVAILABLE");
  });

  it("never pushed a state of organization A's members to organization B", () => {
    const demoIds = new Set(Object.values(api.demo.users).map((user) => user.id));
    expect(supervisorSaw.length).toBeGreaterThan(0);
    expect(otherOrgSaw.filter((state) => demoIds.has(state.userId))).toEqual([]);
    // Its own members' states do reach it.
    expect(otherOrgSaw.some((state) => state.userId === api.other.users.admin.id)).toBe(true);
  });
});
