/** End-to-end gateway flows against the sandbox: numbers lifecycle, account reads, conference commands. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_FROM as FROM, sleep, startGatewaySandbox, type GatewaySandbox } from "../support/gateway-sandbox";
import type { TelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";

let env: GatewaySandbox;
let gateway: TelnyxGateway;

beforeAll(async () => {
  env = await startGatewaySandbox();
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.sandbox.close();
});

describe("gateway flows ↔ sandbox", () => {
  it("orders a searched number, lists, updates, assigns messaging and releases it", async () => {
    const [candidate] = await gateway.searchAvailableNumbers({
      countryCode: "US",
      features: ["sms", "voice"],
      limit: 1,
    });
    if (!candidate) throw new Error("no number to order");
    const order = await gateway.createNumberOrder({
      phoneNumbers: [candidate.phoneNumber],
      customerReference: "gw-test",
    });
    expect(order.phoneNumbers.map((n) => n.phoneNumber)).toEqual([candidate.phoneNumber]);
    expect((await gateway.retrieveNumberOrder(order.id)).id).toBe(order.id);

    let owned = (await gateway.listPhoneNumbers({ phoneNumber: candidate.phoneNumber }))[0];
    for (let attempt = 0; owned?.status !== "active" && attempt < 50; attempt += 1) {
      await sleep(100);
      owned = (await gateway.listPhoneNumbers({ phoneNumber: candidate.phoneNumber }))[0];
    }
    expect(owned).toMatchObject({ phoneNumber: candidate.phoneNumber, status: "active" });
    const id = owned!.id;

    expect((await gateway.updatePhoneNumber(id, { tags: ["gw"] })).tags).toEqual(["gw"]);
    const [profile] = await gateway.listMessagingProfiles();
    expect(
      (await gateway.updatePhoneNumberMessaging(id, { messagingProfileId: profile!.id! })).messagingProfileId,
    ).toBe(profile!.id);
    await gateway.releasePhoneNumber(id);
    const after = await gateway.listPhoneNumbers({ phoneNumber: candidate.phoneNumber, status: "active" });
    expect(after).toHaveLength(0);
  });

  it("reads balance, applications, connections, recordings and detail records", async () => {
    expect(await gateway.retrieveBalance()).toMatchObject({
      balance: expect.stringMatching(/^-?\d+(\.\d+)?$/),
      currency: "USD",
    });
    const created = await gateway.createCallControlApplication({
      applicationName: "reads",
      webhookEventUrl: "http://127.0.0.1:9/hooks",
    });
    const apps = await gateway.listCallControlApplications();
    expect(apps.map((app) => app.id)).toContain(created.id);
    const renamed = await gateway.updateCallControlApplication(String(created.id), { applicationName: "renamed" });
    expect(renamed).toMatchObject({ application_name: "renamed", webhook_event_url: "http://127.0.0.1:9/hooks" });
    expect(Array.isArray(await gateway.listConnections())).toBe(true);
    expect(Array.isArray(await gateway.listRecordings())).toBe(true);
    expect(Array.isArray(await gateway.listDetailRecords({ recordType: "messaging" }))).toBe(true);
    await expect(gateway.retrieveRecording("40000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "TELNYX_NOT_FOUND",
    });
  });

  it("runs a call as a conference: create, join, mute, hold, supervisor role, leave", async () => {
    const app = await gateway.createCallControlApplication({
      applicationName: "conf test",
      webhookEventUrl: "http://127.0.0.1:9/hooks",
    });
    const agent = await gateway.dial({ connectionId: String(app.id), from: FROM, to: "+13125550193" });
    const customer = await gateway.dial({ connectionId: String(app.id), from: FROM, to: "+13125550192" });
    await sleep(200);
    const conference = await gateway.createConference({
      callControlId: agent.callControlId,
      name: `conf-${agent.callLegId}`,
    });
    expect(conference.id).toBeTruthy();
    await gateway.joinConference(conference.id, { callControlId: customer.callControlId });
    await gateway.muteParticipants(conference.id, [agent.callControlId]);
    await gateway.unmuteParticipants(conference.id, [agent.callControlId]);
    await gateway.holdParticipants(conference.id, [customer.callControlId]);
    await gateway.unholdParticipants(conference.id, [customer.callControlId]);
    await gateway.setSupervisorRole(conference.id, { callControlId: agent.callControlId, role: "barge" });
    await gateway.leaveConference(conference.id, { callControlId: customer.callControlId });
    await gateway.hangup(agent.callControlId);
  });
});
