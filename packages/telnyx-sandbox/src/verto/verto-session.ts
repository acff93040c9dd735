import { randomUUID } from "node:crypto";
import type { WebSocket } from "ws";
import type { LoginIdentity } from "../world/credentials.js";
import type { VertoGateway } from "./verto-gateway.js";
import { type RpcFrame, RpcError, type RpcId, type RpcRequest, parseFrame, VertoMethod } from "./rpc.js";

/** Telnyx's gateway pings every 30 s and drops a socket silent for 60 s (the SDK's own comments say so). */
export const PING_INTERVAL_MS = 30_000;
const SILENCE_LIMIT_MS = 60_000;

/** One WebSocket client of the gateway: login, keep-alive, and the call messages handed to the gateway. */
export class VertoSession {
  /** Kept across a reconnect: a login naming a detached session's sessid takes its calls back. */
  sessid: string = randomUUID();
  identity: LoginIdentity | null = null;
  private lastInboundAt = Date.now();
  private serno = 0;
  private readonly keepAlive: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: WebSocket,
    private readonly gateway: VertoGateway,
  ) {
    socket.on("message", (data) => this.onText(data.toString()));
    socket.on("close", () => {
      clearInterval(this.keepAlive);
      gateway.onSessionClosed(this);
    });
    socket.on("error", () => socket.terminate());
    this.keepAlive = setInterval(() => this.tick(), PING_INTERVAL_MS);
    this.keepAlive.unref();
  }

  get sipUsername(): string | null {
    return this.identity?.credential.sip_username ?? null;
  }

  /** A request from the gateway to the client (the SDK acknowledges with `{ id, result: { method } }`). */
  request(method: string, params: Record<string, unknown>): void {
    this.write({ jsonrpc: "2.0", id: randomUUID(), method, params });
  }

  reply(id: RpcId | undefined, result: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    if (id !== undefined) this.write({ jsonrpc: "2.0", id, result, ...extra });
  }

  fail(id: RpcId | undefined, error: { code: number; message: string }): void {
    if (id !== undefined) this.write({ jsonrpc: "2.0", id, error });
  }

  /** `graceful`: frames already sent (a punt) reach the client before the socket closes. */
  close(graceful = false): void {
    clearInterval(this.keepAlive);
    if (graceful) this.socket.close(1000, "revoked");
    else this.socket.terminate();
  }

  private write(frame: RpcFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private tick(): void {
    if (Date.now() - this.lastInboundAt > SILENCE_LIMIT_MS) {
      this.close();
      return;
    }
    this.serno += 1;
    this.request(VertoMethod.Ping, { serno: this.serno });
  }

  private onText(text: string): void {
    this.lastInboundAt = Date.now();
    const frame = parseFrame(text);
    if (!frame) {
      this.write({ jsonrpc: "2.0", id: 0, error: RpcError.ParseError });
      return;
    }
    // Acknowledgements of our own requests (invite, bye, ping…): nothing waits on them.
    if (!("method" in frame)) return;
    void this.onRequest(frame).catch(() => this.fail(frame.id, RpcError.InvalidParams));
  }

  private async onRequest(req: RpcRequest): Promise<void> {
    if (req.method === VertoMethod.Login) return this.login(req);
    if (req.method === VertoMethod.Ping) return this.reply(req.id, { method: VertoMethod.Ping });
    if (!this.identity) return this.fail(req.id, RpcError.AuthRequired);
    switch (req.method) {
      case VertoMethod.GatewayState:
        return this.reply(req.id, { params: { state: "REGED" }, sessid: this.sessid });
      case VertoMethod.Invite:
      case VertoMethod.Attach:
      case VertoMethod.Answer:
      case VertoMethod.Bye:
      case VertoMethod.Modify:
      case VertoMethod.Info:
        return this.gateway.onCallRequest(this, req);
      case VertoMethod.Candidate:
      case VertoMethod.EndOfCandidates:
        // Complete SDP is what we negotiate with; trickled candidates are acknowledged and not needed.
        return this.reply(req.id, { method: req.method });
      default:
        return this.fail(req.id, RpcError.MethodNotFound);
    }
  }

  private login(req: RpcRequest): void {
    const token = req.params["login_token"];
    const identity = typeof token === "string" && token !== "" ? this.gateway.verifyToken(token) : null;
    if (!identity) {
      this.fail(req.id, RpcError.AuthFailed);
      return;
    }
    this.identity = identity;
    const previous = req.params["sessid"];
    const reattached = typeof previous === "string" && previous !== "" ? this.gateway.reattach(this, previous) : [];
    // voice_sdk_id (top level) is the SDK's reconnect token: with it, a reconnect logs in again with this sessid.
    this.reply(req.id, { message: "logged in", sessid: this.sessid }, { voice_sdk_id: this.sessid });
    this.gateway.register(this);
    this.request(VertoMethod.ClientReady, { reattached_sessions: reattached });
    this.gateway.resumeMedia(this);
  }
}
