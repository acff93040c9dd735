/**
 * The gateway's wire behaviour against the Telnyx sandbox (the only stand-in): what reaches the
 * API (the sandbox's request log), the retry policy per request kind, filters and pagination.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import {
  SANDBOX_API_KEY,
  SANDBOX_FROM,
  sleep,
  startGatewaySandbox,
  type GatewaySandbox,
} from "../support/gateway-sandbox";

let env: GatewaySandbox;
beforeAll(async () => {
  env = await startGatewaySandbox();
});
afterAll(async () => {
  await env?.sandbox.close();
});
beforeEach(async () => {
  env.sandbox.world.faults.clear();
});

const callControlApp = async () =>
  env.gateway.createCallControlApplication({
    applicationName: `gw-${Math.random()}`,
    webhookEventUrl: "http://127.0.0.1:9/hooks",
  });

describe("gateway wire behaviour (sandbox)", () => {
  it("retries a failed dial with the same command_id, and Telnyx dials once", async () => {
    const app = await callControlApp();
    await env.addFault({ path: "/calls", method: "POST", kind: "503", count: 1 });
    const dialed = await env.gateway.dial({
      connectionId: app.id!,
      from: SANDBOX_FROM,
      to: "+15550001201",
      clientState: "lead:42",
    });
    expect(env.requestsTo("POST", "/v2/calls").map((r) => r.status)).toEqual([503, 200]);
    // The same command_id again within 60 s returns the same call: nothing was dialed twice.
    const again = await env.gateway.dial({
      connectionId: app.id!,
      from: SANDBOX_FROM,
      to: "+15550001201",
      commandId: dialed.commandId,
    });
    expect(again.callControlId).toBe(dialed.callControlId);
  });

  it("bridges two legs: hanging one up ends the other", async () => {
    const app = await callControlApp();
    const a = await env.gateway.dial({ connectionId: app.id!, from: SANDBOX_FROM, to: "+15550001202" });
    const b = await env.gateway.dial({ connectionId: app.id!, from: SANDBOX_FROM, to: "+15550001203" });
    await sleep(50);
    await env.gateway.bridge(a.callControlId, { otherCallControlId: b.callControlId });
    await env.gateway.hangup(a.callControlId);
    await sleep(50);
    expect(env.sandbox.world.calls.require(b.callControlId, false).state).toBe("ended");
  });

  it("applies number-search filters (they must sit inside filter[...])", async () => {
    const local = await env.gateway.searchAvailableNumbers({
      countryCode: "us",
      phoneNumberType: "local",
      nationalDestinationCode: "312",
      limit: 5,
    });
    expect(local.length).toBeGreaterThan(0);
    for (const n of local) expect(n.phoneNumber.startsWith("+1312")).toBe(true);
    const tollFree = await env.gateway.searchAvailableNumbers({
      countryCode: "US",
      phoneNumberType: "toll_free",
      limit: 3,
    });
    for (const n of tollFree) expect(n.phoneNumber).toMatch(/^\+18[0-9]{2}/);
    expect(local[0]).toMatchObject({
      upfrontCost: expect.stringMatching(/^\d+\.\d+$/),
      monthlyCost: expect.stringMatching(/^\d+\.\d+$/),
      currency: "USD",
    });
  });

  it("keeps SDK retries for reads but never retries sendMessage or a number order", async () => {
    const gateway = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: env.sandbox.baseUrl, maxRetries: 2 });
    await env.addFault({ path: "/balance", method: "GET", kind: "500", count: 3 });
    await expect(gateway.retrieveBalance()).rejects.toMatchObject({ code: "TELNYX_ERROR" });
    expect(env.requestsTo("GET", "/v2/balance")).toHaveLength(3);

    await env.addFault({ path: "/messages", method: "POST", kind: "500", count: 1 });
    await expect(
      gateway.sendMessage({ from: SANDBOX_FROM, to: "+13125550188", text: "never twice" }),
    ).rejects.toMatchObject({ code: "TELNYX_ERROR" });
    expect(env.requestsTo("POST", "/v2/messages")).toHaveLength(1);
    expect(env.messagesWithText("never twice")).toHaveLength(0);

    await env.addFault({ path: "/number_orders", method: "POST", kind: "503", count: 1 });
    await expect(gateway.createNumberOrder({ phoneNumbers: ["+13125550100"] })).rejects.toMatchObject({
      code: "TELNYX_ERROR",
    });
    expect(env.requestsTo("POST", "/v2/number_orders")).toHaveLength(1);
  });

  it("maps a sent message to the domain shape", async () => {
    const sent = await env.gateway.sendMessage({ from: SANDBOX_FROM, to: "+13125550187", text: "hi there" });
    expect(sent).toMatchObject({
      type: "SMS",
      to: [{ phoneNumber: "+13125550187", status: "queued" }],
      text: "hi there",
      parts: 1,
    });
    expect(env.messagesWithText("hi there")).toHaveLength(1);
  });

  it("follows every page of a list", async () => {
    // The gateway asks for pages of 250: 300 numbers take two pages.
    for (let i = 0; i < 300; i += 1)
      env.sandbox.world.provisionNumber({ phoneNumber: `+1312556${String(3000 + i)}`, features: ["voice"] });
    const numbers = await env.gateway.listPhoneNumbers({ status: "active" });
    expect(numbers.filter((n) => n.phoneNumber.startsWith("+1312556")).length).toBe(300);
    expect(env.requestsTo("GET", "/v2/phone_numbers").length).toBeGreaterThanOrEqual(2);
  });

  it("refuses to mute with an empty participant list (Telnyx would mute everyone), sending nothing", async () => {
    await expect(env.gateway.muteParticipants("conf1", [])).rejects.toMatchObject({ code: "VALIDATION" });
    expect(env.sandbox.world.faults.requests.filter((r) => r.path.includes("/conferences/"))).toHaveLength(0);
  });

  it("verifyApiKey reports a rejected key without throwing or retrying", async () => {
    const wrong = createTelnyxGateway({ apiKey: "KEY_WRONG", baseURL: env.sandbox.baseUrl });
    const result = await wrong.verifyApiKey();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("TELNYX_AUTH");
    expect(env.sandbox.world.faults.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });
});
