/**
 * Wire-level checks of the gateway against a scripted local HTTP server: request shapes, retry
 * policy per request kind, pagination. (Behaviour against the full emulator: telnyx-gateway.sandbox.test.ts.)
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMS_OUTCOME_UNKNOWN_MESSAGE } from "./messaging-api";
import { createTelnyxGateway } from "./telnyx-gateway";

interface Seen {
  method: string;
  url: URL;
  body: Record<string, unknown>;
  authorization?: string;
}
type Reply = { status?: number; body?: unknown; delayMs?: number; headers?: Record<string, string> };

let server: Server;
let baseURL: string;
let seen: Seen[] = [];
let script: Array<(request: Seen) => Reply> = [];

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const entry: Seen = {
      method: request.method ?? "GET",
      url: new URL(request.url ?? "/", "http://local"),
      body: await readBody(request),
      authorization: request.headers.authorization,
    };
    seen.push(entry);
    const next = script.shift() ?? ((): Reply => ({ body: { data: { result: "ok" } } }));
    const reply = next(entry);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (response.destroyed) return;
    response.writeHead(reply.status ?? 200, { "content-type": "application/json", "retry-after-ms": "5", ...reply.headers });
    response.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  script = [];
});

const message = { id: "m1", direction: "outbound", type: "SMS", to: [{ phone_number: "+13125550002", status: "queued" }], cost: null };

describe("createTelnyxGateway", () => {
  it("sends the key as a Bearer token and snake_case bodies with a command_id", async () => {
    const gateway = createTelnyxGateway({ apiKey: "KEY_TEST", baseURL });
    script.push(() => ({ body: { data: { call_control_id: "v3:a", call_leg_id: "l", call_session_id: "s", is_alive: false, record_type: "call" } } }));
    const dialed = await gateway.dial({ connectionId: "app1", from: "+13125550001", to: "+13125550002", clientState: "lead:42", timeoutSecs: 30 });
    expect(dialed).toMatchObject({ callControlId: "v3:a", callLegId: "l", callSessionId: "s" });
    expect(seen[0]?.authorization).toBe("Bearer KEY_TEST");
    expect(seen[0]?.url.pathname).toBe("/v2/calls");
    expect(seen[0]?.body).toEqual({
      connection_id: "app1",
      from: "+13125550001",
      to: "+13125550002",
      client_state: Buffer.from("lead:42").toString("base64"),
      command_id: dialed.commandId,
      timeout_secs: 30,
    });
  });

  it("bridges with the wire field call_control_id", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    await gateway.bridge("v3:a", { otherCallControlId: "v3:b" });
    expect(seen[0]?.url.pathname).toBe("/v2/calls/v3:a/actions/bridge");
    expect(seen[0]?.body).toMatchObject({ call_control_id: "v3:b", command_id: expect.any(String) });
  });

  it("retries a failed dial with the same command_id", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    script.push(() => ({ status: 503, body: { errors: [] } }));
    script.push(() => ({ body: { data: { call_control_id: "v3:a", call_leg_id: "l", call_session_id: "s" } } }));
    await gateway.dial({ connectionId: "app1", from: "+13125550001", to: "+13125550002" });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.body.command_id).toBe(seen[0]?.body.command_id);
  });

  it("puts number-search filters inside filter[...]", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    script.push(() => ({
      body: {
        data: [
          {
            phone_number: "+13125550100",
            features: [{ name: "sms" }, { name: "voice" }],
            cost_information: { upfront_cost: "1.00", monthly_cost: "2.00", currency: "USD" },
            region_information: [{ region_type: "state", region_name: "IL" }],
          },
        ],
      },
    }));
    const numbers = await gateway.searchAvailableNumbers({ countryCode: "us", phoneNumberType: "local", features: ["sms", "voice"], nationalDestinationCode: "312", limit: 5 });
    const query = seen[0]?.url.searchParams;
    expect(query?.get("filter[country_code]")).toBe("US");
    expect(query?.get("filter[phone_number_type]")).toBe("local");
    expect(query?.get("filter[national_destination_code]")).toBe("312");
    expect(query?.get("filter[limit]")).toBe("5");
    expect(query?.get("country_code")).toBeNull();
    expect(numbers).toEqual([
      {
        phoneNumber: "+13125550100",
        features: ["sms", "voice"],
        upfrontCost: "1.00",
        monthlyCost: "2.00",
        currency: "USD",
        region: [{ type: "state", name: "IL" }],
        bestEffort: false,
        reservable: undefined,
      },
    ]);
  });

  it("keeps SDK retries for reads but never retries sendMessage or a number order", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL, maxRetries: 2 });
    script.push(...Array.from({ length: 3 }, () => () => ({ status: 500, body: { errors: [] } })));
    await expect(gateway.retrieveBalance()).rejects.toMatchObject({ code: "TELNYX_ERROR" });
    expect(seen).toHaveLength(3);

    seen = [];
    script.push(() => ({ status: 500, body: { errors: [] } }));
    await expect(gateway.sendMessage({ from: "+13125550001", to: "+13125550002", text: "hi" })).rejects.toMatchObject({ code: "TELNYX_ERROR" });
    expect(seen).toHaveLength(1);

    seen = [];
    script.push(() => ({ status: 503, body: { errors: [] } }));
    await expect(gateway.createNumberOrder({ phoneNumbers: ["+13125550100"] })).rejects.toMatchObject({ code: "TELNYX_ERROR" });
    expect(seen).toHaveLength(1);
  });

  it("reports a timed-out sendMessage as possibly sent, without resending it", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL, timeoutMs: 200, maxRetries: 2 });
    script.push(() => ({ delayMs: 600, body: { data: message } }));
    const error = await gateway.sendMessage({ from: "+13125550001", to: "+13125550002", text: "hi" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TELNYX_UNAVAILABLE", message: SMS_OUTCOME_UNKNOWN_MESSAGE, details: { outcome: "unknown" } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toHaveLength(1);
  });

  it("maps a sent message to the domain shape", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    script.push(() => ({ body: { data: message } }));
    const sent = await gateway.sendMessage({ from: "+13125550001", to: "+13125550002", text: "hi" });
    expect(sent).toMatchObject({ id: "m1", type: "SMS", cost: null, to: [{ phoneNumber: "+13125550002", status: "queued" }] });
    expect(seen[0]?.body).toEqual({ from: "+13125550001", to: "+13125550002", text: "hi" });
  });

  it("follows every page of a list", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    const number = (id: string) => ({ id, phone_number: `+1312555${id}`, status: "active", tags: [], purchased_at: "2025-01-01T00:00:00Z" });
    script.push(() => ({ body: { data: [number("0001"), number("0002")], meta: { page_number: 1, total_pages: 2 } } }));
    script.push(() => ({ body: { data: [number("0003")], meta: { page_number: 2, total_pages: 2 } } }));
    const numbers = await gateway.listPhoneNumbers({ status: "active" });
    expect(numbers.map((n) => n.id)).toEqual(["0001", "0002", "0003"]);
    expect(seen[1]?.url.searchParams.get("page[number]")).toBe("2");
    expect(seen[0]?.url.searchParams.get("filter[status]")).toBe("active");
  });

  it("refuses to mute with an empty participant list (Telnyx would mute everyone)", async () => {
    const gateway = createTelnyxGateway({ apiKey: "k", baseURL });
    await expect(gateway.muteParticipants("conf1", [])).rejects.toMatchObject({ code: "VALIDATION" });
    expect(seen).toHaveLength(0);
  });

  it("verifyApiKey reports a rejected key without throwing", async () => {
    const gateway = createTelnyxGateway({ apiKey: "KEY_BAD", baseURL });
    script.push(() => ({ status: 401, body: { errors: [{ code: "10009", title: "Authentication failed" }] } }));
    const result = await gateway.verifyApiKey();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("TELNYX_AUTH");
    expect(seen).toHaveLength(1);
  });
});
