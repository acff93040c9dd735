/**
 * Messaging test environment: the real API server on an ephemeral port, the Telnyx sandbox reached
 * through the real gateway, its signed webhooks flowing back into the server, a socket.io client.
 * Also accepts webhooks signed with a test key, to replay late or duplicate events by hand.
 */
import { io as connect, type Socket } from "socket.io-client";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { DEMO_PASSWORD, seedDemo, type DemoSeed } from "@app/db/seed";
import type { Role } from "@app/db/client";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import type { WebhookDelivery } from "@app/telnyx-sandbox/webhooks/dispatcher";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { buildServer, type ApiServer } from "../src/server";
import { restoreSandboxWorld, SANDBOX_API_KEY, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createSandboxAccess, type TelnyxAccess } from "../src/telnyx/telnyx-access";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner, type ApiDeps } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";

const createCaller = createCallerFactory(appRouter);
export const API_TOKEN = "tok_messages_test_token_0123456789";

export interface LiveEvent {
  event: string;
  payload: Record<string, unknown>;
}

export async function startMessagingEnv() {
  const signingKey = generateTestSigningKeyPair();
  const sandbox: Sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: SANDBOX_API_KEY });
  const db: TestDb = await createTestDb();
  const hash = await hashPassword(DEMO_PASSWORD);
  const demo: DemoSeed = await seedDemo(db, { hashPassword: async () => hash, hashToken, apiToken: API_TOKEN });
  await seedDemoTelnyx(db, demo.organization.id);
  const sandboxAccess = createSandboxAccess(sandbox);
  const testKeys = [sandbox.publicKey, signingKey.publicKeyBase64];
  const telnyx: TelnyxAccess = {
    ...sandboxAccess,
    installationPublicKeys: () => testKeys,
    webhookKeysFor: async () => testKeys,
  };
  const server: ApiServer = await buildServer({ db, telnyx, logLevel: "silent", webDistDir: "/nonexistent" });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  await restoreSandboxWorld(db, sandbox, url);

  const socket: Socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: { token: API_TOKEN },
  });
  const events: LiveEvent[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => events.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once("ready", () => resolve());
    socket.once("connect_error", reject);
  });

  const as = (user: { id: string }, role: Role, deps: ApiDeps = server.deps) =>
    createCaller(
      createContextInner({
        deps,
        auth: { userId: user.id, organizationId: demo.organization.id, role, via: "session" },
      }),
    );

  /** Resolves once the sandbox has delivered (2xx) a matching webhook, then lets the inbox drain. */
  async function delivered(match: (delivery: WebhookDelivery) => boolean): Promise<WebhookDelivery> {
    const hooks = sandbox.world.webhooks;
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
  }

  /** Resolves with the first live event (already received or coming) that matches. */
  function liveEvent(match: (event: LiveEvent) => boolean): Promise<LiveEvent> {
    const seen = events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const onEvent = (event: string, payload: Record<string, unknown>) => {
        if (!match({ event, payload })) return;
        socket.offAny(onEvent);
        resolve({ event, payload });
      };
      socket.onAny(onEvent);
    });
  }

  /** A webhook signed with the test key, posted like Telnyx does (to the organization's endpoint). */
  async function postSignedWebhook(body: unknown): Promise<Response> {
    const raw = JSON.stringify(body);
    return fetch(`${url}/api/telnyx/webhooks/o/${demo.organization.webhookToken}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signWebhook(raw, signingKey.privateKey) },
      body: raw,
    });
  }

  const control = (path: string, body?: unknown) =>
    fetch(
      `${sandbox.origin}/sandbox/${path}`,
      body === undefined
        ? {}
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );

  return {
    db,
    demo,
    sandbox,
    server,
    url,
    events,
    sandboxAccess,
    asAgent: (deps?: ApiDeps) => as(demo.users.agent1, "AGENT", deps),
    asSupervisor: () => as(demo.users.supervisor, "SUPERVISOR"),
    delivered,
    liveEvent,
    postSignedWebhook,
    control,
    async close() {
      socket.close();
      await server.app.close();
      // A request the client gave up on (the fault tests) can keep the sandbox's server open until its
      // keep-alive timeout; nothing is left to observe by then.
      await Promise.race([sandbox.close(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      await db.drop();
    },
  };
}
export type MessagingEnv = Awaited<ReturnType<typeof startMessagingEnv>>;
