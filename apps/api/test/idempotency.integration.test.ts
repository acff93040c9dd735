/**
 * No double actions: every create a click can repeat (a call, an SMS, a lead, a number, an API token) runs once per
 * idempotency key. The same key twice (or twice at once) → one row and the same answer; the same key with another
 * body → 422; another organization or another actor with the same key → its own, independent result. The REST face
 * reads the Idempotency-Key header; tRPC over HTTP carries the same error objects in data.errors.
 */
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeIdempotencyKeys, runIdempotent } from "@app/telnyx-core/idempotency/run-idempotent";
import { type Caller, DEMO_ADMIN_TOKEN, type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: true });
});
afterAll(async () => {
  await env?.close();
});

let tags = 0;
const nextTag = () => String(++tags).padStart(4, "0");
const JOHN = "+12125550142"; // a demo lead (US)

interface Kind {
  name: string;
  /** The demo organization's actor that clicks. */
  caller: () => Caller;
  /** A body of its own per tag (so rows can be counted per test). */
  input: (tag: string) => Promise<Record<string, unknown>>;
  run: (caller: Caller, input: Record<string, unknown>) => Promise<{ id: string }>;
  /** Rows this tag's body created, in any organization. */
  count: (input: Record<string, unknown>) => Promise<number>;
}

const KINDS: Kind[] = [
  {
    name: "calls.create",
    caller: () => env.asDemoAgent(),
    input: async (tag) => ({ to: `+1312555${tag}`, record: false }),
    run: (caller, input) => caller.calls.create(input as Parameters<Caller["calls"]["create"]>[0]),
    count: (input) => env.db.prisma.telnyxCall.count({ where: { toNumber: input.to as string } }),
  },
  {
    name: "messages.send",
    caller: () => env.asDemoAgent(),
    input: async (tag) => ({ to: JOHN, text: `Idempotent SMS ${tag}` }),
    run: (caller, input) => caller.messages.send(input as Parameters<Caller["messages"]["send"]>[0]),
    count: (input) => env.db.prisma.telnyxMessage.count({ where: { text: input.text as string } }),
  },
  {
    name: "leads.create",
    caller: () => env.asDemoAgent(),
    input: async (tag) => ({ firstName: "Idem", lastName: `Potent ${tag}`, phoneNumber: `+1415555${tag}` }),
    run: (caller, input) => caller.leads.create(input as Parameters<Caller["leads"]["create"]>[0]),
    count: (input) => env.db.prisma.lead.count({ where: { lastName: input.lastName as string } }),
  },
  {
    name: "numbers.purchase",
    caller: () => env.asDemoAdmin(),
    input: async () => {
      const { items } = await env.asDemoAdmin().numbers.search({ countryCode: "US", numberType: "local", limit: 1 });
      return { countryCode: "US", numberType: "local", phoneNumber: items[0]!.phoneNumber };
    },
    run: (caller, input) => caller.numbers.purchase(input as Parameters<Caller["numbers"]["purchase"]>[0]),
    count: (input) => env.db.prisma.telnyxPhoneNumber.count({ where: { phoneNumber: input.phoneNumber as string } }),
  },
  {
    name: "tokens.create",
    caller: () => env.asDemoAdmin(),
    input: async (tag) => ({ name: `Idempotent token ${tag}`, role: "AGENT" }),
    run: async (caller, input) => {
      const created = await caller.tokens.create(input as Parameters<Caller["tokens"]["create"]>[0]);
      return { ...created, id: created.item.id };
    },
    count: (input) => env.db.prisma.apiToken.count({ where: { name: input.name as string } }),
  },
];

describe.each(KINDS)("$name", (kind) => {
  it("the same key twice: one row, the first answer replayed (same id)", async () => {
    const input = await kind.input(nextTag());
    const key = randomUUID();
    const first = await kind.run(kind.caller(), { ...input, idempotencyKey: key });
    const second = await kind.run(kind.caller(), { ...input, idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(await kind.count(input)).toBe(1);
  });

  it("a double submit (both at once): exactly one row, both answers the same", async () => {
    const input = await kind.input(nextTag());
    const key = randomUUID();
    const [a, b] = await Promise.all([
      kind.run(kind.caller(), { ...input, idempotencyKey: key }),
      kind.run(kind.caller(), { ...input, idempotencyKey: key }),
    ]);
    expect(b.id).toBe(a.id);
    expect(await kind.count(input)).toBe(1);
  });

  it("the same key with another body: 422, nothing created for it", async () => {
    const input = await kind.input(nextTag());
    const key = randomUUID();
    await kind.run(kind.caller(), { ...input, idempotencyKey: key });
    const other = await kind.input(nextTag()); // after the first: a number search then offers another number
    const error = await kind.run(kind.caller(), { ...other, idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("already used for a different request"),
      cause: { code: "IDEMPOTENCY_KEY_REUSED" },
    });
    expect(await kind.count(other)).toBe(0);
  });
});

describe("scope", () => {
  it("without a key, each request acts (the control)", async () => {
    const input = { firstName: "No", lastName: `Key ${nextTag()}`, phoneNumber: "+14155550999" };
    await env.asDemoAgent().leads.create(input);
    await env.asDemoAgent().leads.create(input);
    expect(await env.db.prisma.lead.count({ where: { lastName: input.lastName } })).toBe(2);
  });

  it("another organization with the same key and body gets its own result, nothing of the first's", async () => {
    const key = randomUUID();
    const lead = { firstName: "Same", lastName: `Key ${nextTag()}`, phoneNumber: "+14155550998" };
    const mine = await env.asDemoAdmin().leads.create({ ...lead, idempotencyKey: key });
    const theirs = await env.asOtherAdmin().leads.create({ ...lead, idempotencyKey: key });
    expect(theirs.id).not.toBe(mine.id);
    const rows = await env.db.prisma.lead.findMany({
      where: { lastName: lead.lastName },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((row) => [row.id, row.organizationId])).toEqual([
      [mine.id, env.demo.organization.id],
      [theirs.id, env.other.organization.id],
    ]);

    // The same key for another action of the same actor is another request.
    const sameKey = { name: `Shared key ${nextTag()}`, role: "AGENT" as const, idempotencyKey: key };
    await expect(env.asDemoAdmin().tokens.create(sameKey)).rejects.toMatchObject({
      cause: { code: "IDEMPOTENCY_KEY_REUSED" },
    });

    const token = { ...sameKey, idempotencyKey: randomUUID() };
    const ourToken = await env.asDemoAdmin().tokens.create(token);
    const theirToken = await env.asOtherAdmin().tokens.create(token);
    expect(theirToken.item.id).not.toBe(ourToken.item.id);
    expect(theirToken.token).not.toBe(ourToken.token);
  });

  it("another member of the same organization with the same key acts on their own", async () => {
    const key = randomUUID();
    const lead = { firstName: "Colleague", lastName: `Key ${nextTag()}`, phoneNumber: "+14155550997" };
    const agent = await env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    const supervisor = await env.asDemoSupervisor().leads.create({ ...lead, idempotencyKey: key });
    expect(supervisor.id).not.toBe(agent.id);
    expect(await env.db.prisma.lead.count({ where: { lastName: lead.lastName } })).toBe(2);
  });

  it("a failed action releases its key: the corrected request runs", async () => {
    const key = randomUUID();
    const lead = { firstName: "Fix", lastName: `Me ${nextTag()}`, phoneNumber: "+14155550996" };
    await expect(
      env.asDemoAgent().leads.create({ ...lead, ownerId: env.other.users.agent.id, idempotencyKey: key }),
    ).rejects.toMatchObject({ message: "The owner is not a member of this organization." });
    expect(await env.db.prisma.idempotencyKey.count({ where: { procedure: "leads.create", completedAt: null } })).toBe(
      0,
    );
    const created = await env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    expect(await env.db.prisma.lead.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject(lead);
  });

  it("a key is kept 24 h: past that it acts again, and the daily retention deletes it", async () => {
    const key = randomUUID();
    const lead = { firstName: "Old", lastName: `Key ${nextTag()}`, phoneNumber: "+14155550995" };
    const first = await env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    const keyHash = createHash("sha256").update(key).digest("hex");
    const row = await env.db.prisma.idempotencyKey.findFirstOrThrow({ where: { keyHash } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000 - 1_000);
    expect(row.response).not.toContain(first.id); // stored encrypted with the key, which is not stored
    await env.db.prisma.idempotencyKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const again = await env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    expect(again.id).not.toBe(first.id);

    const later = new Date(Date.now() + 25 * 3_600_000);
    expect(await purgeIdempotencyKeys({ db: env.db, now: later })).toBeGreaterThan(0);
    expect(await env.db.prisma.idempotencyKey.count({ where: { expiresAt: { lte: later } } })).toBe(0);
  });

  it("a first request interrupted mid-action (no answer after 5 min): a repeat is told at once, never acts", async () => {
    const key = randomUUID();
    const lead = { firstName: "Cut", lastName: `Off ${nextTag()}`, phoneNumber: "+14155550994" };
    await env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    const keyHash = createHash("sha256").update(key).digest("hex");
    const row = await env.db.prisma.idempotencyKey.findFirstOrThrow({ where: { keyHash } });
    // As a process that stopped after claiming the key leaves it: no answer yet.
    await env.db.prisma.idempotencyKey.update({ where: { id: row.id }, data: { response: null, completedAt: null } });
    const fresh = env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key });
    await env.db.prisma.idempotencyKey.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });
    const started = Date.now();
    await expect(fresh).rejects.toMatchObject({ message: expect.stringMatching(/interrupted/) });
    await expect(env.asDemoAgent().leads.create({ ...lead, idempotencyKey: key })).rejects.toMatchObject({
      message: expect.stringMatching(/outcome is unknown/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await env.db.prisma.lead.count({ where: { lastName: lead.lastName } })).toBe(1);
  });

  it("a repeat while the first still runs waits for it, or answers 409 past the wait; never acts twice", async () => {
    const call = {
      db: env.db,
      organizationId: env.demo.organization.id,
      actor: `user:${env.demo.users.agent1.id}`,
      procedure: "test.slow",
      key: randomUUID(),
      request: { n: 1 },
      encode: (value: { id: string }) => JSON.stringify(value),
      decode: (text: string) => JSON.parse(text) as { id: string },
    };
    let runs = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = runIdempotent(call, async () => {
      runs += 1;
      await gate;
      return { id: "first" };
    });
    await expect
      .poll(() => env.db.prisma.idempotencyKey.count({ where: { procedure: "test.slow" } }), { timeout: 15_000 })
      .toBe(1);
    const impatient = runIdempotent({ ...call, waitMs: 200 }, async () => {
      runs += 1;
      return { id: "second" };
    });
    await expect(impatient).rejects.toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS", retryAfterSecs: 1 });
    const patient = runIdempotent(call, async () => {
      runs += 1;
      return { id: "third" };
    });
    finish();
    expect(await first).toEqual({ id: "first" });
    expect(await patient).toEqual({ id: "first" });
    expect(runs).toBe(1);
  });
});

describe("over HTTP", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}, token = DEMO_ADMIN_TOKEN) =>
    fetch(`${env.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("REST: the same Idempotency-Key twice → the same lead, call and SMS (201 both times)", async () => {
    const tag = nextTag();
    const cases = [
      { path: "/api/leads", body: { firstName: "Rest", lastName: `Key ${tag}`, phoneNumber: "+14155550994" } },
      { path: "/api/telnyx/calls", body: { to: `+1312555${tag}`, record: false } },
      { path: "/api/telnyx/messages", body: { to: JOHN, text: `REST idempotent ${tag}` } },
    ];
    const agentToken = await env.tokenFor(env.demo.users.agent1, "AGENT");
    for (const { path, body } of cases) {
      const key = randomUUID();
      const first = await post(path, body, { "Idempotency-Key": key }, agentToken);
      const second = await post(path, body, { "Idempotency-Key": key }, agentToken);
      expect([first.status, second.status]).toEqual([201, 201]);
      type Created = { data: { id: string } };
      const [a, b] = [(await first.json()) as Created, (await second.json()) as Created];
      expect(b.data.id).toBe(a.data.id);
    }
    expect(await env.db.prisma.lead.count({ where: { lastName: `Key ${tag}` } })).toBe(1);
    expect(await env.db.prisma.telnyxCall.count({ where: { toNumber: `+1312555${tag}` } })).toBe(1);
    expect(await env.db.prisma.telnyxMessage.count({ where: { text: `REST idempotent ${tag}` } })).toBe(1);
  });

  it("REST: another body → 422 in the one error shape; a malformed key → 422; another token → its own lead", async () => {
    const key = randomUUID();
    const body = { firstName: "Rest", lastName: `Body ${nextTag()}`, phoneNumber: "+14155550993" };
    expect((await post("/api/leads", body, { "Idempotency-Key": key })).status).toBe(201);
    const reused = await post("/api/leads", { ...body, company: "Other" }, { "Idempotency-Key": key });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toEqual({
      errors: [
        {
          status: "422",
          code: "IDEMPOTENCY_KEY_REUSED",
          title: "Idempotency key reused",
          detail: expect.stringContaining("Send a new key for a new action"),
        },
      ],
    });

    const malformed = await post("/api/leads", body, { "Idempotency-Key": "short" });
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toContain(
      "Idempotency-Key header",
    );

    const otherToken = await env.tokenFor(env.demo.users.admin, "ADMIN");
    const fromOtherToken = await post("/api/leads", body, { "Idempotency-Key": key }, otherToken);
    expect(fromOtherToken.status).toBe(201);
    expect(await env.db.prisma.lead.count({ where: { lastName: body.lastName } })).toBe(2);
  });

  it("tRPC over HTTP: the 422 carries the same error object in data.errors", async () => {
    const key = randomUUID();
    const lead = (lastName: string) => ({
      json: { firstName: "Trpc", lastName, phoneNumber: "+14155550992", idempotencyKey: key },
    });
    const tag = nextTag();
    expect((await post("/trpc/leads.create", lead(`A ${tag}`))).status).toBe(200);
    const reused = await post("/trpc/leads.create", lead(`B ${tag}`));
    expect(reused.status).toBe(422);
    const body = (await reused.json()) as { error: { json: { data: { appCode: string; errors: unknown[] } } } };
    expect(body.error.json.data).toMatchObject({
      appCode: "IDEMPOTENCY_KEY_REUSED",
      errors: [{ status: "422", code: "IDEMPOTENCY_KEY_REUSED", title: "Idempotency key reused" }],
    });
  });

  it("OpenAPI documents the Idempotency-Key header on the create routes only", async () => {
    type Op = { parameters?: { name: string; in: string }[]; requestBody?: unknown };
    const doc = (await (await fetch(`${env.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Op>>;
    };
    const hasHeader = (op: Op | undefined) =>
      Boolean(op?.parameters?.some((p) => p.name === "Idempotency-Key" && p.in === "header"));
    for (const path of [
      "/api/leads",
      "/api/telnyx/calls",
      "/api/telnyx/messages",
      "/api/telnyx/phone-numbers/purchase",
    ])
      expect(hasHeader(doc.paths[path]!.post), path).toBe(true);
    expect(hasHeader(doc.paths["/api/leads/{id}"]!.patch)).toBe(false);
    expect(JSON.stringify(doc.paths["/api/leads"]!.post!.requestBody)).not.toContain("idempotencyKey");
  });
});
