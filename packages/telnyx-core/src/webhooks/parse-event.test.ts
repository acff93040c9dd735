import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseWebhookBody,
  parseWebhookEvent,
  type KnownEventType,
  type TelnyxEvent,
  type TelnyxEventOf,
} from "./parse-event";
import { findWebhookFixtures } from "../../../../tooling/testing/webhook-fixtures";

const FIXTURES = findWebhookFixtures();
const NONSTANDARD = join(FIXTURES, "_nonstandard");

function load(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

function parse(name: string): TelnyxEvent {
  const result = parseWebhookEvent(load(FIXTURES, name));
  if (!result.ok) throw new Error(`${name}: ${result.reason} ${result.message}`);
  return result.event;
}

function parseAs<K extends KnownEventType>(name: string, kind: K): TelnyxEventOf<K> {
  const event = parse(name);
  expect(event.kind).toBe(kind);
  return event as TelnyxEventOf<K>;
}

describe("parseWebhookEvent on every real body", () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".json"));

  it("has the 48 fixtures", () => expect(files).toHaveLength(48));

  it.each(files)("parses %s into its typed event", (name) => {
    const event = parse(name);
    const eventType = name.split("__")[0];
    expect(event.kind).toBe(eventType); // every fixture type is a known type, none falls to "unknown"
    expect(event.eventType).toBe(eventType);
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.occurredAt.getTime()).not.toBeNaN();
  });
});

describe("spot checks per event type", () => {
  it("call.initiated: incoming parked vs outgoing bridging, null client_state", () => {
    const inbound = parseAs("call.initiated__demo-contact-center__1.json", "call.initiated");
    expect(inbound.payload).toMatchObject({
      direction: "incoming",
      state: "parked",
      from: "+48573205926",
      clientState: null,
    });
    expect(inbound.payload.tags).toEqual(["TestTagPhillip"]);
    expect(inbound.attempt).toBe(1);
    const outbound = parseAs("call.initiated__telnyx-java__1.json", "call.initiated");
    expect(outbound.payload).toMatchObject({ direction: "outgoing", state: "bridging", startTime: undefined });
    const placeholder = parseAs("call.initiated__openapi__1.json", "call.initiated");
    expect(placeholder.payload.connectionId).toBe("7267xxxxxxxxxxxxxx");
    expect(placeholder.payload.clientState).toBe("aGF2ZSBhIG5pY2UgZGF5ID1d");
    expect(placeholder.attempt).toBeUndefined();
  });

  it("call.answered and call.bridged", () => {
    const answered = parseAs("call.answered__clean-middleware__1.json", "call.answered");
    expect(answered.payload.startTime?.toISOString()).toBe("2025-11-23T03:30:00.076Z");
    expect(answered.occurredAtRaw).toBe("2025-11-23T03:30:00.996306Z");
    expect(parseAs("call.bridged__openapi__1.json", "call.bridged").payload.callLegId).toBe(
      "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
    );
  });

  it("call.hangup: cause, source, sip cause, times and MOS", () => {
    const real = parseAs("call.hangup__clean-middleware__1.json", "call.hangup");
    expect(real.payload).toMatchObject({
      hangupCause: "normal_clearing",
      hangupSource: "caller",
      sipHangupCause: "200",
      mos: 4.5,
    });
    expect(real.payload.endTime?.toISOString()).toBe("2025-11-23T03:30:30.816Z");
    expect(real.payload.callQualityStats?.outbound).toMatchObject({ packetCount: 268, mos: undefined });
    const rejected = parseAs("call.hangup__openapi__1.json", "call.hangup");
    expect(rejected.payload).toMatchObject({ hangupCause: "call_rejected", sipHangupCause: "603", endTime: undefined });
    const old = parseAs("call.hangup__demo-node-calltracking__2.json", "call.hangup");
    expect(old.payload).toMatchObject({ hangupSource: "callee", callQualityStats: undefined, mos: undefined });
  });

  it("call.cost: total and parts stay decimal strings", () => {
    const cost = parseAs("call.cost__demo-contact-center__1.json", "call.cost");
    expect(cost.payload).toMatchObject({
      totalCost: "0.0024",
      billedDurationSecs: 12,
      currency: "USD",
      status: "success",
    });
    expect(cost.payload.costParts[1]).toEqual({
      callPart: "call-control",
      billedDurationSecs: 12,
      rate: "0.00200",
      cost: "0.0004",
      currency: "USD",
    });
    expect(parseAs("call.cost__openapi__1.json", "call.cost").payload.totalCost).toBe("0.0106");
  });

  it("call.recording.saved: urls and times, no call_control_id in this example", () => {
    const saved = parseAs("call.recording.saved__openapi__1.json", "call.recording.saved");
    expect(saved.payload).toMatchObject({
      callControlId: undefined,
      recordingId: undefined,
      channels: "single",
      recordingUrls: { mp3: "http://example.com/recording.mp3", wav: "http://example.com/recording.wav" },
      publicRecordingUrls: { mp3: "http://example.com/recording.mp3" },
    });
    expect(saved.payload.recordingStartedAt).toBeInstanceOf(Date);
  });

  it("call.machine.detection.ended, speak, playback, gather, dtmf", () => {
    expect(
      parseAs("call.machine.detection.ended__docs-amd__1.json", "call.machine.detection.ended").payload.result,
    ).toBe("machine");
    expect(
      parseAs("call.machine.detection.ended__openapi__1.json", "call.machine.detection.ended").payload.result,
    ).toBe("human");
    expect(parseAs("call.speak.ended__clean-middleware__1.json", "call.speak.ended").payload).toMatchObject({
      status: "completed",
      speakId: "YUw4fjNSuw",
    });
    expect(parseAs("call.playback.ended__openapi__1.json", "call.playback.ended").payload).toMatchObject({
      mediaName: "my_media_uploaded_to_media_storage_api",
      overlay: false,
    });
    expect(parseAs("call.gather.ended__openapi__1.json", "call.gather.ended").payload).toMatchObject({
      digits: "123",
      status: "valid",
    });
    expect(parseAs("call.dtmf.received__openapi__1.json", "call.dtmf.received").payload.digit).toBe("#");
  });

  it("conference.*: occurred_at falls back to payload.occurred_at", () => {
    const created = parseAs("conference.created__openapi__1.json", "conference.created");
    expect(created.occurredAt.toISOString()).toBe("2018-02-02T22:25:27.521Z");
    expect(created.payload.conferenceId).toBe("428c31b6-abf3-3bc1-b7f4-5013ef9657c1");
    expect(parseAs("conference.ended__openapi__1.json", "conference.ended").payload.reason).toBe("host_left");
    expect(
      parseAs("conference.participant.joined__openapi__1.json", "conference.participant.joined").payload.callControlId,
    ).toMatch(/^v3:/);
    expect(parseAs("conference.participant.left__openapi__1.json", "conference.participant.left").kind).toBe(
      "conference.participant.left",
    );
    expect(parseAs("conference.created__demo-python__1.json", "conference.created").occurredAtRaw).toBe(
      "2020-09-09T16:42:36.970189Z",
    );
  });

  it("message.finalized: delivered status and cost as a decimal string (or null)", () => {
    const finalized = parseAs("message.finalized__humano__1.json", "message.finalized");
    expect(finalized.payload.cost).toEqual({ amount: "0.0040", currency: "USD" });
    expect(finalized.payload.to).toEqual([
      { phoneNumber: "+19097688030", status: "delivered", carrier: "TELNYX LLC", lineType: "Pre-Paid Wireless" },
    ]);
    expect(finalized.payload).toMatchObject({ encoding: "GSM-7", parts: 1, errors: [], direction: "outbound" });
    const docs = parseAs("message.finalized__docs-msg-webhooks__1.json", "message.finalized");
    expect(docs.payload.costBreakdown).toEqual({
      carrierFee: { amount: "0.00305", currency: "USD" },
      rate: { amount: "0.00205", currency: "USD" },
    });
    expect(parseAs("message.finalized__telnyx-java__1.json", "message.finalized").payload.cost).toBeNull();
    const group = parseAs("message.finalized__docs-group-msg__1.json", "message.finalized");
    expect(group.payload).toMatchObject({
      groupMessageId: "403189d4-b1d6-4993-b263-6470e5224430",
      cost: null,
      errors: [],
      media: [],
    });
  });

  it("message.sent: queued/sent recipients, MMS media with null metadata", () => {
    const sent = parseAs("message.sent__openapi__1.json", "message.sent");
    expect(sent.payload.to[0]?.status).toBe("queued");
    expect(sent.payload.media[0]).toMatchObject({ contentType: undefined, sha256: undefined, size: undefined });
    expect(parseAs("message.sent__telnyx-java__1.json", "message.sent").payload.to[0]?.status).toBe("sent");
  });

  it("message.received: text, media, cc strings, legacy string `to`", () => {
    expect(parseAs("message.received__voipbin__1.json", "message.received").payload).toMatchObject({
      text: "pchero21:\nTest message from skype.",
      from: { phoneNumber: "+75973", carrier: undefined },
      cost: null,
    });
    const mms = parseAs("message.received__telnyx-dotnet__1.json", "message.received");
    expect(mms.payload).toMatchObject({ type: "MMS", text: "", encoding: "UCS-2" });
    expect(mms.payload.media[0]).toMatchObject({
      contentType: "image/jpeg",
      size: 92084,
      sha256: expect.stringMatching(/^6c8cb6/),
    });
    expect(parseAs("message.received__telnyx-ruby__1.json", "message.received").payload.to).toEqual([
      { phoneNumber: "+18446087849" },
    ]);
    expect(
      parseAs("message.received__docs-group-msg__1.json", "message.received").payload.cc.map((p) => p.phoneNumber),
    ).toEqual(["+15558765432", "+15557654321", "+15551234567"]);
    expect(parseAs("message.received__docs-msg-webhooks__1.json", "message.received").payload.cost?.amount).toBe(
      "0.0000",
    );
  });
});

describe("other inputs", () => {
  it("keeps unknown event types as kind unknown with the raw body", () => {
    const body = {
      data: { id: "e1", event_type: "call.ai_gather.ended", occurred_at: "2025-01-01T00:00:00Z", payload: { x: 1 } },
    };
    const result = parseWebhookEvent(body);
    expect(result).toMatchObject({
      ok: true,
      event: { kind: "unknown", eventType: "call.ai_gather.ended", raw: body },
    });
  });

  it("parses number_order.complete", () => {
    const body = {
      data: {
        id: "e2",
        event_type: "number_order.complete",
        occurred_at: "2025-01-01T00:00:00Z",
        payload: {
          id: "o1",
          status: "success",
          phone_numbers: [{ id: "n1", phone_number: "+14155550100", status: "success" }],
        },
      },
    };
    const result = parseWebhookEvent(body);
    expect(result.ok && result.event.kind === "number_order.complete" && result.event.payload).toMatchObject({
      id: "o1",
      status: "success",
      phoneNumbers: [{ id: "n1", phoneNumber: "+14155550100", status: "success" }],
    });
  });

  it("reports a known event whose payload is unusable, with its id for the inbox", () => {
    const body = {
      data: { id: "e3", event_type: "call.hangup", occurred_at: "2025-01-01T00:00:00Z", payload: { call_leg_id: "x" } },
    };
    expect(parseWebhookEvent(body)).toMatchObject({
      ok: false,
      reason: "invalid_payload",
      eventId: "e3",
      eventType: "call.hangup",
    });
  });

  it("reports an occurred_at the database cannot hold (JavaScript dates reach year ±275760), with its id", () => {
    for (const occurredAt of ["-271821-04-20T00:00:00Z", "275760-09-13T00:00:00Z"]) {
      const body = { data: { id: "e4", event_type: "call.hangup", occurred_at: occurredAt, payload: {} } };
      expect(parseWebhookEvent(body)).toMatchObject({ ok: false, reason: "invalid_occurred_at", eventId: "e4" });
    }
  });

  it("rejects non-JSON raw bodies", () => {
    expect(parseWebhookBody("not json")).toMatchObject({ ok: false, reason: "invalid_json" });
    expect(parseWebhookBody(Buffer.from(readFileSync(join(FIXTURES, "call.bridged__openapi__1.json"))))).toMatchObject({
      ok: true,
    });
  });
});

describe("_nonstandard bodies (not real POST bodies)", () => {
  it.each([
    ["call.initiated__docs-getting-started-flat__1.json", "invalid_envelope"],
    ["call.answered__docs-getting-started-flat__1.json", "invalid_envelope"],
    ["call.hangup__docs-getting-started-flat__1.json", "invalid_envelope"],
    ["recording_saved__docs-storing-recordings-flat__1.json", "invalid_envelope"],
    ["call.recording.saved__docs-storing-recordings-payload-only__1.json", "invalid_envelope"],
    ["call.recording.saved__docs-storing-recordings-payload-only__2.json", "invalid_envelope"],
    ["call.recording.saved__docs-storing-recordings-payload-only__3.json", "invalid_envelope"],
    ["message.received__openapi-2025-08__1.json", "invalid_occurred_at"],
    ["message.sent__openapi-2025-08__1.json", "invalid_occurred_at"],
  ])("rejects %s as %s", (name, reason) => {
    expect(parseWebhookEvent(load(NONSTANDARD, name))).toMatchObject({ ok: false, reason });
  });

  it("would accept the 2025-08 numeric money once occurred_at is a real timestamp", () => {
    const body = load(NONSTANDARD, "message.received__openapi-2025-08__1.json") as { data: { occurred_at: string } };
    body.data.occurred_at = "2025-08-07T00:00:00Z";
    const result = parseWebhookEvent(body);
    expect(result.ok && result.event.kind === "message.received" && result.event.payload.cost).toEqual({
      amount: "0.0051",
      currency: "USD",
    });
  });
});
