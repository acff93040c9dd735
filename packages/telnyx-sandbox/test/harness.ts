import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Telnyx from "telnyx";
import { startSandbox, type Sandbox } from "../src/server.js";

export const API_KEY = "KEY_test_sandbox";

export interface ReceivedEvent {
  id: string;
  eventType: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  attempt: number;
  rawBody: string;
  path: string;
  receivedAt: number;
}

/** A local webhook receiver that verifies every delivery with the SDK's `webhooks.unwrap`. */
export class WebhookReceiver {
  readonly events: ReceivedEvent[] = [];
  readonly verificationErrors: unknown[] = [];
  /** Status to answer per path (default 200). */
  statusFor: (path: string) => number = () => 200;
  private server!: Server;
  url = "";
  private waiters: Array<() => void> = [];

  constructor(
    private readonly client: Telnyx,
    private readonly publicKey: string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then((status) => res.writeHead(status).end()));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    const status = this.statusFor(path);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    try {
      const event = (await this.client.webhooks.unwrap(rawBody, { headers, key: this.publicKey })) as unknown as {
        data: { id: string; event_type: string; occurred_at: string; payload: Record<string, unknown> };
        meta?: { attempt: number };
      };
      if (headers["user-agent"] !== "telnyx-webhooks") throw new Error(`bad user-agent ${headers["user-agent"]}`);
      if (status >= 200 && status < 300) {
        this.events.push({
          id: event.data.id,
          eventType: event.data.event_type,
          occurredAt: event.data.occurred_at,
          payload: event.data.payload,
          attempt: event.meta?.attempt ?? 0,
          rawBody,
          path,
          receivedAt: Date.now(),
        });
      }
    } catch (error) {
      this.verificationErrors.push(error);
    }
    for (const wake of this.waiters.splice(0)) wake();
    return status;
  }

  /** Resolves with the first matching event (already received or future). */
  async waitFor(predicate: (e: ReceivedEvent) => boolean, timeoutMs = 20_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`Timed out waiting for webhook; got: ${this.events.map((e) => e.eventType).join(", ")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  forCall(ccid: string): ReceivedEvent[] {
    return this.events.filter((e) => e.payload["call_control_id"] === ccid);
  }
}

export interface Harness {
  sandbox: Sandbox;
  client: Telnyx;
  hooks: WebhookReceiver;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the control API's answers field by field, as JSON.
  control(path: string, body?: unknown, method?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startHarness(options: { timeScale?: number; seed?: number } = {}): Promise<Harness> {
  const sandbox = await startSandbox({
    port: 0,
    timeScale: options.timeScale ?? 0,
    seed: options.seed ?? 42,
    apiKey: API_KEY,
  });
  const client = new Telnyx({ apiKey: API_KEY, baseURL: sandbox.baseUrl, maxRetries: 0 });
  const hooks = new WebhookReceiver(client, sandbox.publicKey);
  await hooks.start();
  return {
    sandbox,
    client,
    hooks,
    async control(path, body, method = body === undefined ? "GET" : "POST") {
      const res = await fetch(`${sandbox.origin}/sandbox${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`control ${path} → ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async close() {
      await sandbox.close();
      await hooks.stop();
    },
  };
}
