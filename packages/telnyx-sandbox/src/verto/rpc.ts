/**
 * The JSON-RPC 2.0 frames of Telnyx's Verto dialect, as the official `@telnyx/webrtc` SDK sends and reads them
 * (docs/telnyx-facts.md, "WebRTC gateway"). Methods carry the `telnyx_rtc.` prefix; login is plain `login`.
 */
export const VertoMethod = {
  Login: "login",
  Invite: "telnyx_rtc.invite",
  Answer: "telnyx_rtc.answer",
  Attach: "telnyx_rtc.attach",
  Bye: "telnyx_rtc.bye",
  Modify: "telnyx_rtc.modify",
  Info: "telnyx_rtc.info",
  Ringing: "telnyx_rtc.ringing",
  Candidate: "telnyx_rtc.candidate",
  EndOfCandidates: "telnyx_rtc.endOfCandidates",
  Ping: "telnyx_rtc.ping",
  GatewayState: "telnyx_rtc.gatewayState",
  ClientReady: "telnyx_rtc.clientReady",
  Punt: "telnyx_rtc.punt",
} as const;

/** mod_verto's codes (the SDK re-logs in on -32000). */
export const RpcError = {
  AuthRequired: { code: -32000, message: "Authentication Required" },
  AuthFailed: { code: -32001, message: "Authentication Failure" },
  CallDoesNotExist: { code: -32002, message: "CALL DOES NOT EXIST" },
  InvalidParams: { code: -32602, message: "Invalid params" },
  MethodNotFound: { code: -32601, message: "Method not found" },
  ParseError: { code: -32700, message: "Parse error" },
} as const;

export type RpcId = string | number;

export interface RpcRequest {
  jsonrpc: "2.0";
  id?: RpcId;
  method: string;
  params: Record<string, unknown>;
}

export interface RpcResponse {
  jsonrpc: "2.0";
  id: RpcId;
  voice_sdk_id?: unknown;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

export type RpcFrame = RpcRequest | RpcResponse;

/** A frame we can act on, or null for anything that is not a JSON-RPC object. */
export function parseFrame(text: string): RpcFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const frame = value as Record<string, unknown>;
  if (typeof frame["method"] === "string") {
    const params = frame["params"];
    return {
      jsonrpc: "2.0",
      id: isRpcId(frame["id"]) ? frame["id"] : undefined,
      method: frame["method"],
      params: params && typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : {},
    };
  }
  if (isRpcId(frame["id"]) && ("result" in frame || "error" in frame)) return frame as unknown as RpcResponse;
  return null;
}

function isRpcId(value: unknown): value is RpcId {
  return typeof value === "string" || typeof value === "number";
}

/** dialogParams.callID, where the SDK puts the call's id on every call message. */
export function callIdOf(params: Record<string, unknown>): string | null {
  const dialog = params["dialogParams"];
  const fromDialog = dialog && typeof dialog === "object" ? (dialog as Record<string, unknown>)["callID"] : undefined;
  const id = fromDialog ?? params["callID"];
  return typeof id === "string" && id !== "" ? id : null;
}

export function dialogOf(params: Record<string, unknown>): Record<string, unknown> {
  const dialog = params["dialogParams"];
  return dialog && typeof dialog === "object" ? (dialog as Record<string, unknown>) : {};
}
