/**
 * Calls integration set-up: the real HTTP server on an ephemeral port, the Telnyx sandbox reached
 * through the real gateway and sending signed webhooks to that server, the demo organization's
 * Telnyx resources provisioned in both, and callers bound to the server's own dependencies.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { generateSandboxKeyPair, type SandboxKeyPair } from "@app/telnyx-sandbox/webhooks/signer";
import type { Role, TelnyxCall } from "@app/db/client";
import { hashToken } from "../src/auth/tokens";
import { buildServer, type ApiServer } from "../src/server";
import { restoreSandboxWorld, SANDBOX_API_KEY, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { appRouter } from "../src/trpc/app-router";
import { createContextInner } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";
import { setupTestApi, type TestApi } from "./harness";

const createCaller = createCallerFactory(appRouter);

export interface CallsTestEnv {
  api: TestApi;
  sandbox: Sandbox;
  keyPair: SandboxKeyPair;
  server: ApiServer;
  url: string;
  as(user: { id: string }, role: Role, organizationId?: string): ReturnType<typeof createCaller>;
  /** A Bearer token for the user (REST, recordings, sockets). */
  tokenFor(user: { id: string }, role: Role, organizationId?: string): Promise<string>;
  openSocket(token: string): Promise<Socket>;
  /** Polls the call row until `check` returns something other than false (webhooks are asynchronous). */
  waitForCall<T>(
    id: string,
    check: (call: TelnyxCall) => T | false | Promise<T | false>,
    timeoutMs?: number,
  ): Promise<T>;
  close(): Promise<void>;
}

export async function setupCallsTest(options: { timeScale?: number } = {}): Promise<CallsTestEnv> {
  const keyPair = generateSandboxKeyPair();
  const sandbox = await startSandbox({
    port: 0,
    timeScale: options.timeScale ?? 0.05,
    apiKey: SANDBOX_API_KEY,
    keyPair,
    seed: 42,
  });
  const telnyx = createSandboxAccess(sandbox);
  const api = await setupTestApi({ telnyx });
  await seedDemoTelnyx(api.db, api.demo.organization.id);
  const dataDir = await mkdtemp(path.join(tmpdir(), "tcrm-calls-"));
  const server = await buildServer({ db: api.db, telnyx, logLevel: "silent", webDistDir: "/nonexistent", dataDir });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  await restoreSandboxWorld(api.db, sandbox, url);
  const sockets: Socket[] = [];
  let tokens = 0;

  const env: CallsTestEnv = {
    api,
    sandbox,
    keyPair,
    server,
    url,
    as: (user, role, organizationId = api.demo.organization.id) =>
      createCaller(
        createContextInner({ deps: server.deps, auth: { userId: user.id, organizationId, role, via: "session" } }),
      ),
    async tokenFor(user, role, organizationId = api.demo.organization.id) {
      const token = `tok_calls_test_${process.pid}_${++tokens}_0123456789abcdef`;
      await api.db.prisma.apiToken.create({
        data: {
          organizationId,
          userId: user.id,
          name: "calls test",
          tokenHash: hashToken(token),
          prefix: token.slice(0, 8),
          role,
        },
      });
      return token;
    },
    openSocket(token) {
      const socket = connect(url, {
        path: "/socket.io",
        transports: ["websocket"],
        reconnection: false,
        auth: { token },
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.on("ready", () => resolve(socket));
        socket.on("connect_error", reject);
      });
    },
    async waitForCall(id, check, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last: unknown;
      for (;;) {
        const call = await api.db.prisma.telnyxCall.findUnique({ where: { id } });
        last = call;
        const result = call ? await check(call) : false;
        if (result !== false) return result;
        if (Date.now() > deadline)
          throw new Error(`call ${id} never reached the expected state; last: ${JSON.stringify(last)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      for (const socket of sockets) socket.close();
      await server.app.close();
      await sandbox.close();
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return env;
}
