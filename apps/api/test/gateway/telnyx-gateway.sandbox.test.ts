/**
 * The gateway against the local Telnyx emulator (packages/telnyx-sandbox): real SDK, real HTTP,
 * Telnyx-shaped errors and injected faults. Flows (numbers, conferences, lists): telnyx-gateway-flows.sandbox.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMS_OUTCOME_UNKNOWN_MESSAGE } from "@app/telnyx-core/gateway/messaging-api";
import {
  closedPort,
  SANDBOX_API_KEY as API_KEY,
  SANDBOX_FROM as FROM,
  sleep,
  startGatewaySandbox,
  type GatewaySandbox,
} from "../support/gateway-sandbox";
import { createTelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";

let env: GatewaySandbox;

beforeAll(async () => {
  env = await startGatewaySandbox();
});

afterAll(async () => {
  await env?.sandbox.close();
});

describe("gateway ↔ sandbox", () => {
  it("sends an SMS and reads it back", async () => {
    const sent = await env.gateway.sendMessage({ from: FROM, to: "+13125550199", text: "hello from the gateway" });
    expect(sent).toMatchObject({ direction: "outbound", type: "SMS", from: { phoneNumber: FROM } });
    expect(sent.to[0]).toMatchObject({ phoneNumber: "+13125550199" });
    const again = await env.gateway.retrieveMessage(sent.id);
    expect(again.id).toBe(sent.id);
  });

  it("401: a wrong key → TELNYX_AUTH, and the key is not echoed", async () => {
    const wrongKey = "KEY_WRONG_0123456789abcdefghij";
    const wrong = createTelnyxGateway({ apiKey: wrongKey, baseURL: env.sandbox.baseUrl });
    const error = await wrong.retrieveBalance().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "TELNYX_AUTH",
      message: "Telnyx rejected the API key — check TELNYX_API_KEY (or the organization's key in Settings).",
    });
    expect(
      JSON.stringify({ message: (error as Error).message, details: (error as { details?: unknown }).details }),
    ).not.toContain(wrongKey);
    const check = await wrong.verifyApiKey();
    expect(check.ok).toBe(false);
    expect(await env.gateway.verifyApiKey()).toEqual({ ok: true });
  });

  it("404: an unknown message id → TELNYX_NOT_FOUND", async () => {
    await expect(env.gateway.retrieveMessage("40000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "TELNYX_NOT_FOUND",
      message: expect.stringMatching(/^Telnyx could not find the message/),
    });
  });

  it("422: a bad number → TELNYX_VALIDATION naming the field", async () => {
    const error = await env.gateway.sendMessage({ from: FROM, to: "12345", text: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TELNYX_VALIDATION", fieldErrors: { to: [expect.stringContaining("E.164")] } });
    expect((error as Error).message).toMatch(/^Telnyx rejected the request — to: /);
  });

  it("429: rate limiting → TELNYX_RATE_LIMITED with retryAfterSecs; a single 429 is retried by the SDK", async () => {
    const noRetries = createTelnyxGateway({ apiKey: API_KEY, baseURL: env.sandbox.baseUrl, maxRetries: 0 });
    await env.addFault({ path: "/balance", method: "GET", kind: "429", count: 1, retry_after: 3 });
    await expect(noRetries.retrieveBalance()).rejects.toMatchObject({ code: "TELNYX_RATE_LIMITED", retryAfterSecs: 3 });

    const before = env.requestsTo("GET", "/v2/balance").length;
    await env.addFault({ path: "/balance", method: "GET", kind: "429", count: 1, retry_after: 0.2 });
    await expect(env.gateway.retrieveBalance()).resolves.toMatchObject({ currency: expect.any(String) });
    expect(
      env
        .requestsTo("GET", "/v2/balance")
        .slice(before)
        .map((entry) => entry.status),
    ).toEqual([429, 200]);
  });

  it("5xx → TELNYX_ERROR; a failed send is attempted once and sends nothing", async () => {
    await env.addFault({ path: "/balance", method: "GET", kind: "500", count: 3 });
    await expect(env.gateway.retrieveBalance()).rejects.toMatchObject({
      code: "TELNYX_ERROR",
      message: "Telnyx had an internal error, try again in a moment.",
    });

    const before = env.requestsTo("POST", "/v2/messages").length;
    await env.addFault({ path: "/messages", method: "POST", kind: "503", count: 1 });
    await expect(env.gateway.sendMessage({ from: FROM, to: "+13125550198", text: "during 503" })).rejects.toMatchObject(
      { code: "TELNYX_ERROR" },
    );
    expect(env.requestsTo("POST", "/v2/messages").length - before).toBe(1);
    expect(env.messagesWithText("during 503")).toHaveLength(0);
  });

  it("network error (closed port) → TELNYX_UNAVAILABLE", async () => {
    const offline = createTelnyxGateway({
      apiKey: API_KEY,
      baseURL: `http://127.0.0.1:${await closedPort()}/v2`,
      maxRetries: 0,
    });
    await expect(offline.retrieveBalance()).rejects.toMatchObject({
      code: "TELNYX_UNAVAILABLE",
      message: expect.stringMatching(/^Telnyx is unreachable/),
    });
    await expect(offline.sendMessage({ from: FROM, to: "+13125550197", text: "offline" })).rejects.toMatchObject({
      code: "TELNYX_UNAVAILABLE",
    });
  });

  it("a slow POST /messages that outlives the gateway timeout is reported as unknown and sent exactly once", async () => {
    const impatient = createTelnyxGateway({
      apiKey: API_KEY,
      baseURL: env.sandbox.baseUrl,
      timeoutMs: 300,
      maxRetries: 2,
    });
    // A standing fault counts every attempt that reaches the sandbox (hits), whatever happens next.
    await env.addFault({ path: "/messages", method: "POST", kind: "slow", count: 100, delay_ms: 1000 });
    const error = await impatient
      .sendMessage({ from: FROM, to: "+13125550196", text: "slow one" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "TELNYX_UNAVAILABLE",
      message: SMS_OUTCOME_UNKNOWN_MESSAGE,
      details: { outcome: "unknown" },
    });
    await sleep(2500); // longer than any SDK retry back-off would take
    expect(await env.faultHits("/messages")).toBe(1);
    // Like real Telnyx, the sandbox sent the one request it received although the client gave up.
    expect(env.messagesWithText("slow one")).toHaveLength(1);
  });

  it("a POST /messages whose connection dies (timeout fault) is not retried", async () => {
    const impatient = createTelnyxGateway({
      apiKey: API_KEY,
      baseURL: env.sandbox.baseUrl,
      timeoutMs: 300,
      maxRetries: 2,
    });
    await env.addFault({ path: "/messages", method: "POST", kind: "timeout", count: 1, delay_ms: 600 });
    const error = await impatient
      .sendMessage({ from: FROM, to: "+13125550195", text: "lost one" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TELNYX_UNAVAILABLE", details: { outcome: "unknown" } });
    // A retry would reach the sandbox without the (one-shot) fault and create the message.
    await sleep(1500);
    expect(env.messagesWithText("lost one")).toHaveLength(0);
  });

  it("searches numbers with filters that Telnyx applies", async () => {
    const numbers = await env.gateway.searchAvailableNumbers({
      countryCode: "US",
      phoneNumberType: "local",
      features: ["sms"],
      limit: 3,
    });
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.length).toBeLessThanOrEqual(3);
    for (const number of numbers) {
      expect(number.phoneNumber).toMatch(/^\+1\d{10}$/);
      expect(number.features).toContain("sms");
      expect(number.monthlyCost).toMatch(/^\d+\.\d+$/);
    }
  });

  it("dials, dedups a repeated command_id, and hangs up", async () => {
    const app = await env.gateway.createCallControlApplication({
      applicationName: "gw test",
      webhookEventUrl: "http://127.0.0.1:9/hooks",
    });
    const first = await env.gateway.dial({ connectionId: String(app.id), from: FROM, to: "+13125550194" });
    const repeat = await env.gateway.dial({
      connectionId: String(app.id),
      from: FROM,
      to: "+13125550194",
      commandId: first.commandId,
    });
    expect(repeat.callControlId).toBe(first.callControlId);
    await env.gateway.hangup(first.callControlId);
  });
});
