/**
 * @app/client against a real API server: typed tRPC calls with a Bearer token, validated live
 * events, a `catchup` signal after a reconnection, and clear errors for a refused token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApi, type TestServer } from "../../../apps/api/test/harness";
import {
  appErrorCodeOf,
  createTelnyxCrmClient,
  newIdempotencyKey,
  type LiveError,
  type TelnyxCrmClient,
} from "../src/index";

let api: TestServer;
let url: string;
const clients: TelnyxCrmClient[] = [];

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  url = api.url;
});
afterAll(async () => {
  for (const client of clients) client.close();
  await api?.close();
});

async function clientWith(role: "ADMIN" | "SUPERVISOR" | "AGENT"): Promise<TelnyxCrmClient> {
  const { token } = await api.asDemoAdmin().tokens.create({ name: `client ${role}`, role });
  const client = createTelnyxCrmClient({ url: `${url}/`, token });
  clients.push(client);
  return client;
}

const nextOf = <T>(subscribe: (handler: (value: T) => void) => () => void) =>
  new Promise<T>((resolve) => {
    const off = subscribe((value) => {
      off();
      resolve(value);
    });
  });

describe("@app/client", () => {
  it("calls the typed API with its token and maps API errors", async () => {
    const crm = await clientWith("SUPERVISOR");
    const leads = await crm.trpc.leads.list.query({ limit: 5 });
    expect(leads.items.length).toBeGreaterThan(0);
    expect(leads.items[0]!.createdAt).toBeInstanceOf(Date); // superjson
    const error = await crm.trpc.tokens.list.query().catch((e: unknown) => e);
    expect(appErrorCodeOf(error)).toBe("FORBIDDEN");
    await expect(crm.trpc.leads.get.query({ id: "nope" })).rejects.toThrow("This lead does not exist");
  });

  it("passes an idempotency key: a retried create answers the first lead; another body is refused", async () => {
    const crm = await clientWith("AGENT");
    const idempotencyKey = newIdempotencyKey();
    const input = { firstName: "Retried", lastName: "Client", phoneNumber: "+14155550191", idempotencyKey };
    const first = await crm.trpc.leads.create.mutate(input);
    const retried = await crm.trpc.leads.create.mutate(input);
    expect(retried.id).toBe(first.id);
    expect(await api.db.prisma.lead.count({ where: { lastName: "Client", firstName: "Retried" } })).toBe(1);
    const error = await crm.trpc.leads.create.mutate({ ...input, company: "Other" }).catch((e: unknown) => e);
    expect(appErrorCodeOf(error)).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("delivers validated live events and reports invalid payloads", async () => {
    const crm = await clientWith("SUPERVISOR");
    const ready = await crm.live.ready();
    expect(ready).toMatchObject({ organizationId: api.demo.organization.id, role: "SUPERVISOR" });
    const optOut = nextOf<{ phoneNumber: string }>((h) => crm.live.on("optout:updated", h));
    const invalid = nextOf<LiveError>((h) => crm.live.on("error", h));
    api.server.realtime.publisher.toOrganization(api.demo.organization.id, "optout:updated", {
      phoneNumber: "+33600000001",
      optedOut: true,
      keyword: "STOP",
    });
    expect(await optOut).toEqual({ phoneNumber: "+33600000001", optedOut: true, keyword: "STOP" });
    api.server.realtime.publisher.toOrganization(api.demo.organization.id, "call:updated", { id: 42 } as never);
    expect(await invalid).toMatchObject({ kind: "invalid_payload", event: "call:updated" });
  });

  it("receives coalesced events (one batch) one by one, in order", async () => {
    const crm = await clientWith("SUPERVISOR");
    await crm.live.ready();
    // Every client's socket opted in at the handshake.
    const sockets = (await api.server.realtime.io.fetchSockets()).filter((socket) => socket.data.tokenId);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.every((socket) => socket.data.isBatched)).toBe(true);
    const numbers = ["+33600000011", "+33600000012", "+33600000013"];
    const received: string[] = [];
    const all = new Promise<void>((resolve) =>
      crm.live.on("optout:updated", ({ phoneNumber }) => {
        received.push(phoneNumber);
        if (received.length === numbers.length) resolve();
      }),
    );
    for (const phoneNumber of numbers)
      api.server.realtime.publisher.toOrganization(api.demo.organization.id, "optout:updated", {
        phoneNumber,
        optedOut: true,
        keyword: "STOP",
      });
    await all;
    expect(received).toEqual(numbers);
  });

  it("reconnects after a dropped connection and signals a catch-up", async () => {
    const crm = await clientWith("AGENT");
    await crm.live.ready();
    const catchup = nextOf<{ recovered: boolean }>((h) => crm.live.on("catchup", h));
    for (const socket of await api.server.realtime.io.fetchSockets()) {
      if (socket.data.role === "AGENT") (socket as unknown as { conn: { close(): void } }).conn?.close();
    }
    expect(await catchup).toHaveProperty("recovered");
    expect(crm.live.connected).toBe(true);
  });

  it("refuses a bad token with a clear message", async () => {
    const crm = createTelnyxCrmClient({ url, token: "tcrm_not_a_token" });
    clients.push(crm);
    await expect(crm.live.ready()).rejects.toThrow("The API token was refused (unknown, expired or revoked).");
    const error = await crm.trpc.leads.list.query({}).catch((e: unknown) => e);
    expect(appErrorCodeOf(error)).toBe("UNAUTHORIZED");
  });
});
