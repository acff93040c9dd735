import Telnyx from "telnyx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Logged = { method: string; path: string; status: number; fault: string | null };

describe("faults and auth", () => {
  it("429 with retry-after is retried by the SDK until it succeeds", async () => {
    await h.control("/faults", { path: "/balance", method: "GET", kind: "429", count: 2, retry_after: 0.05 });
    const client = new Telnyx({ apiKey: API_KEY, baseURL: h.sandbox.baseUrl, maxRetries: 3 });
    const res = await client.balance.retrieve().withResponse();
    expect(res.data.data!.balance).toBe("100.00");
    expect(res.response.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(res.response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    const log = (await h.control("/requests")).data as Logged[];
    expect(log.filter((r) => r.path === "/v2/balance").map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("5xx faults surface as InternalServerError without retries", async () => {
    await h.control("/faults", { endpoint: "/calls*", kind: "503", count: 1 });
    const err = await h.client.calls
      .dial({ connection_id: "x", from: "+13125550100", to: "+13125551234" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Telnyx.InternalServerError);
    expect((err as { status: number }).status).toBe(503);
    await h.control("/faults", { path: "/balance", kind: "500", count: 1 });
    const client = new Telnyx({ apiKey: API_KEY, baseURL: h.sandbox.baseUrl, maxRetries: 2 });
    expect((await client.balance.retrieve()).data!.currency).toBe("USD");
  });

  it("slow and timeout faults", async () => {
    await h.control("/faults", { path: "/balance", kind: "slow", delay_ms: 150 });
    const started = Date.now();
    await h.client.balance.retrieve();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await h.control("/faults", { path: "/balance", kind: "timeout", delay_ms: 10 });
    await expect(h.client.balance.retrieve()).rejects.toBeInstanceOf(Telnyx.APIConnectionError);
    await h.control("/faults", undefined, "DELETE");
  });

  it("rejects a wrong API key with 401 / 10009", async () => {
    const bad = new Telnyx({ apiKey: "wrong", baseURL: h.sandbox.baseUrl, maxRetries: 0 });
    const err = await bad.balance.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Telnyx.AuthenticationError);
    expect((err as { error: unknown }).error).toMatchObject({
      errors: [{ code: "10009", title: "Authentication failed" }],
    });
  });

  it("serves the public key and accepts both bracket encodings", async () => {
    expect((await h.control("/public-key")).public_key).toBe(h.sandbox.publicKey);
    const raw = await fetch(
      `${h.sandbox.baseUrl}/available_phone_numbers?filter[country_code]=GB&filter[features][]=voice&filter[limit]=1`,
      { headers: { authorization: `Bearer ${API_KEY}` } },
    );
    const body = (await raw.json()) as { data: Array<{ phone_number: string }> };
    expect(body.data[0]!.phone_number).toMatch(/^\+44/);
  });
});
