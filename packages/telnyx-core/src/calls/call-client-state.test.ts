import { describe, expect, it } from "vitest";
import { encodeClientState } from "../gateway/gateway-context";
import { encodeCallClientState, isAuthentic, readCallClientState } from "./call-client-state";

const SECRET = "org-a-secret-0123456789abcdefghijklmnopqrstuv";
// The longest state we write: an agent transfer (a Telnyx call_control_id is ~70 characters).
const longest = {
  callId: "cm4x0d9qk0000abcd1234efgh",
  leg: "agent" as const,
  userId: "cm4x0d9qk0001abcd1234efgh",
  replaces: `v3:${"x".repeat(80)}`,
  supervisionId: "cm4x0d9qk0002abcd1234efgh",
};

describe("call client_state", () => {
  it("round-trips what we wrote, verified with the organization's secret", () => {
    const claim = readCallClientState(encodeClientState(encodeCallClientState(longest, SECRET)));
    expect(claim?.state).toEqual(longest);
    expect(isAuthentic(claim!, SECRET)).toBe(true);
  });

  it("refuses another organization's secret, a changed claim, and a state without MAC", () => {
    const encoded = encodeCallClientState({ callId: "call-1", leg: "customer" }, SECRET);
    expect(isAuthentic(readCallClientState(encodeClientState(encoded))!, "another secret")).toBe(false);
    const retargeted = encoded.replace("call-1", "call-2");
    expect(isAuthentic(readCallClientState(encodeClientState(retargeted))!, SECRET)).toBe(false);
    expect(readCallClientState(encodeClientState(JSON.stringify({ callId: "call-2", leg: "customer" })))).toBeNull();
    expect(readCallClientState("aGF2ZSBhIG5pY2UgZGF5ID1d")).toBeNull();
  });

  it("stays compact: the longest state is under 512 base64 characters", () => {
    expect(encodeClientState(encodeCallClientState(longest, SECRET))!.length).toBeLessThan(512);
  });
});
