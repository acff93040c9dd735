import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let profileId: string;
const FROM = "+13125550200";
const FR = "+33612340000";

beforeAll(async () => {
  h = await startHarness();
  const profile = await h.client.messagingProfiles.create({
    name: "crm-sms",
    whitelisted_destinations: ["US", "FR"],
    webhook_url: `${h.hooks.url}/messages`,
  });
  profileId = profile.data!.id!;
  h.sandbox.world.provisionNumber({
    phoneNumber: FROM,
    messagingProfileId: profileId,
    features: ["sms", "mms", "voice"],
  });
  h.sandbox.world.provisionNumber({ phoneNumber: FR, messagingProfileId: profileId, phoneNumberType: "mobile" });
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

const finalizedOf = (id: string) =>
  h.hooks.waitFor((e) => e.eventType === "message.finalized" && e.payload["id"] === id);

describe("messaging", () => {
  it("queues, sends and delivers an SMS with a cost", async () => {
    const res = await h.client.messages.send({ from: FROM, to: "+13125551111", text: "Hello from the CRM" });
    const msg = res.data!;
    expect(msg).toMatchObject({
      type: "SMS",
      encoding: "GSM-7",
      parts: 1,
      direction: "outbound",
      messaging_profile_id: profileId,
    });
    expect(msg.to![0]!.status).toBe("queued");
    const sent = await h.hooks.waitFor((e) => e.eventType === "message.sent" && e.payload["id"] === msg.id);
    expect((sent.payload["to"] as Array<{ status: string }>)[0]!.status).toBe("sent");
    const fin = await finalizedOf(msg.id!);
    expect((fin.payload["to"] as Array<{ status: string }>)[0]!.status).toBe("delivered");
    expect(fin.payload["cost"]).toEqual({ amount: "0.0075", currency: "USD" });
    const events = h.hooks.events.filter((e) => e.payload["id"] === msg.id).map((e) => e.eventType);
    expect(events).toEqual(["message.sent", "message.finalized"]);
    const stored = await h.client.messages.retrieve(msg.id!);
    expect((stored.data!.to as Array<{ status?: string }>)[0]!.status).toBe("delivered");
  });

  it("computes parts for GSM-7 and UCS-2", async () => {
    const long = await h.client.messages.send({ from: FROM, to: "+13125551112", text: "a".repeat(161) });
    expect(long.data).toMatchObject({ encoding: "GSM-7", parts: 2 });
    const ucs = await h.client.messages.send({ from: FROM, to: "+13125551113", text: "é😀".repeat(20) });
    expect(ucs.data).toMatchObject({ encoding: "UCS-2", parts: 1 });
    const ucsLong = await h.client.messages.send({ from: FROM, to: "+13125551114", text: "ж".repeat(71) });
    expect(ucsLong.data).toMatchObject({ encoding: "UCS-2", parts: 2 });
    const mms = await h.client.messages.send({
      from: FROM,
      to: "+13125551115",
      text: "pic",
      media_urls: ["https://example.com/a.png"],
    });
    expect(mms.data!.type).toBe("MMS");
  });

  it("reports delivery_failed with a carrier error and sending_failed", async () => {
    const failed = await h.client.messages.send({ from: FROM, to: "+13125554008", text: "hi" });
    const fin = await finalizedOf(failed.data!.id!);
    expect((fin.payload["to"] as Array<{ status: string }>)[0]!.status).toBe("delivery_failed");
    expect(fin.payload["errors"]).toEqual([expect.objectContaining({ code: "40008", title: "Undeliverable" })]);
    const notSent = await h.client.messages.send({ from: FROM, to: "+13125554001", text: "hi" });
    const fin2 = await finalizedOf(notSent.data!.id!);
    expect((fin2.payload["to"] as Array<{ status: string }>)[0]!.status).toBe("sending_failed");
  });

  it("per-request webhook_url overrides the profile", async () => {
    const res = await h.client.messages.send({
      from: FROM,
      to: "+13125551116",
      text: "x",
      webhook_url: `${h.hooks.url}/override`,
    });
    const fin = await finalizedOf(res.data!.id!);
    expect(fin.path).toBe("/override");
  });

  it("receives inbound SMS and MMS", async () => {
    await h.control("/inbound-message", { from: "+13125559999", to: FROM, text: "STOP" });
    const sms = await h.hooks.waitFor((e) => e.eventType === "message.received" && e.payload["text"] === "STOP");
    expect(sms.payload).toMatchObject({ direction: "inbound", type: "SMS", messaging_profile_id: profileId });
    await h.control("/inbound-message", {
      from: "+13125559999",
      to: FROM,
      text: "photo",
      media_urls: ["https://example.com/p.jpg"],
    });
    const mms = await h.hooks.waitFor((e) => e.eventType === "message.received" && e.payload["text"] === "photo");
    expect(mms.payload["type"]).toBe("MMS");
    expect(mms.payload["media"]).toEqual([
      expect.objectContaining({ url: "https://example.com/p.jpg", content_type: "image/jpeg" }),
    ]);
  });

  it("validates sends", async () => {
    await expect(h.client.messages.send({ from: FROM, to: "3125551111", text: "x" })).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "10016" })] },
    });
    await expect(h.client.messages.send({ from: "+13125550999", to: "+13125551111", text: "x" })).rejects.toMatchObject(
      { status: 422 },
    );
    await expect(h.client.messages.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      status: 404,
      error: { errors: [expect.objectContaining({ code: "10005" })] },
    });
  });

  it("refuses SMS from a voice-only number (a French geographic one, its type read from the number)", async () => {
    const geographic = h.sandbox.world.provisionNumber({ phoneNumber: "+33187650199", messagingProfileId: profileId });
    expect(geographic).toMatchObject({ phone_number_type: "local", features: ["voice", "fax", "emergency"] });
    await expect(
      h.client.messages.send({ from: "+33187650199", to: "+33612349999", text: "Bonjour" }),
    ).rejects.toMatchObject({
      status: 422,
      error: {
        errors: [
          expect.objectContaining({
            code: "40305",
            detail: expect.stringContaining("not enabled for messaging"),
            source: { pointer: "/from" },
          }),
        ],
      },
    });
    // The same country's mobile number texts.
    const sent = await h.client.messages.send({ from: FR, to: "+33612349999", text: "Bonjour" });
    expect(sent.data).toMatchObject({ direction: "outbound", from: expect.objectContaining({ phone_number: FR }) });
  });

  it("charges the balance and lists messaging detail records", async () => {
    const balance = await h.client.balance.retrieve();
    expect(balance.data!.currency).toBe("USD");
    expect(Number(balance.data!.balance)).toBeLessThan(100);
    const records = await h.client.detailRecords.list({ filter: { record_type: "messaging", date_range: "today" } });
    expect(records.data.length).toBeGreaterThan(3);
  });
});

describe("webhook delivery", () => {
  it("retries non-2xx responses, then uses the failover URL", async () => {
    const profile = await h.client.messagingProfiles.create({
      name: "flaky",
      whitelisted_destinations: ["*"],
      webhook_url: `${h.hooks.url}/down`,
      webhook_failover_url: `${h.hooks.url}/failover`,
    });
    const number = "+13125550300";
    h.sandbox.world.provisionNumber({ phoneNumber: number, messagingProfileId: profile.data!.id! });
    h.hooks.statusFor = (path) => (path === "/down" ? 500 : 200);
    const res = await h.client.messages.send({ from: number, to: "+13125551117", text: "retry" });
    const fin = await finalizedOf(res.data!.id!);
    h.hooks.statusFor = () => 200;
    expect(fin.path).toBe("/failover");
    expect(fin.attempt).toBe(4);
    const log = (await h.control("/webhooks?event_type=message.finalized")).data as Array<{
      event_id: string;
      attempts: Array<{ status_code: number }>;
    }>;
    const entry = log.find((d) => d.event_id === fin.id)!;
    expect(entry.attempts.map((a) => a.status_code)).toEqual([500, 500, 500, 200]);
  });

  it("chaos duplicates and reorders events", async () => {
    await h.control("/chaos", { duplicate_rate: 1, reorder: true, delay_ms_max: 0 });
    const res = await h.client.messages.send({ from: FROM, to: "+13125551118", text: "chaos" });
    const id = res.data!.id!;
    await h.hooks.waitFor(() => h.hooks.events.filter((e) => e.payload["id"] === id).length >= 4);
    await h.control("/chaos", { duplicate_rate: 0, reorder: false, delay_ms_max: 0 });
    const events = h.hooks.events.filter((e) => e.payload["id"] === id);
    expect(events[0]!.eventType).toBe("message.finalized");
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
  });
});
