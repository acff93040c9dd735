import { randomUUID } from "node:crypto";
import WebSocket from "ws";

// biome-ignore lint/suspicious/noExplicitAny: tests read Verto frames field by field, as JSON.
export type Frame = Record<string, any>;

/**
 * A minimal Verto client speaking the frames `@telnyx/webrtc` sends (telnyx_rtc.* methods, dialogParams.callID,
 * acknowledgements `{ id, result: { method } }`), so the gateway is tested without a browser.
 */
export class VertoTestClient {
  readonly frames: Frame[] = [];
  private readonly ws: WebSocket;
  private waiters: Array<() => void> = [];
  /** Resolves when the server closes the socket. */
  readonly closed: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.closed = new Promise((resolve) => this.ws.once("close", () => resolve()));
    this.ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      // The SDK acknowledges every request the gateway sends it.
      if (frame["method"] && frame["id"] !== undefined && frame["method"] !== "telnyx_rtc.ping")
        this.ws.send(JSON.stringify({ jsonrpc: "2.0", id: frame["id"], result: { method: frame["method"] } }));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
    });
  }

  /** Sends a request and resolves with its response frame (result or error). */
  async call(method: string, params: Frame): Promise<Frame> {
    const id = randomUUID();
    this.ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    return this.waitFor((f) => f["id"] === id && !f["method"]);
  }

  /** With `sessid` (and `reconnection`), as the SDK logs in again after its socket dropped. */
  login(token: string, sessid?: string): Promise<Frame> {
    return this.call("login", {
      ...(sessid ? { sessid } : {}),
      login: undefined,
      passwd: undefined,
      login_token: token,
      userVariables: {},
      reconnection: sessid !== undefined,
      loginParams: { early_sdp_answer: false },
      "User-Agent": { sdkVersion: "test", data: "node" },
    });
  }

  async waitFor(predicate: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out; frames: ${this.frames.map((f) => f["method"] ?? "reply").join(", ")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitMethod(method: string, timeoutMs?: number): Promise<Frame> {
    return this.waitFor((f) => f["method"] === method, timeoutMs);
  }

  close(): void {
    this.ws.close();
  }

  /** The network drops: no close handshake. */
  drop(): void {
    this.ws.terminate();
  }
}

export async function waitUntil(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
