import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Telnyx from "telnyx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/server.js";
import { API_KEY, startHarness, type Harness } from "./harness.js";

interface RawDelivery {
  path: string;
  rawBody: string;
  headers: Record<string, string>;
}

/** Records deliveries unverified, so each test can verify them with the key it chooses. */
async function startRawReceiver(): Promise<{
  url: string;
  deliveries: RawDelivery[];
  waitFor(path: string): Promise<RawDelivery>;
  stop(): Promise<void>;
}> {
  const deliveries: RawDelivery[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      deliveries.push({ path: req.url ?? "/", rawBody: Buffer.concat(chunks).toString("utf8"), headers });
      res.writeHead(200).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    async waitFor(path) {
      for (;;) {
        const found = deliveries.find((d) => d.path === path);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let h: Harness;
let receiver: Awaited<ReturnType<typeof startRawReceiver>>;
let other: { api_key: string; public_key: string };
let otherClient: Telnyx;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startRawReceiver();
  other = (await h.control("/accounts", {})).data;
  otherClient = new Telnyx({ apiKey: other.api_key, baseURL: h.sandbox.baseUrl, maxRetries: 0 });
});
afterAll(async () => {
  await receiver?.stop();
  await h?.close();
});

const publicKeyFor = async (apiKey: string | null) => {
  const res = await fetch(`${h.sandbox.origin}/sandbox/public-key`, {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
  return { status: res.status, body: (await res.json()) as { public_key?: string } };
};

async function dialFrom(client: Telnyx, path: string, from: string): Promise<RawDelivery> {
  const app = await client.callControlApplications.create({
    application_name: path,
    webhook_event_url: `${receiver.url}${path}`,
  });
  h.sandbox.world.provisionNumber({ phoneNumber: from, connectionId: app.data!.id! });
  await client.calls.dial({ connection_id: app.data!.id!, from, to: "+13125551234" });
  return receiver.waitFor(path);
}

const unwrapWith = (delivery: RawDelivery, key: string) =>
  h.client.webhooks.unwrap(delivery.rawBody, { headers: delivery.headers, key });

describe("per-account webhook signing keys", () => {
  it("gives a new account its own API key and its own public key, readable with that key only", async () => {
    expect(other.api_key).toMatch(/^KEY[0-9A-Za-z_-]{55}$/);
    expect(other.public_key).not.toBe(h.sandbox.publicKey);
    expect(await publicKeyFor(other.api_key)).toEqual({ status: 200, body: { public_key: other.public_key } });
    expect(await publicKeyFor(API_KEY)).toEqual({ status: 200, body: { public_key: h.sandbox.publicKey } });
    expect(await publicKeyFor(null)).toEqual({ status: 200, body: { public_key: h.sandbox.publicKey } });
    expect((await publicKeyFor("KEYnot_an_account_of_this_sandbox")).status).toBe(401);
    await expect(otherClient.balance.retrieve()).resolves.toBeTruthy();
  });

  it("signs an account's webhooks with its key: the SDK verifies them with it and refuses them with another account's", async () => {
    const delivery = await dialFrom(otherClient, "/other", "+13125550161");
    const event = (await unwrapWith(delivery, other.public_key)) as unknown as { data: { event_type: string } };
    expect(event.data.event_type).toBe("call.initiated");
    await expect(unwrapWith(delivery, h.sandbox.publicKey)).rejects.toThrow();
  });

  it("keeps signing the default account's webhooks with the persisted key", async () => {
    const delivery = await dialFrom(h.client, "/default", "+13125550162");
    await expect(unwrapWith(delivery, h.sandbox.publicKey)).resolves.toBeTruthy();
    await expect(unwrapWith(delivery, other.public_key)).rejects.toThrow();
  });
});

describe("accounts opened by API key", () => {
  let open: Sandbox;
  beforeAll(async () => {
    open = await startSandbox({ port: 0, timeScale: 0, apiKey: "" });
  });
  afterAll(async () => open?.close());

  const keyOf = async (apiKey: string) => {
    const res = await fetch(`${open.origin}/sandbox/public-key`, { headers: { authorization: `Bearer ${apiKey}` } });
    return ((await res.json()) as { public_key: string }).public_key;
  };

  it("opens a new account for an unknown key shaped like a real Telnyx key, and keeps short test keys on the default one", async () => {
    const realShaped = `KEY${"a".repeat(50)}_b-c1`;
    const first = await keyOf(realShaped);
    expect(first).not.toBe(open.publicKey);
    expect(await keyOf(realShaped)).toBe(first);
    expect(await keyOf(`KEY${"z".repeat(55)}`)).not.toBe(first);
    expect(await keyOf("KEY_test_sandbox")).toBe(open.publicKey);
  });
});
