/**
 * The live channel held to HTTP's rules (issue 13, findings 3 and 4), with real socket.io clients:
 * two API instances over one Redis (revocation reaches both), one instance without Redis where
 * socket.io's connection-state recovery really replays (recovery re-authenticates), the Origin
 * check of cookie handshakes, who receives each event (enumerated from the event map), the kiosk's
 * wallboard shape, and the cap on sockets per credential. Clients that opted in to batches
 * (coalesced delivery) are held to the same rules.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Role } from "@app/db/client";
import { agentReadersOfCall, callVisibilityWhere } from "@app/telnyx-core/calls/call-access";
import { callDtoSelect, toCallDto } from "@app/telnyx-core/calls/call-dto";
import { EVENT_AUDIENCE } from "@app/telnyx-core/realtime/event-audience";
import {
  SERVER_EVENT_SCHEMAS,
  type ServerEventName,
  type ServerEventPayload,
  type TCallDto,
} from "@app/telnyx-core/realtime/events";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "@app/telnyx-core/realtime/frames";
import { createSession } from "../src/auth/sessions";
import { hashToken } from "../src/auth/tokens";
import { buildServer, type ApiServer } from "../src/server";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner, createMemoryCookieJar } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";
import { setupTestApi, type TestApi } from "./harness";
import { listenOnFreePort } from "./support/listen";

const createCaller = createCallerFactory(appRouter);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const APP_URL = "https://crm.example.com";

interface Instance {
  server: ApiServer;
  url: string;
}

let api: TestApi;
let a: Instance;
let b: Instance;
/** No Redis: socket.io's in-memory adapter is the one that keeps sessions for recovery. */
let solo: Instance;
let dataDir: string;
const sockets: Socket[] = [];
let serial = 0;

async function startInstance(options: { redisUrl?: string; maxSocketsPerCredential?: number }): Promise<Instance> {
  const server = await buildServer({
    db: api.db,
    logLevel: "silent",
    webDistDir: "/nonexistent",
    dataDir,
    appUrl: APP_URL,
    ...options,
  });
  return { server, url: await listenOnFreePort(server.app) };
}

beforeAll(async () => {
  api = await setupTestApi();
  dataDir = await mkdtemp(path.join(tmpdir(), "tcrm-rt-"));
  a = await startInstance({ redisUrl: REDIS_URL });
  b = await startInstance({ redisUrl: REDIS_URL });
  solo = await startInstance({ maxSocketsPerCredential: 3 });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const instance of [a, b, solo]) await instance?.server.app.close();
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const org = () => api.demo.organization.id;

async function tokenFor(
  user: { id: string },
  role: Role,
  organizationId = org(),
): Promise<{ token: string; id: string }> {
  const token = `tok_rt_${process.pid}_${++serial}_0123456789abcdef`;
  const row = await api.db.prisma.apiToken.create({
    data: { organizationId, userId: user.id, name: "rt", tokenHash: hashToken(token), prefix: token.slice(0, 8), role },
  });
  return { token, id: row.id };
}

async function cookieFor(user: { id: string }, organizationId = org()): Promise<string> {
  const session = await createSession(api.db, { userId: user.id, organizationId, ttlHours: 1 });
  return session.token;
}

type Opened = Socket & { frames: string[] };

function openSocket(url: string, options: { auth?: Record<string, string>; headers?: Record<string, string> }): Opened {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: options.auth ?? {},
    extraHeaders: options.headers,
  }) as Opened;
  socket.frames = [];
  // Raw engine.io frames: what a hand-written client would read, before socket.io-client's own checks.
  socket.io.on("open", () =>
    socket.io.engine.on("packet", (packet: { data?: unknown }) => socket.frames.push(String(packet.data ?? ""))),
  );
  sockets.push(socket);
  return socket;
}

function ready(socket: Socket): Promise<{ role: string }> {
  return new Promise((resolve, reject) => {
    socket.once("ready" as never, (event: { role: string }) => resolve(event));
    socket.once("connect_error", reject);
  });
}

async function open(
  url: string,
  options: { auth?: Record<string, string>; headers?: Record<string, string> },
): Promise<Opened> {
  const socket = openSocket(url, options);
  await ready(socket);
  return socket;
}

const refusedWith = (socket: Socket) =>
  new Promise<string>((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected")));
    socket.once("connect_error", (error) => resolve(error.message));
  });

const closedByServer = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

/** Everything `socket` receives, by event name (a batch's events one by one). */
function record(socket: Socket): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>();
  const push = (event: string, payload: unknown) => {
    const list = seen.get(event) ?? [];
    list.push(payload);
    seen.set(event, list);
  };
  socket.onAny((event: string, payload: unknown) =>
    event === BATCH_EVENT ? unpackBatch(payload, push) : push(event, payload),
  );
  return seen;
}

/** The next `event` on a socket, sent alone or in a batch. */
function nextEvent(socket: Socket, event: ServerEventName): Promise<unknown> {
  return new Promise((resolve) => {
    const onAny = (name: string, payload: unknown) => {
      const found = (candidate: string, value: unknown) => {
        if (candidate !== event) return;
        socket.offAny(onAny);
        resolve(value);
      };
      if (name === BATCH_EVENT) unpackBatch(payload, found);
      else found(name, payload);
    };
    socket.onAny(onAny);
  });
}

/** Resolves once every socket got a marker sent after what came before (same publisher, in order; batches flushed first). */
async function barrier(instance: Instance, targets: Socket[]): Promise<void> {
  instance.server.realtime.publisher.flush();
  const marker = `barrier-${++serial}`;
  const arrived = targets.map(
    (socket) =>
      new Promise<void>((resolve) =>
        socket.on("ready" as never, (event: { userId: string }) => void (event.userId === marker && resolve())),
      ),
  );
  instance.server.realtime.io
    .to(targets.map((socket) => socket.id!))
    .emit("ready", { userId: marker, organizationId: "", role: "AGENT" });
  await Promise.all(arrived);
}

function callerOn(
  instance: Instance,
  user: { id: string },
  role: Role,
  cookies = createMemoryCookieJar(),
  sessionId?: string,
) {
  return createCaller(
    createContextInner({
      deps: instance.server.deps,
      auth: { userId: user.id, organizationId: org(), role, via: "session", sessionId },
      cookies,
    }),
  );
}

function callDto(overrides: Partial<TCallDto>): TCallDto {
  const now = new Date();
  return {
    id: `call-${++serial}`,
    direction: "OUTBOUND",
    status: "ANSWERED",
    fromNumber: "+13125550100",
    toNumber: "+14155550123",
    leadId: "lead-1",
    leadName: null,
    userId: null,
    agentName: null,
    phoneNumberId: "pn-1",
    isMuted: false,
    isOnHold: false,
    isRecording: true,
    hangupCause: null,
    hangupSource: null,
    startedAt: now,
    answeredAt: now,
    endedAt: null,
    durationSecs: 12,
    billedSecs: 60,
    cost: "0.0120",
    costCurrency: "USD",
    hasRecording: true,
    recordingUnavailable: false,
    mos: "4.3",
    transferredAt: null,
    transferredTo: null,
    transferredFromUserId: null,
    consultUserId: null,
    consultName: null,
    consultAnsweredAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe("who receives what (every event of the map, across instances)", () => {
  type Viewer = "admin" | "agent1" | "agent2" | "kiosk";
  const batched = { ...BATCH_FRAMES_AUTH };
  type Case = { payload: () => unknown; receivers: Viewer[] };
  const me = () => api.demo.users;
  // One entry per event name (a new event without a case does not compile); call events per visibility.
  const CASES: { [E in ServerEventName]: Case[] } = {
    ready: [],
    "call:created": [
      { payload: () => callDto({ userId: me().agent1.id }), receivers: ["admin", "agent1", "kiosk"] },
      {
        payload: () => callDto({ userId: null, direction: "INBOUND" }),
        receivers: ["admin", "agent1", "agent2", "kiosk"],
      },
      { payload: () => callDto({ userId: null, direction: "OUTBOUND" }), receivers: ["admin", "kiosk"] },
    ],
    "call:updated": [{ payload: () => callDto({ userId: me().agent2.id }), receivers: ["admin", "agent2", "kiosk"] }],
    "call:incoming": [
      { payload: () => ({ call: callDto({ userId: me().agent1.id }) }), receivers: ["admin", "agent1"] },
    ],
    "call:incoming-cancelled": [
      { payload: () => ({ callId: "c1", userId: me().agent2.id }), receivers: ["admin", "agent2"] },
    ],
    "queue:updated": [
      {
        payload: () => ({
          id: "q1",
          name: "Sales",
          strategy: "ROUND_ROBIN",
          ringTimeoutSecs: 20,
          maxWaitSecs: 60,
          holdMessage: null,
          announcePosition: false,
          memberUserIds: [me().agent1.id],
          waiting: 1,
          longestWaitSecs: 5,
          slaPercent: null,
        }),
        receivers: ["admin", "agent1", "agent2", "kiosk"],
      },
    ],
    "callback:changed": [
      {
        payload: () => ({
          id: "cb1",
          callId: "c1",
          reason: "VOICEMAIL",
          fromNumber: "+14155550123",
          leadId: null,
          leadName: null,
          queueId: null,
          queueName: null,
          recordingUrl: null,
          assigneeUserId: null,
          assigneeName: null,
          createdAt: new Date(),
          doneAt: null,
        }),
        receivers: ["admin", "agent1", "agent2"],
      },
    ],
    "message:created": [{ payload: () => message(), receivers: ["admin", "agent1", "agent2"] }],
    "message:updated": [{ payload: () => message(), receivers: ["admin", "agent1", "agent2"] }],
    "optout:updated": [
      {
        payload: () => ({ phoneNumber: "+14155550123", optedOut: true, keyword: "STOP" }),
        receivers: ["admin", "agent1", "agent2"],
      },
    ],
    "number:updated": [
      {
        payload: () => ({ id: "n1", phoneNumber: "+13125550100", status: "ACTIVE", updatedAt: new Date() }),
        receivers: ["admin", "agent1", "agent2"],
      },
    ],
    "sync:progress": [
      { payload: () => ({ id: "s1", status: "RUNNING", progress: 0.5, message: null }), receivers: ["admin"] },
    ],
    "stats:delta": [
      {
        payload: () => ({ organizationId: org(), userId: me().agent1.id, callsToday: 1 }),
        receivers: ["admin", "agent1", "kiosk"],
      },
      { payload: () => ({ organizationId: org(), userId: null, cost: "1.00" }), receivers: ["admin", "kiosk"] },
    ],
    "agent:updated": [
      {
        payload: () => ({
          userId: me().agent2.id,
          name: "Agent 2",
          status: "AWAY",
          since: new Date(),
          currentCallId: null,
        }),
        receivers: ["admin", "agent2", "kiosk"],
      },
    ],
  };
  function message(): ServerEventPayload<"message:created"> {
    const now = new Date();
    return {
      id: `m-${++serial}`,
      direction: "INBOUND",
      status: "RECEIVED",
      type: "SMS",
      fromNumber: "+14155550123",
      toNumber: "+13125550100",
      counterpartNumber: "+14155550123",
      text: "secret SMS text",
      mediaUrls: [],
      encoding: null,
      parts: 1,
      leadId: null,
      leadName: null,
      userId: null,
      cost: null,
      costCurrency: null,
      errorCode: null,
      errorTitle: null,
      errorDetail: null,
      sentAt: null,
      completedAt: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  it("has a rule for agents and kiosks for every event the server emits", () => {
    for (const event of Object.keys(SERVER_EVENT_SCHEMAS) as ServerEventName[]) {
      expect(typeof EVENT_AUDIENCE[event]?.agents, event).toBe("function");
      expect(typeof EVENT_AUDIENCE[event]?.kiosk, event).toBe("function");
    }
  });

  it("sends each event to staff in full, to the agents HTTP lets read it, to kiosks in wallboard shape", async () => {
    const admin = await open(b.url, { auth: { token: (await tokenFor(me().admin, "ADMIN")).token } });
    const agent1 = await open(b.url, { auth: { token: (await tokenFor(me().agent1, "AGENT")).token } });
    const agent2 = await open(a.url, { auth: { token: (await tokenFor(me().agent2, "AGENT")).token } });
    const link = await callerOn(a, me().supervisor, "SUPERVISOR").wallboard.createKioskLink({ name: "TV" });
    const kiosk = await open(b.url, { auth: { kiosk: link.token } });
    // The same viewers opted in to batches, on the other instance, and another organization's admin.
    const other = await tokenFor(api.other.users.admin, "ADMIN", api.other.organization.id);
    const viewers: Record<string, Socket> = {
      admin,
      agent1,
      agent2,
      kiosk,
      "admin batched": await open(a.url, { auth: { token: (await tokenFor(me().admin, "ADMIN")).token, ...batched } }),
      "agent1 batched": await open(a.url, {
        auth: { token: (await tokenFor(me().agent1, "AGENT")).token, ...batched },
      }),
      "agent2 batched": await open(b.url, {
        auth: { token: (await tokenFor(me().agent2, "AGENT")).token, ...batched },
      }),
      "kiosk batched": await open(a.url, { auth: { kiosk: link.token, ...batched } }),
      "other org batched": await open(b.url, { auth: { token: other.token, ...batched } }),
    };
    for (const [event, cases] of Object.entries(CASES) as [ServerEventName, Case[]][]) {
      for (const { payload, receivers } of cases) {
        const seen = Object.fromEntries(Object.entries(viewers).map(([name, socket]) => [name, record(socket)]));
        const sent = payload();
        a.server.realtime.publisher.toOrganization(org(), event, sent as never);
        await barrier(a, Object.values(viewers));
        for (const [name, socket] of Object.entries(viewers)) {
          socket.offAny();
          const got = seen[name]!.get(event) ?? [];
          const viewer = name.replace(" batched", "") as Viewer;
          expect(got.length, `${event} → ${name}`).toBe(receivers.includes(viewer) ? 1 : 0);
          if (got.length === 0) continue;
          const parsed = SERVER_EVENT_SCHEMAS[event].parse(got[0]);
          if (viewer === "kiosk") {
            expect(JSON.stringify(got[0])).not.toContain("secret SMS text");
            expect(parsed).toEqual(EVENT_AUDIENCE[event].kiosk(sent as never));
          } else {
            expect(parsed, `${event} → ${name} in full`).toEqual(sent);
          }
        }
      }
    }
    // The kiosk's call carries no line number, cost or recording.
    const kioskCall = EVENT_AUDIENCE["call:created"].kiosk(callDto({ leadName: "Ada" }))!;
    expect(kioskCall).toMatchObject({
      fromNumber: "",
      toNumber: "",
      cost: null,
      phoneNumberId: null,
      hasRecording: false,
      leadName: "Ada",
    });
  });

  it("routes calls to agents by exactly the rule HTTP's callVisibilityWhere applies", async () => {
    const p = api.db.prisma;
    const agent = { userId: me().agent1.id, organizationId: org(), role: "AGENT" as const };
    const created = [];
    for (const userId of [me().agent1.id, me().agent2.id, null]) {
      for (const direction of ["INBOUND", "OUTBOUND"] as const) {
        created.push(
          await p.telnyxCall.create({
            data: {
              organizationId: org(),
              direction,
              status: "ENDED",
              fromNumber: "+14155550123",
              toNumber: "+13125550100",
              userId,
            },
          }),
        );
      }
    }
    const visible = await p.telnyxCall.findMany({
      where: { ...callVisibilityWhere(agent), id: { in: created.map((c) => c.id) } },
      select: { id: true },
    });
    const routed = created.filter((call) => {
      const readers = agentReadersOfCall(call);
      return readers === "all" || (readers !== "none" && readers.userId === agent.userId);
    });
    expect(routed.map((c) => c.id).sort()).toEqual(visible.map((c) => c.id).sort());
    expect(visible.length).toBe(3);
  });

  it("gives a kiosk over its socket the same call it reads over HTTP", async () => {
    const row = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId: org(),
        direction: "INBOUND",
        status: "RINGING",
        fromNumber: "+14155550999",
        toNumber: "+13125550100",
        startedAt: new Date(),
      },
      select: callDtoSelect,
    });
    const link = await callerOn(a, me().supervisor, "SUPERVISOR").wallboard.createKioskLink({ name: "TV 2" });
    const response = await fetch(`${a.url}/trpc/wallboard.snapshot`, { headers: { "x-kiosk-token": link.token } });
    const body = (await response.json()) as { result: { data: { json: { activeCalls: unknown[] } } } };
    const overHttp = body.result.data.json.activeCalls.find((call) => (call as { id: string }).id === row.id);
    expect(overHttp).toMatchObject({ fromNumber: "+14155550999", toNumber: "", cost: null });
    const kiosk = await open(b.url, { auth: { kiosk: link.token } });
    const received = new Promise<unknown>((resolve) => kiosk.on("call:updated" as never, resolve));
    a.server.realtime.publisher.toOrganization(org(), "call:updated", toCallDto(row));
    expect(JSON.parse(JSON.stringify(await received))).toEqual(overHttp);
    // A supervisor still reads the whole call over HTTP.
    const full = (await callerOn(a, me().supervisor, "SUPERVISOR").wallboard.snapshot()).activeCalls.find(
      (call) => call.id === row.id,
    );
    expect(full?.toNumber).toBe("+13125550100");
    await api.db.prisma.telnyxCall.update({ where: { id: row.id }, data: { status: "ENDED" } });
  });
});

describe("revocation closes the credential's sockets on every instance", () => {
  async function onBoth(auth: Record<string, string>, headers?: Record<string, string>) {
    return Promise.all([open(a.url, { auth, headers }), open(b.url, { auth, headers })]);
  }
  async function expectClosedAndRefused(pair: Socket[]) {
    await Promise.all(pair.map(async (socket) => expect(await closedByServer(socket)).toBe("io server disconnect")));
    for (const socket of pair) {
      const refused = refusedWith(socket);
      socket.connect();
      expect(await refused).toBe("UNAUTHORIZED");
    }
  }

  it("an API token", async () => {
    const { token, id } = await tokenFor(api.demo.users.agent1, "AGENT");
    const pair = await onBoth({ token });
    const closed = expectClosedAndRefused(pair);
    await callerOn(a, api.demo.users.admin, "ADMIN").tokens.revoke({ id });
    await closed;
  });

  it("a kiosk link", async () => {
    const link = await callerOn(a, api.demo.users.supervisor, "SUPERVISOR").wallboard.createKioskLink({ name: "Hall" });
    const pair = await onBoth({ kiosk: link.token });
    const closed = expectClosedAndRefused(pair);
    await callerOn(b, api.demo.users.supervisor, "SUPERVISOR").wallboard.revokeKioskLink({ id: link.id });
    await closed;
  });

  it("a session, on logout and when a new login replaces it", async () => {
    for (const end of ["logout", "login"] as const) {
      const user = api.demo.users.agent2;
      const token = await cookieFor(user);
      const pair = await onBoth({}, { cookie: `tcrm_session=${token}`, origin: APP_URL });
      const closed = expectClosedAndRefused(pair);
      const caller = createCaller(
        createContextInner({ deps: a.server.deps, auth: null, cookies: createMemoryCookieJar(token) }),
      );
      if (end === "logout") await caller.auth.logout();
      else await caller.auth.login({ email: user.email, password: "demo1234" });
      await closed;
    }
  });

  it("a membership deleted outside the app (SQL, another tool)", async () => {
    const user = api.demo.users.agent2;
    const cookie = `tcrm_session=${await cookieFor(user)}`;
    const { token } = await tokenFor(user, "AGENT");
    const sockets = [...(await onBoth({}, { cookie, origin: APP_URL })), ...(await onBoth({ token }))];
    const closed = expectClosedAndRefused(sockets);
    const membership = await api.db.prisma.membership.delete({
      where: { organizationId_userId: { organizationId: org(), userId: user.id } },
    });
    try {
      await closed;
    } finally {
      await api.db.prisma.membership.create({
        data: { organizationId: org(), userId: user.id, role: membership.role },
      });
    }
  });

  it("a demotion: the socket closes and comes back with the new role's rooms only", async () => {
    const user = api.demo.users.supervisor;
    const cookie = `tcrm_session=${await cookieFor(user)}`;
    const pair = await onBoth({}, { cookie, origin: APP_URL });
    const closed = Promise.all(pair.map(closedByServer));
    await api.db.prisma.membership.update({
      where: { organizationId_userId: { organizationId: org(), userId: user.id } },
      data: { role: "AGENT" },
    });
    try {
      expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
      const again = await Promise.all(
        pair.map(async (socket) => {
          const back = ready(socket);
          socket.connect();
          return back;
        }),
      );
      expect(again.map((event) => event.role)).toEqual(["AGENT", "AGENT"]);
      const seen = pair.map(record);
      a.server.realtime.publisher.toOrganization(org(), "sync:progress", {
        id: "s2",
        status: "RUNNING",
        progress: 0.1,
        message: null,
      });
      a.server.realtime.publisher.toOrganization(org(), "number:updated", {
        id: "n2",
        phoneNumber: "+13125550100",
        status: "ACTIVE",
        updatedAt: new Date(),
      });
      await barrier(a, pair);
      for (const got of seen) {
        expect(got.has("sync:progress")).toBe(false);
        expect(got.has("number:updated")).toBe(true);
      }
    } finally {
      await api.db.prisma.membership.update({
        where: { organizationId_userId: { organizationId: org(), userId: user.id } },
        data: { role: "SUPERVISOR" },
      });
    }
  });
});

describe("connection-state recovery re-runs authentication", () => {
  /**
   * Drops the transport (a network cut): the server keeps the session for recovery. A client can
   * recover only from the offset of a broadcast it received, so one arrives first.
   */
  async function cut(socket: Socket) {
    const warm = nextEvent(socket, "stats:delta");
    solo.server.realtime.publisher.toOrganization(org(), "stats:delta", {
      organizationId: org(),
      userId: null,
      callsToday: 0,
    });
    await warm;
    // The credential is revoked only once the server too has seen the socket go (a real cut).
    const serverSide = solo.server.realtime.io.of("/").sockets.get(socket.id!)!;
    const goneOnServer = new Promise((resolve) => serverSide.once("disconnect", resolve));
    const gone = closedByServer(socket);
    socket.io.engine.close();
    await Promise.all([gone, goneOnServer]);
  }
  const staffOnly = () =>
    solo.server.realtime.publisher.toOrganization(org(), "sync:progress", {
      id: `s-${++serial}`,
      status: "RUNNING",
      progress: 0.3,
      message: "missed while away",
    });

  it("replays what a still-valid credential missed (the control)", async () => {
    const { token } = await tokenFor(api.demo.users.admin, "ADMIN");
    const socket = await open(solo.url, { auth: { token } });
    await cut(socket);
    staffOnly();
    const missed = new Promise<unknown>((resolve) => socket.on("sync:progress" as never, resolve));
    const back = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    expect(await missed).toMatchObject({ message: "missed while away" });
  });

  it("replays what a batched client missed, as batches", async () => {
    const { token } = await tokenFor(api.demo.users.admin, "ADMIN");
    const socket = await open(solo.url, { auth: { token, ...BATCH_FRAMES_AUTH } });
    await cut(socket);
    staffOnly();
    solo.server.realtime.publisher.flush();
    const missed = nextEvent(socket, "sync:progress");
    const back = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    expect(await missed).toMatchObject({ message: "missed while away" });
  });

  for (const kind of ["token", "kiosk", "session", "membership"] as const) {
    it(`gives nothing to a recovering ${kind} that was revoked while away`, async () => {
      const user = api.demo.users.supervisor;
      let socket: Opened;
      let revoke: () => Promise<unknown>;
      let restore = async () => {};
      if (kind === "token") {
        const { token, id } = await tokenFor(user, "SUPERVISOR");
        socket = await open(solo.url, { auth: { token } });
        revoke = () => callerOn(solo, api.demo.users.admin, "ADMIN").tokens.revoke({ id });
      } else if (kind === "kiosk") {
        const link = await callerOn(solo, user, "SUPERVISOR").wallboard.createKioskLink({ name: "Lobby" });
        socket = await open(solo.url, { auth: { kiosk: link.token } });
        revoke = () => callerOn(solo, user, "SUPERVISOR").wallboard.revokeKioskLink({ id: link.id });
      } else {
        const token = await cookieFor(user);
        socket = await open(solo.url, { headers: { cookie: `tcrm_session=${token}`, origin: APP_URL } });
        const key = { organizationId_userId: { organizationId: org(), userId: user.id } };
        revoke =
          kind === "session"
            ? () =>
                createCaller(
                  createContextInner({ deps: solo.server.deps, auth: null, cookies: createMemoryCookieJar(token) }),
                ).auth.logout()
            : () => api.db.prisma.membership.delete({ where: key });
        if (kind === "membership")
          restore = async () =>
            void (await api.db.prisma.membership.create({
              data: { organizationId: org(), userId: user.id, role: "SUPERVISOR" },
            }));
      }
      try {
        await cut(socket);
        await revoke();
        staffOnly();
        solo.server.realtime.publisher.toOrganization(org(), "stats:delta", {
          organizationId: org(),
          userId: null,
          callsToday: 1,
          cost: "9.99",
        });
        const refused = refusedWith(socket);
        const framesBefore = socket.frames.length;
        socket.connect();
        expect(await refused).toBe("UNAUTHORIZED");
        const after = socket.frames.slice(framesBefore).join("\n");
        expect(after).not.toContain("missed while away");
        expect(after).not.toContain("9.99");
      } finally {
        await restore();
      }
    });
  }

  it("gives a demoted member nothing of the old role's rooms: a fresh connection with the new role", async () => {
    const user = api.demo.users.supervisor;
    const key = { organizationId_userId: { organizationId: org(), userId: user.id } };
    const socket = await open(solo.url, {
      headers: { cookie: `tcrm_session=${await cookieFor(user)}`, origin: APP_URL },
    });
    await cut(socket);
    await api.db.prisma.membership.update({ where: key, data: { role: "AGENT" } });
    try {
      staffOnly();
      const framesBefore = socket.frames.length;
      const back = ready(socket);
      socket.connect();
      expect((await back).role).toBe("AGENT");
      expect(socket.recovered).toBe(false);
      expect(socket.frames.slice(framesBefore).join("\n")).not.toContain("missed while away");
    } finally {
      await api.db.prisma.membership.update({ where: key, data: { role: "SUPERVISOR" } });
    }
  });
});

describe("handshake origin and socket cap", () => {
  it("refuses a cookie handshake from a foreign origin, accepts our own, and does not concern tokens", async () => {
    const cookie = `tcrm_session=${await cookieFor(api.demo.users.agent1)}`;
    const foreign = refusedWith(openSocket(a.url, { headers: { cookie, origin: "http://127.0.0.1:6666" } }));
    expect(await foreign).toBe("FORBIDDEN");
    const port = new URL(a.url).port;
    for (const origin of [APP_URL, `http://127.0.0.1:${port}`]) {
      expect((await open(a.url, { headers: { cookie, origin } })).connected).toBe(true);
    }
    // A same-origin polling request carries no Origin (and no Referer under our Referrer-Policy).
    expect((await open(a.url, { headers: { cookie } })).connected).toBe(true);
    const { token } = await tokenFor(api.demo.users.agent1, "AGENT");
    expect((await open(a.url, { auth: { token }, headers: { origin: "http://evil.example" } })).connected).toBe(true);
  });

  it("refuses the socket past MAX_SOCKETS_PER_CREDENTIAL for one credential, not for another", async () => {
    const { token } = await tokenFor(api.demo.users.agent1, "AGENT");
    const first = [
      await open(solo.url, { auth: { token } }),
      await open(solo.url, { auth: { token } }),
      await open(solo.url, { auth: { token } }),
    ];
    const extra = openSocket(solo.url, { auth: { token } });
    const refused = new Promise<{ message: string; data?: { message: string } }>((resolve) =>
      extra.once("connect_error", resolve),
    );
    expect((await refused).message).toBe("TOO_MANY_CONNECTIONS");
    expect((await refused).data?.message).toContain("At most 3");
    const other = await tokenFor(api.demo.users.agent1, "AGENT");
    expect((await open(solo.url, { auth: { token: other.token } })).connected).toBe(true);
    const gone = new Promise((resolve) => first[0]!.once("disconnect", resolve));
    first[0]!.close();
    await gone;
    // The slot is released when a socket closes (the server learns it asynchronously: retry the handshake).
    for (let attempt = 0; ; attempt++) {
      const again = openSocket(solo.url, { auth: { token } });
      const outcome = await new Promise<string>((resolve) => {
        again.once("ready" as never, () => resolve("ready"));
        again.once("connect_error", (error) => resolve(error.message));
      });
      if (outcome === "ready") break;
      expect(outcome).toBe("TOO_MANY_CONNECTIONS");
      expect(attempt).toBeLessThan(50);
    }
  });
});
