/** Gateway tests: a Telnyx sandbox with a messaging profile and one owned number, plus control-API helpers. */
import { createServer } from "node:net";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { createTelnyxGateway, type TelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";

export const SANDBOX_API_KEY = "KEY_SANDBOX_GATEWAY_TEST_0123456789";
export const SANDBOX_FROM = "+13125550141";

export type FaultKind = "429" | "500" | "503" | "slow" | "timeout";

export interface GatewaySandbox {
  sandbox: Sandbox;
  gateway: TelnyxGateway;
  addFault(fault: {
    path: string;
    method?: string;
    kind: FaultKind;
    count?: number;
    retry_after?: number;
    delay_ms?: number;
  }): Promise<void>;
  /** Attempts that reached the sandbox for faults on `path` (then clears all faults). */
  faultHits(path: string): Promise<number>;
  requestsTo(method: string, path: string): Array<{ status: number }>;
  messagesWithText(text: string): unknown[];
}

export async function startGatewaySandbox(): Promise<GatewaySandbox> {
  const sandbox = await startSandbox({ port: 0, apiKey: SANDBOX_API_KEY, timeScale: 0, seed: 7 });
  const gateway = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: sandbox.baseUrl, timeoutMs: 5000 });
  const profile = await gateway.createMessagingProfile({ name: "Gateway test", whitelistedDestinations: ["US", "CA"] });
  sandbox.world.provisionNumber({
    phoneNumber: SANDBOX_FROM,
    messagingProfileId: profile.id,
    features: ["sms", "voice"],
  });
  const control = `${sandbox.origin}/sandbox/faults`;

  return {
    sandbox,
    gateway,
    async addFault(fault) {
      const response = await fetch(control, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fault),
      });
      if (!response.ok) throw new Error(`sandbox refused the fault: ${response.status}`);
    },
    async faultHits(path) {
      const body = (await (await fetch(control)).json()) as { data: Array<{ path: string; hits: number }> };
      await fetch(control, { method: "DELETE" });
      return body.data.filter((fault) => fault.path === path).reduce((sum, fault) => sum + fault.hits, 0);
    },
    requestsTo: (method, path) =>
      sandbox.world.faults.requests.filter((entry) => entry.method === method && entry.path === path),
    messagesWithText: (text) =>
      [...sandbox.world.messaging.messages.values()].filter((message) => (message as { text?: string }).text === text),
  };
}

export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
