/**
 * The one integration-test harness. Always: a fresh database (PGlite or PostgreSQL, from TEST_DB), both seeded
 * organizations, and a createCaller per seeded user with the same context production builds.
 * With `server`: the real HTTP server on an ephemeral port (the callers then share its dependencies), the demo
 * admin's API token, sockets. With `sandbox` as well: the Telnyx sandbox reached through the real gateway, the demo
 * organization's application, messaging profile and numbers provisioned in both, and its signed webhooks coming
 * back over HTTP into the server (which also accepts webhooks signed with a test key, to replay events by hand).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { Role, TelnyxCall, TelnyxConnection } from "@app/db/client";
import { seedDemo, seedSecondOrg } from "@app/db/seed";
import { createTestDb } from "@app/db/test-db";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "@app/telnyx-core/realtime/frames";
import { createSecretBox } from "@app/telnyx-core/settings/secret-box";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import type { WebhookDelivery } from "@app/telnyx-sandbox/webhooks/dispatcher";
import { generateSandboxKeyPair, type SandboxKeyPair } from "@app/telnyx-sandbox/webhooks/signer";
import { createLoginLimiter } from "../src/auth/login-limiter";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { createBackgroundTasks } from "../src/jobs/background-tasks";
import { buildServer, type ApiServer, type ServerOptions } from "../src/server";
import { restoreSandboxWorld, SANDBOX_API_KEY, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import {
  createSandboxAccess,
  createUnconfiguredAccess,
  type TelnyxAccess,
  withOrganizationKeys,
} from "../src/telnyx/telnyx-access";
import { webhookUrls } from "../src/telnyx/webhook-urls";
import { appRouter } from "../src/trpc/app-router";
import { type ApiDeps, createContextInner, createMemoryCookieJar } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";
import { createWebhookEndpoints } from "../src/webhooks/webhook-endpoints";
import { listenOnFreePort } from "./support/listen";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** The demo admin's API token, seeded when the harness starts a server. */
export const DEMO_ADMIN_TOKEN = "tok_harness_demo_admin_0123456789abcdef";

export interface HarnessOptions {
  /** APP_ENCRYPTION_KEY (default a random one; null = unset). */
  encryptionKey?: string | null;
  /** Telnyx access (default: unconfigured, or the sandbox's with `sandbox`). */
  telnyx?: TelnyxAccess;
}
export interface ServerHarnessOptions extends HarnessOptions {
  /** Starts the HTTP server; its options override the harness defaults (silent log, no web assets). */
  server: true | Partial<Omit<ServerOptions, "db">>;
}
export interface SandboxHarnessOptions extends ServerHarnessOptions {
  /** Starts the Telnyx sandbox (timeScale default 0 = as fast as possible). */
  sandbox: true | { timeScale?: number; seed?: number };
  /** Route the demo numbers to the seeded Sales queue, as the app does (default: no route). */
  routing?: boolean;
}

export interface LiveSocketOptions {
  batched?: boolean;
}

export interface LiveEvent {
  event: string;
  payload: Record<string, unknown>;
}

// Seeding hashes passwords with argon2: reuse one hash so every test file does not pay for it.
let cachedHash: Promise<string> | undefined;
const fastHash = (plain: string) => (cachedHash ??= hashPassword(plain));

export async function setupTestApi(options: SandboxHarnessOptions): Promise<SandboxTestServer>;
export async function setupTestApi(options: ServerHarnessOptions): Promise<TestServer>;
export async function setupTestApi(options?: HarnessOptions): Promise<TestApi>;
export async function setupTestApi(
  options: Partial<SandboxHarnessOptions> = {},
): Promise<TestApi | TestServer | SandboxTestServer> {
  const encryptionKey =
    options.encryptionKey === null ? null : (options.encryptionKey ?? randomBytes(32).toString("base64"));
  const secretBox = encryptionKey === null ? null : createSecretBox(encryptionKey);
  const sandboxOptions = options.sandbox === true ? {} : options.sandbox;
  const keyPair = generateSandboxKeyPair();
  const signingKey = generateTestSigningKeyPair();
  const sandbox = sandboxOptions
    ? await startSandbox({
        port: 0,
        timeScale: sandboxOptions.timeScale ?? 0,
        apiKey: SANDBOX_API_KEY,
        keyPair,
        seed: sandboxOptions.seed,
      })
    : undefined;
  let telnyx = options.telnyx ?? createUnconfiguredAccess();
  if (sandbox && !options.telnyx) {
    const testKeys = [sandbox.publicKey, signingKey.publicKeyBase64];
    telnyx = {
      ...createSandboxAccess(sandbox),
      installationPublicKeys: () => testKeys,
      webhookKeysFor: async () => testKeys,
    };
  }

  const db = await createTestDb();
  const demo = await seedDemo(db, {
    hashPassword: fastHash,
    hashToken,
    ...(options.server ? { apiToken: DEMO_ADMIN_TOKEN } : {}),
  });
  const other = await seedSecondOrg(db, { hashPassword: fastHash, hashToken });
  // Tests of inbound routing opt in to the demo numbers' route to the Sales queue; the others keep the legacy ringing.
  if (sandbox) await seedDemoTelnyx(db, demo.organization.id, { routeToQueue: options.routing ? undefined : null });

  const dataDir = await mkdtemp(path.join(tmpdir(), "tcrm-test-"));
  let deps: ApiDeps = {
    db,
    config: {
      sessionTtlHours: 1,
      secureCookies: false,
      recordingsDir: path.join(dataDir, "recordings"),
      publicUrl: () => "https://crm.example.com",
    },
    loginLimiter: createLoginLimiter(),
    telnyx,
    webhookEndpoints: createWebhookEndpoints(db),
    secretBox,
    background: createBackgroundTasks(),
  };
  deps.telnyx = withOrganizationKeys(telnyx, { db, secretBox });

  const as = (user: { id: string }, role: Role, organizationId = demo.organization.id, callerDeps = deps): Caller =>
    createCaller(
      createContextInner({ deps: callerDeps, auth: { userId: user.id, organizationId, role, via: "session" } }),
    );
  const closers: Array<() => Promise<unknown>> = [];

  const api = {
    db,
    get deps() {
      return deps;
    },
    demo,
    other,
    /** A caller for any user (default in the demo organization); `callerDeps` replaces the dependencies. */
    as,
    anonymous: (cookies = createMemoryCookieJar()) => createCaller(createContextInner({ deps, auth: null, cookies })),
    asDemoAdmin: () => as(demo.users.admin, "ADMIN"),
    asDemoSupervisor: () => as(demo.users.supervisor, "SUPERVISOR"),
    asDemoAgent: () => as(demo.users.agent1, "AGENT"),
    asOtherAdmin: () => as(other.users.admin, "ADMIN", other.organization.id),
    asOtherAgent: () => as(other.users.agent, "AGENT", other.organization.id),
    /** Polls the call row until `check` returns something other than false (webhooks are asynchronous). */
    async waitForCall<T>(
      id: string,
      check: (call: TelnyxCall) => T | false | Promise<T | false>,
      timeoutMs = 30_000,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const call = await db.prisma.telnyxCall.findUnique({ where: { id } });
        const result = call ? await check(call) : false;
        if (result !== false) return result;
        if (Date.now() > deadline)
          throw new Error(`call ${id} never reached the expected state; last: ${JSON.stringify(call)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      for (const close of closers.reverse()) await close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  if (!options.server) return api;

  const server = await buildServer({
    db,
    telnyx,
    logLevel: "silent",
    webDistDir: "/nonexistent",
    dataDir,
    ...(encryptionKey ? { encryptionKey } : {}),
    ...(options.server === true ? {} : options.server),
  });
  deps = server.deps;
  closers.push(() => server.app.close());
  const url = await listenOnFreePort(server.app);
  const sockets: Socket[] = [];
  closers.push(async () => {
    for (const socket of sockets) socket.close();
  });
  let tokens = 0;

  /**
   * A socket (default: the demo admin's); `onConnect` sees it before it is ready (to record from the start).
   * `batched`: opted in to coalesced delivery, as the web app and @app/client are.
   */
  function openSocket(
    token: string = DEMO_ADMIN_TOKEN,
    onConnect?: (socket: Socket) => void,
    options: LiveSocketOptions = {},
  ): Promise<Socket> {
    const socket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: options.batched ? { token, ...BATCH_FRAMES_AUTH } : { token },
    });
    sockets.push(socket);
    onConnect?.(socket);
    return new Promise((resolve, reject) => {
      socket.once("ready", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  }

  const withServer = Object.assign(api, {
    server,
    url,
    /** A Bearer token for the user (REST, recordings, sockets). */
    async tokenFor(user: { id: string }, role: Role, organizationId = demo.organization.id): Promise<string> {
      const token = `tok_harness_${process.pid}_${++tokens}_0123456789abcdef`;
      await db.prisma.apiToken.create({
        data: {
          organizationId,
          userId: user.id,
          name: "test",
          tokenHash: hashToken(token),
          prefix: token.slice(0, 8),
          role,
        },
      });
      return token;
    },
    openSocket,
    /**
     * A socket (default: the demo admin's) recording every live event, a batch's one by one; `next` resolves with the
     * first match.
     */
    async recordLiveEvents(token: string = DEMO_ADMIN_TOKEN, options: LiveSocketOptions = {}) {
      const events: LiveEvent[] = [];
      const waiters = new Set<(event: LiveEvent) => void>();
      const push = (event: string, payload: unknown) => {
        const live = { event, payload: payload as Record<string, unknown> };
        events.push(live);
        for (const waiter of [...waiters]) waiter(live);
      };
      const socket = await openSocket(
        token,
        (opened) =>
          opened.onAny((event: string, payload: unknown) =>
            event === BATCH_EVENT ? unpackBatch(payload, push) : push(event, payload),
          ),
        options,
      );
      const next = (match: (event: LiveEvent) => boolean): Promise<LiveEvent> => {
        const seen = events.find(match);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve) => {
          const waiter = (event: LiveEvent) => {
            if (!match(event)) return;
            waiters.delete(waiter);
            resolve(event);
          };
          waiters.add(waiter);
        });
      };
      return { events, socket, next };
    },
  });
  if (!sandbox) return withServer;

  closers.push(() =>
    // A request the client gave up on (the fault tests) can keep the sandbox's server open until its keep-alive
    // timeout; nothing is left to observe by then.
    Promise.race([sandbox.close(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]),
  );
  await restoreSandboxWorld(db, sandbox, url);
  const connections = await db.prisma.telnyxConnection.findMany({ where: { organizationId: demo.organization.id } });
  const hooks = sandbox.world.webhooks;

  return Object.assign(withServer, {
    sandbox,
    keyPair,
    /** The sandbox's own access (no organization keys, the test signing key accepted). */
    telnyx,
    expected: webhookUrls(url, demo.organization.webhookToken),
    /** The demo organization's Call Control application and messaging profile rows. */
    app: connections.find((c) => c.kind === "CALL_CONTROL_APPLICATION")!,
    profile: connections.find((c) => c.kind === "MESSAGING_PROFILE")!,
    gateway: () => deps.telnyx.gatewayFor(demo.organization.id),
    /** Resolves with the next delivery (or final failure) of an event type; listen BEFORE triggering it. */
    nextDelivery(eventType: string): Promise<WebhookDelivery> {
      return new Promise((resolve) => {
        const onDone = (delivery: WebhookDelivery) => {
          if (delivery.event_type !== eventType) return;
          hooks.off("delivered", onDone);
          hooks.off("failed", onDone);
          resolve(delivery);
        };
        hooks.on("delivered", onDone);
        hooks.on("failed", onDone);
      });
    },
    /** Resolves once the sandbox has delivered (2xx) a matching webhook, then lets the inbox drain. */
    async delivered(match: (delivery: WebhookDelivery) => boolean): Promise<WebhookDelivery> {
      const found =
        hooks.log.find((d) => d.status === "delivered" && match(d)) ??
        (await new Promise<WebhookDelivery>((resolve) => {
          const onDelivered = (delivery: WebhookDelivery) => {
            if (!match(delivery)) return;
            hooks.off("delivered", onDelivered);
            resolve(delivery);
          };
          hooks.on("delivered", onDelivered);
        }));
      await server.webhooks.drain();
      return found;
    },
    /** A webhook signed with the test key, posted like Telnyx does (to the demo organization's endpoint). */
    postSignedWebhook(body: unknown, kind: "messages" | "calls" = "messages"): Promise<Response> {
      const raw = JSON.stringify(body);
      return fetch(`${url}/api/telnyx/webhooks/o/${demo.organization.webhookToken}/${kind}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signWebhook(raw, signingKey.privateKey) },
        body: raw,
      });
    },
    /** The sandbox's control API (/sandbox/…): GET without a body, POST with one. */
    control: (controlPath: string, body?: unknown) =>
      fetch(
        `${sandbox.origin}/sandbox/${controlPath}`,
        body === undefined
          ? {}
          : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      ),
  });
}

export type TestApi = {
  db: Awaited<ReturnType<typeof createTestDb>>;
  readonly deps: ApiDeps;
  demo: Awaited<ReturnType<typeof seedDemo>>;
  other: Awaited<ReturnType<typeof seedSecondOrg>>;
  as(user: { id: string }, role: Role, organizationId?: string, callerDeps?: ApiDeps): Caller;
  anonymous(cookies?: ReturnType<typeof createMemoryCookieJar>): Caller;
  asDemoAdmin(): Caller;
  asDemoSupervisor(): Caller;
  asDemoAgent(): Caller;
  asOtherAdmin(): Caller;
  asOtherAgent(): Caller;
  waitForCall<T>(
    id: string,
    check: (call: TelnyxCall) => T | false | Promise<T | false>,
    timeoutMs?: number,
  ): Promise<T>;
  close(): Promise<void>;
};
export type TestServer = TestApi & {
  server: ApiServer;
  url: string;
  tokenFor(user: { id: string }, role: Role, organizationId?: string): Promise<string>;
  openSocket(token?: string, onConnect?: (socket: Socket) => void, options?: LiveSocketOptions): Promise<Socket>;
  recordLiveEvents(
    token?: string,
    options?: LiveSocketOptions,
  ): Promise<{ events: LiveEvent[]; socket: Socket; next(match: (event: LiveEvent) => boolean): Promise<LiveEvent> }>;
};
export type SandboxTestServer = TestServer & {
  sandbox: Sandbox;
  keyPair: SandboxKeyPair;
  telnyx: TelnyxAccess;
  expected: ReturnType<typeof webhookUrls>;
  app: TelnyxConnection;
  profile: TelnyxConnection;
  gateway(): ReturnType<TelnyxAccess["gatewayFor"]>;
  nextDelivery(eventType: string): Promise<WebhookDelivery>;
  delivered(match: (delivery: WebhookDelivery) => boolean): Promise<WebhookDelivery>;
  postSignedWebhook(body: unknown, kind?: "messages" | "calls"): Promise<Response>;
  control(controlPath: string, body?: unknown): Promise<Response>;
};
export type LiveEvents = Awaited<ReturnType<TestServer["recordLiveEvents"]>>;
