/**
 * Numbers end to end against the Telnyx sandbox through the real gateway: search → purchase →
 * number_order.complete over signed HTTP → configured in Telnyx and ACTIVE (pushed live) → usable;
 * purchase refusals; release; assignment; this month's usage; agents refused; every mutation audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollNumberOrders } from "@app/telnyx-core/numbers/poll-number-orders";
import { noopPublisher } from "@app/telnyx-core/realtime/events";
import { DEMO_ADMIN_TOKEN, type SandboxTestServer, setupTestApi } from "./harness";

let api: SandboxTestServer;

beforeAll(async () => {
  api = await setupTestApi({ server: true, sandbox: true });
});
afterAll(async () => {
  await api?.close();
});

const auditActions = async (targetId: string) =>
  (await api.db.prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } })).map(
    (row) => `${row.action}:${row.result}`,
  );

describe("numbers", () => {
  it("offers 140+ countries with their number types, sorted by name", async () => {
    const countries = await api.asDemoAgent().numbers.countries();
    expect(countries.length).toBeGreaterThanOrEqual(140);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    expect(countries.find((c) => c.code === "FR")).toEqual({
      code: "FR",
      name: "France",
      types: ["local", "national", "mobile", "toll_free"],
    });
    expect(countries.find((c) => c.code === "US")?.types).toEqual(["local", "toll_free"]);
    const names = countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("searches French local numbers in Paris (area code 1) with their costs", async () => {
    const { items } = await api
      .asDemoAdmin()
      .numbers.search({ countryCode: "fr", numberType: "local", areaCode: "1", limit: 5 });
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.phoneNumber).toMatch(/^\+331\d{8}$/);
      expect(item.monthlyCost).toMatch(/^\d+\.\d+$/);
      expect(item.currency).toBe("USD");
      expect(item.region).toContain("Paris");
    }
  });

  it("finds Paris numbers when a French user types the area code as dialled at home, 01", async () => {
    const { items } = await api
      .asDemoAdmin()
      .numbers.search({ countryCode: "FR", numberType: "local", areaCode: "01", limit: 3 });
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.phoneNumber).toMatch(/^\+331\d{8}$/);
  });

  it("refuses a number type the country does not offer, naming what is offered", async () => {
    await expect(api.asDemoAdmin().numbers.search({ countryCode: "AG", numberType: "mobile" })).rejects.toMatchObject({
      message: "Antigua and Barbuda has no mobile numbers; offered: local.",
    });
  });

  it("buys a number: pending, then ACTIVE and configured in Telnyx on number_order.complete, and usable", async () => {
    const admin = api.asDemoAdmin();
    const live = await api.recordLiveEvents();
    const [candidate] = (
      await admin.numbers.search({ countryCode: "FR", numberType: "local", areaCode: "1", limit: 1 })
    ).items;
    const delivered = api.nextDelivery("number_order.complete");
    const bought = await admin.numbers.purchase({ countryCode: "FR", numberType: "local", ...candidate! });
    expect(bought).toMatchObject({
      phoneNumber: candidate!.phoneNumber,
      countryCode: "FR",
      numberType: "local",
      monthlyCost: "1.5",
      currency: "USD",
    });
    expect(["PURCHASE_PENDING", "ACTIVE"]).toContain(bought.status);

    expect((await delivered).status).toBe("delivered");
    await api.server.webhooks.drain();
    const number = await admin.numbers.get({ id: bought.id });
    expect(number).toMatchObject({
      status: "ACTIVE",
      isConfigured: true,
      connectionId: api.app.telnyxId,
      messagingProfileId: api.profile.telnyxId,
      features: candidate!.features,
    });
    expect(number.purchasedAt).toBeInstanceOf(Date);

    // Configured in Telnyx itself: our application, our messaging profile, our tags.
    const inTelnyx = api.sandbox.world.findNumber(candidate!.phoneNumber)!;
    expect(inTelnyx).toMatchObject({
      status: "active",
      connection_id: api.app.telnyxId,
      messaging_profile_id: api.profile.telnyxId,
    });
    expect(inTelnyx.tags).toEqual(expect.arrayContaining(["crm", api.demo.organization.slug]));
    const row = await api.db.prisma.telnyxPhoneNumber.findUniqueOrThrow({ where: { id: bought.id } });
    expect(row.telnyxId).toBe(inTelnyx.id);

    // Usable: it calls out. A French geographic number is voice-only, at Telnyx as in the sandbox: its features say
    // so, and a text from it is refused with Telnyx's own words.
    expect(number.features).not.toContain("sms");
    const gateway = await api.gateway();
    await expect(
      gateway.sendMessage({ from: candidate!.phoneNumber, to: "+33612345678", text: "Bonjour" }),
    ).rejects.toMatchObject({
      code: "TELNYX_VALIDATION",
      message: expect.stringContaining("not enabled for messaging"),
    });
    const call = await gateway.dial({
      connectionId: api.app.telnyxId,
      from: candidate!.phoneNumber,
      to: "+33612340000",
    });
    expect(call.callControlId).toBeTruthy();
    await gateway.hangup(call.callControlId);

    // Pushed live: pending first, ACTIVE last.
    const mine = live.events
      .filter((e) => e.event === "number:updated" && e.payload.id === bought.id)
      .map((e) => e.payload.status);
    expect(mine[0]).toBe("PURCHASE_PENDING");
    expect(mine.at(-1)).toBe("ACTIVE");
    live.socket.close();
    expect(await auditActions(bought.id)).toEqual(["number.purchase:ok", "number.activate:ok"]);
  });

  it("marks a purchase FAILED when Telnyx refuses the order, with a clear error and an audit row", async () => {
    // Never searched, so never reserved: Telnyx refuses to order it.
    const error = await api
      .asDemoAdmin()
      .numbers.purchase({ phoneNumber: "+33187659988", countryCode: "FR", numberType: "local" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("search for it first"),
    });
    const row = await api.db.prisma.telnyxPhoneNumber.findFirstOrThrow({ where: { phoneNumber: "+33187659988" } });
    expect(row.status).toBe("FAILED");
    expect(await auditActions(row.id)).toEqual(["number.purchase:failed"]);
  });

  it("refuses to buy a number the organization already has, and buying without an application", async () => {
    await expect(
      api.asDemoAdmin().numbers.purchase({ phoneNumber: "+33757650100", countryCode: "FR", numberType: "mobile" }),
    ).rejects.toMatchObject({
      message: "This number is already yours.",
    });
    await expect(api.asOtherAdmin().numbers.purchase({ countryCode: "FR", numberType: "local" })).rejects.toMatchObject(
      {
        message: expect.stringContaining("Create a Call Control application"),
      },
    );
  });

  it("settles a purchase whose webhook was lost, from numbers.get once it is stale", async () => {
    const admin = api.asDemoAdmin();
    const gateway = await api.gateway();
    // Someone pointed the profile elsewhere in the portal: number_order.complete goes nowhere.
    await gateway.updateMessagingProfile(api.profile.telnyxId, {
      webhookUrl: "http://127.0.0.1:9/hook",
      webhookFailoverUrl: null,
    });
    try {
      const [candidate] = (await admin.numbers.search({ countryCode: "FR", numberType: "mobile", limit: 1 })).items;
      const lost = api.nextDelivery("number_order.complete");
      const bought = await admin.numbers.purchase({
        countryCode: "FR",
        numberType: "mobile",
        phoneNumber: candidate!.phoneNumber,
      });
      expect((await lost).status).toBe("failed");
      await api.server.webhooks.drain();
      expect((await admin.numbers.get({ id: bought.id })).status).toBe("PURCHASE_PENDING");

      // 30 s later, the next look at the number asks Telnyx for the order.
      await api.db.query(`UPDATE "TelnyxPhoneNumber" SET "updatedAt" = now() - interval '1 minute' WHERE "id" = $1`, [
        bought.id,
      ]);
      const settled = await admin.numbers.get({ id: bought.id });
      expect(settled).toMatchObject({ status: "ACTIVE", isConfigured: true, connectionId: api.app.telnyxId });
      expect(api.sandbox.world.findNumber(candidate!.phoneNumber)?.tags).toContain("crm");
    } finally {
      await gateway.updateMessagingProfile(api.profile.telnyxId, {
        webhookUrl: api.expected.messages,
        webhookFailoverUrl: api.expected.any,
      });
    }
  });

  it("keeps a bought number ACTIVE but not configured when Telnyx fails to configure it, and the poller finishes the job", async () => {
    const admin = api.asDemoAdmin();
    const [candidate] = (await admin.numbers.search({ countryCode: "US", numberType: "toll_free", limit: 1 })).items;
    const fault = api.sandbox.world.faults.add({ path: "/phone_numbers/*", method: "PATCH", kind: "500", count: null });
    const delivered = api.nextDelivery("number_order.complete");
    const bought = await admin.numbers.purchase({ countryCode: "US", numberType: "toll_free", ...candidate! });
    await delivered;
    await api.server.webhooks.drain();
    api.sandbox.world.faults.faults.splice(api.sandbox.world.faults.faults.indexOf(fault), 1);
    expect(await admin.numbers.get({ id: bought.id })).toMatchObject({
      status: "ACTIVE",
      isConfigured: false,
      connectionId: null,
    });
    expect(await auditActions(bought.id)).toEqual(["number.purchase:ok", "number.activate:failed"]);

    await api.db.query(`UPDATE "TelnyxPhoneNumber" SET "updatedAt" = now() - interval '1 minute' WHERE "id" = $1`, [
      bought.id,
    ]);
    const result = await pollNumberOrders({
      db: api.db,
      gatewayFor: () => api.gateway(),
      publisher: noopPublisher,
      organizationId: api.demo.organization.id,
    });
    expect(result).toMatchObject({ configured: 1, failed: 0, errors: [] });
    expect(await admin.numbers.get({ id: bought.id })).toMatchObject({
      status: "ACTIVE",
      isConfigured: true,
      connectionId: api.app.telnyxId,
    });
    expect(await auditActions(bought.id)).toEqual([
      "number.purchase:ok",
      "number.activate:failed",
      "number.activate:ok",
    ]);
  });

  it("releases a number in Telnyx and keeps it only in the released history", async () => {
    const admin = api.asDemoAdmin();
    const [candidate] = (
      await admin.numbers.search({ countryCode: "US", numberType: "local", areaCode: "415", limit: 1 })
    ).items;
    const delivered = api.nextDelivery("number_order.complete");
    const bought = await admin.numbers.purchase({
      countryCode: "US",
      numberType: "local",
      phoneNumber: candidate!.phoneNumber,
    });
    await delivered;
    await api.server.webhooks.drain();

    const released = await admin.numbers.release({ id: bought.id });
    expect(released.status).toBe("RELEASED");
    expect(api.sandbox.world.findNumber(candidate!.phoneNumber)).toBeUndefined();
    expect((await admin.numbers.list()).items.map((n) => n.id)).not.toContain(bought.id);
    expect((await admin.numbers.list({ includeReleased: true })).items.map((n) => n.id)).toContain(bought.id);
    await expect(admin.numbers.release({ id: bought.id })).rejects.toMatchObject({
      message: `${candidate!.phoneNumber} is already released.`,
    });
    expect(await auditActions(bought.id)).toEqual(["number.purchase:ok", "number.activate:ok", "number.release:ok"]);
  });

  it("assigns a number to an agent and back to shared; refuses someone outside the organization", async () => {
    const admin = api.asDemoAdmin();
    const number = (await admin.numbers.list()).items.find((n) => n.phoneNumber === "+33757650100")!;
    const agent = api.demo.users.agent1;
    expect(await admin.numbers.assign({ id: number.id, userId: agent.id })).toMatchObject({
      assignedUserId: agent.id,
      assignedUserName: agent.name,
    });
    await expect(admin.numbers.assign({ id: number.id, userId: api.other.users.agent.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "This person is not a member of your organization.",
    });
    expect(await admin.numbers.assign({ id: number.id, userId: null })).toMatchObject({
      assignedUserId: null,
      assignedUserName: null,
    });
    expect(await auditActions(number.id)).toEqual(["number.assign:ok", "number.assign:ok"]);
    const members = await admin.numbers.members();
    expect(members.map((m) => m.email)).toContain(agent.email);
    expect(members.map((m) => m.email)).not.toContain(api.other.users.agent.email);
  });

  it("shows this month's calls, messages and cost per number", async () => {
    const organizationId = api.demo.organization.id;
    const number = (await api.asDemoAgent().numbers.list()).items.find((n) => n.phoneNumber === "+13125550100")!;
    const lastYear = new Date(Date.now() - 400 * 86_400_000);
    const call = {
      organizationId,
      direction: "OUTBOUND" as const,
      fromNumber: number.phoneNumber,
      toNumber: "+13125550000",
      phoneNumberId: number.id,
    };
    const message = { ...call, counterpartNumber: "+13125550000", text: "hi" };
    await api.db.prisma.telnyxCall.createMany({
      data: [
        { ...call, cost: "0.0125" },
        { ...call, cost: "0.0035" },
        { ...call, cost: "9", createdAt: lastYear },
      ],
    });
    await api.db.prisma.telnyxMessage.createMany({
      data: [
        { ...message, cost: "0.0075" },
        { ...message, cost: "1", createdAt: lastYear },
      ],
    });

    const listed = (await api.asDemoAgent().numbers.list()).items.find((n) => n.id === number.id)!;
    expect(listed.usage).toEqual({ calls: 2, messages: 1, cost: "0.0235" });
    expect((await api.asDemoAgent().numbers.get({ id: number.id })).usage).toEqual(listed.usage);
  });

  it("refuses agents every number mutation and the search", async () => {
    const agent = api.asDemoAgent();
    const id = (await agent.numbers.list()).items[0]!.id;
    const attempts = [
      agent.numbers.search({ countryCode: "FR", numberType: "local" }),
      agent.numbers.purchase({ countryCode: "FR", numberType: "local" }),
      agent.numbers.release({ id }),
      agent.numbers.assign({ id, userId: null }),
      agent.numbers.members(),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("buys the first match over REST: POST /api/telnyx/phone-numbers/purchase {country, type, area_code}", async () => {
    const delivered = api.nextDelivery("number_order.complete");
    const response = await fetch(`${api.url}/api/telnyx/phone-numbers/purchase`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ country: "US", type: "local", area_code: "312" }),
    });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; phoneNumber: string; monthlyCost: string } };
    expect(data.phoneNumber).toMatch(/^\+1312\d{7}$/);
    expect(data.monthlyCost).toBe("2");
    await delivered;
    await api.server.webhooks.drain();
    const list = await fetch(`${api.url}/api/telnyx/phone-numbers`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    });
    const listed = (await list.json()) as { data: { items: Array<{ id: string; status: string }> } };
    expect(listed.data.items.find((n) => n.id === data.id)?.status).toBe("ACTIVE");

    const invalid = await fetch(`${api.url}/api/telnyx/phone-numbers/purchase`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ country: "US", type: "shared_cost" }),
    });
    expect(invalid.status).toBe(422);
  });
});
