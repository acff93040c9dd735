import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTRIES } from "../src/world/countries.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

describe("numbers", () => {
  it("covers at least 140 countries", () => {
    expect(COUNTRIES.size).toBeGreaterThanOrEqual(140);
  });

  it("searches by country, type, locality, NDC and features", async () => {
    const paris = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "FR", phone_number_type: "local", locality: "Paris", limit: 3 },
    });
    expect(paris.data).toHaveLength(3);
    for (const n of paris.data!) {
      expect(n.phone_number).toMatch(/^\+331\d{8}$/);
      expect(n.record_type).toBe("available_phone_number");
      expect(n.cost_information).toMatchObject({
        currency: "USD",
        monthly_cost: expect.stringMatching(/^\d+\.\d{2}$/),
      });
      expect(n.region_information).toContainEqual({ region_type: "location", region_name: "Paris" });
    }
    expect(paris.meta).toEqual({ total_results: 3, best_effort_results: 0 });
    const sms = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "US", national_destination_code: "312", features: ["sms", "voice"], limit: 2 },
    });
    expect(
      sms.data!.every((n) => n.phone_number!.startsWith("+1312") && n.features!.some((f) => f.name === "sms")),
    ).toBe(true);
    const frSms = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "FR", phone_number_type: "local", features: ["sms"] },
    });
    expect(frSms.data).toEqual([]);
    const tollFree = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "US", phone_number_type: "toll_free", limit: 2 },
    });
    expect(tollFree.data![0]!.phone_number).toMatch(/^\+18(00|33|44|55|66|77|88)/);
    const bestEffort = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "US", locality: "Nowhere", best_effort: true, limit: 2 },
    });
    expect(bestEffort.meta!.best_effort_results).toBe(2);
    const again = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "FR", phone_number_type: "local", locality: "Paris", limit: 3 },
    });
    expect(again.data!.map((n) => n.phone_number)).toEqual(paris.data!.map((n) => n.phone_number));
  });

  it("orders a searched number: pending → number_order.complete → active", async () => {
    const app = await h.client.callControlApplications.create({
      application_name: "numbers",
      webhook_event_url: `${h.hooks.url}/voice`,
    });
    const profile = await h.client.messagingProfiles.create({
      name: "numbers",
      whitelisted_destinations: ["US"],
      webhook_url: `${h.hooks.url}/sms`,
    });
    const found = await h.client.availablePhoneNumbers.list({
      filter: { country_code: "US", locality: "Chicago", limit: 1 },
    });
    const phone = found.data![0]!.phone_number!;
    const order = await h.client.numberOrders.create({
      phone_numbers: [{ phone_number: phone }],
      connection_id: app.data!.id!,
      messaging_profile_id: profile.data!.id!,
      customer_reference: "org-1",
    });
    expect(order.data).toMatchObject({ status: "pending", phone_numbers_count: 1, customer_reference: "org-1" });
    const done = await h.hooks.waitFor(
      (e) => e.eventType === "number_order.complete" && e.payload["id"] === order.data!.id,
    );
    expect(done.path).toBe("/sms");
    expect(done.payload).toMatchObject({
      status: "success",
      phone_numbers: [expect.objectContaining({ phone_number: phone, status: "success" })],
    });
    expect((await h.client.numberOrders.retrieve(order.data!.id!)).data!.status).toBe("success");
    expect((await h.client.numberOrders.list()).data.map((o) => o.id)).toContain(order.data!.id);
    const active = await h.client.phoneNumbers.list({ filter: { status: "active", phone_number: phone } });
    expect(active.data).toHaveLength(1);
    const owned = active.data[0]!;
    expect(owned).toMatchObject({ connection_id: app.data!.id, messaging_profile_id: profile.data!.id });
    const updated = await h.client.phoneNumbers.update(owned.id!, { tags: ["sales"], customer_reference: "desk-7" });
    expect(updated.data!.tags).toEqual(["sales"]);
    expect((await h.client.phoneNumbers.list({ filter: { tag: "sales" } })).data).toHaveLength(1);
    const other = await h.client.messagingProfiles.create({ name: "other", whitelisted_destinations: ["*"] });
    const moved = await h.client.phoneNumbers.messaging.update(owned.id!, { messaging_profile_id: other.data!.id! });
    expect(moved.data!.messaging_profile_id).toBe(other.data!.id);
    expect(
      (await h.client.messagingProfiles.listPhoneNumbers(other.data!.id!)).data.map((n) => n.phone_number),
    ).toEqual([phone]);
    await h.client.phoneNumbers.delete(owned.id!);
    await expect(h.client.phoneNumbers.retrieve(owned.id!)).rejects.toMatchObject({ status: 404 });
    await expect(
      h.client.numberOrders.create({ phone_numbers: [{ phone_number: "+13125550000" }] }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("pages phone number lists", async () => {
    for (let i = 0; i < 5; i++) h.sandbox.world.provisionNumber({ phoneNumber: `+3314000000${i}` });
    const page = await h.client.phoneNumbers.list({ "page[size]": 2, filter: { country_iso_alpha2: "FR" } });
    expect(page.meta).toMatchObject({ page_number: 1, page_size: 2, total_pages: 3, total_results: 5 });
    const all: string[] = [];
    for await (const n of h.client.phoneNumbers.list({ "page[size]": 2, filter: { country_iso_alpha2: "FR" } }))
      all.push(n.phone_number);
    expect(all).toHaveLength(5);
  });
});

describe("applications, connections, profiles", () => {
  it("CRUD on call control applications, credential connections and messaging profiles", async () => {
    await expect(h.client.callControlApplications.create({ application_name: "x" } as never)).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "10004" })] },
    });
    const app = await h.client.callControlApplications.create({
      application_name: "crud",
      webhook_event_url: "https://example.com/hook",
      webhook_timeout_secs: 5,
    });
    const id = app.data!.id!;
    expect(app.data).toMatchObject({
      record_type: "call_control_application",
      webhook_api_version: "2",
      call_cost_in_webhooks: false,
    });
    const updated = await h.client.callControlApplications.update(id, {
      application_name: "crud2",
      webhook_event_url: "https://example.com/hook2",
      call_cost_in_webhooks: true,
    });
    expect(updated.data).toMatchObject({ application_name: "crud2", call_cost_in_webhooks: true });
    expect((await h.client.callControlApplications.retrieve(id)).data!.webhook_event_url).toBe(
      "https://example.com/hook2",
    );
    const cred = await h.client.credentialConnections.create({
      connection_name: "webrtc",
      user_name: "agentuser",
      password: "secret123",
    });
    expect((await h.client.credentialConnections.retrieve(cred.data!.id!)).data!.user_name).toBe("agentuser");
    const conns = await h.client.connections.list();
    expect(conns.data.map((c) => c.id)).toEqual(expect.arrayContaining([id, cred.data!.id]));
    expect((await h.client.connections.retrieve(id)).data!.connection_name).toBe("crud2");
    await h.client.callControlApplications.delete(id);
    await expect(h.client.callControlApplications.retrieve(id)).rejects.toMatchObject({ status: 404 });
    await expect(h.client.messagingProfiles.create({ name: "no-wl" } as never)).rejects.toMatchObject({ status: 422 });
    const profile = await h.client.messagingProfiles.create({
      name: "p",
      whitelisted_destinations: ["FR"],
      daily_spend_limit: "10.00",
    });
    const pid = profile.data!.id!;
    await h.client.messagingProfiles.update(pid, { enabled: false });
    expect((await h.client.messagingProfiles.retrieve(pid)).data!.enabled).toBe(false);
    expect((await h.client.messagingProfiles.list()).data.some((p) => p.id === pid)).toBe(true);
    await h.client.messagingProfiles.delete(pid);
    await expect(h.client.messagingProfiles.retrieve(pid)).rejects.toMatchObject({ status: 404 });
  });
});

describe("held numbers", () => {
  it("reads a held number's type, and so its features, from its prefix", () => {
    const typeOf = (phoneNumber: string) => {
      const owned = h.sandbox.world.provisionNumber({ phoneNumber });
      return [owned.phone_number_type, owned.features.includes("sms")];
    };
    expect(typeOf("+33187650111")).toEqual(["local", false]); // Paris: geographic, voice-only
    expect(typeOf("+33757650111")).toEqual(["mobile", true]);
    expect(typeOf("+33612340111")).toEqual(["mobile", true]);
    expect(typeOf("+33800123111")).toEqual(["toll_free", false]);
    expect(typeOf("+13125550111")).toEqual(["local", true]);
    expect(typeOf("+18005550111")).toEqual(["toll_free", true]);
    expect(typeOf("+447700900111")).toEqual(["mobile", true]);
  });
});
