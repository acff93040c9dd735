/**
 * The API on a real HTTP port with the Telnyx sandbox behind the real gateway, so webhooks
 * (number_order.complete, ...) come back over HTTP, signed, into the inbox. Seeds both
 * organizations and the demo organization's application, messaging profile and two numbers.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDb } from "@app/db/test-db";
import { seedDemo, seedSecondOrg } from "@app/db/seed";
import type { Role } from "@app/db/client";
import type { ServerEventPayload } from "@app/telnyx-core/realtime/events";
import { startSandbox } from "@app/telnyx-sandbox/server";
import type { WebhookDelivery } from "@app/telnyx-sandbox/webhooks/dispatcher";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { buildServer } from "../src/server";
import { restoreSandboxWorld, SANDBOX_API_KEY, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { webhookUrls } from "../src/telnyx/webhook-urls";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner, type ApiDeps } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";

export const ADMIN_API_TOKEN = "tok_numbers_test_admin_token_0123456789";
const createCaller = createCallerFactory(appRouter);

let cachedHash: Promise<string> | undefined;
const fastHash = (plain: string) => (cachedHash ??= hashPassword(plain));

export async function startSandboxApi() {
  const db = await createTestDb();
  const demo = await seedDemo(db, { hashPassword: fastHash, hashToken, apiToken: ADMIN_API_TOKEN });
  const other = await seedSecondOrg(db, { hashPassword: fastHash, hashToken });
  const sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: SANDBOX_API_KEY });
  const telnyx = createSandboxAccess(sandbox);
  const server = await buildServer({
    db,
    telnyx,
    logLevel: "silent",
    webDistDir: "/nonexistent",
    dataDir: path.join(tmpdir(), `tcrm-numbers-${process.pid}`),
  });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  await seedDemoTelnyx(db, demo.organization.id);
  await restoreSandboxWorld(db, sandbox, url);
  const connections = await db.prisma.telnyxConnection.findMany({ where: { organizationId: demo.organization.id } });
  const app = connections.find((c) => c.kind === "CALL_CONTROL_APPLICATION")!;
  const profile = connections.find((c) => c.kind === "MESSAGING_PROFILE")!;

  const callerFor = (user: { id: string }, organizationId: string, role: Role, deps: ApiDeps = server.deps) =>
    createCaller(createContextInner({ deps, auth: { userId: user.id, organizationId, role, via: "session" } }));

  /** Resolves with the next delivery (or final failure) of an event type; listen BEFORE triggering it. */
  function nextDelivery(eventType: string): Promise<WebhookDelivery> {
    return new Promise((resolve) => {
      const onDone = (delivery: WebhookDelivery) => {
        if (delivery.event_type !== eventType) return;
        sandbox.world.webhooks.off("delivered", onDone);
        sandbox.world.webhooks.off("failed", onDone);
        resolve(delivery);
      };
      sandbox.world.webhooks.on("delivered", onDone);
      sandbox.world.webhooks.on("failed", onDone);
    });
  }

  /** A socket logged in as the demo admin (API token), recording every number:updated it receives. */
  async function watchNumbers(): Promise<{ events: Array<ServerEventPayload<"number:updated">>; socket: Socket }> {
    const socket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: { token: ADMIN_API_TOKEN },
    });
    const events: Array<ServerEventPayload<"number:updated">> = [];
    socket.on("number:updated", (payload: ServerEventPayload<"number:updated">) => events.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.on("ready", () => resolve());
      socket.on("connect_error", reject);
    });
    return { events, socket };
  }

  return {
    db,
    demo,
    other,
    sandbox,
    telnyx,
    server,
    url,
    expected: webhookUrls(url, demo.organization.webhookToken),
    app,
    profile,
    callerFor,
    nextDelivery,
    watchNumbers,
    asAdmin: () => callerFor(demo.users.admin, demo.organization.id, "ADMIN"),
    asSupervisor: () => callerFor(demo.users.supervisor, demo.organization.id, "SUPERVISOR"),
    asAgent: () => callerFor(demo.users.agent1, demo.organization.id, "AGENT"),
    asOtherAdmin: () => callerFor(other.users.admin, other.organization.id, "ADMIN"),
    gateway: () => telnyx.gatewayFor(demo.organization.id),
    async close() {
      await server.app.close();
      await sandbox.close();
      await db.drop();
    },
  };
}
export type SandboxApi = Awaited<ReturnType<typeof startSandboxApi>>;
