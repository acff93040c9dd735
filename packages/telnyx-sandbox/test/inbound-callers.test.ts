/**
 * Voicemail and IVR building blocks, driven through the official SDK: the magic inbound callers (…0770 leaves a
 * message after the beep, …077N presses N when a gather starts) and record_start's max_length.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type ReceivedEvent } from "./harness.js";

let h: Harness;
const OUR_NUMBER = "+13125550100";

beforeAll(async () => {
  // 0.01: a 4 s message lasts 40 ms; guards (max_length) fire, unlike at 0.
  h = await startHarness({ timeScale: 0.01 });
  const app = await h.client.callControlApplications.create({
    application_name: "crm-voicemail",
    webhook_event_url: `${h.hooks.url}/voice`,
  });
  h.sandbox.world.provisionNumber({ phoneNumber: OUR_NUMBER, connectionId: app.data!.id! });
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

const eventOf = (type: string, ccid: string, extra: (e: ReceivedEvent) => boolean = () => true) =>
  h.hooks.waitFor((e) => e.eventType === type && e.payload["call_control_id"] === ccid && extra(e));

async function answered(from: string): Promise<string> {
  const { data } = await h.control("/inbound-call", { from, to: OUR_NUMBER });
  await h.client.calls.actions.answer(data.call_control_id, {});
  await eventOf("call.answered", data.call_control_id);
  return data.call_control_id;
}

describe("magic inbound callers", () => {
  it("…0770 leaves a message once recording starts, then hangs up; the recording is saved after the hangup", async () => {
    const ccid = await answered("+14155550770");
    await h.client.calls.actions.startRecording(ccid, {
      channels: "single",
      format: "mp3",
      play_beep: true,
      max_length: 120,
    });
    const hangup = await eventOf("call.hangup", ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "normal_clearing", hangup_source: "caller" });
    const saved = await eventOf("call.recording.saved", ccid);
    const started = Date.parse(String(saved.payload["recording_started_at"]));
    const ended = Date.parse(String(saved.payload["recording_ended_at"]));
    expect(ended - started).toBeGreaterThanOrEqual(3_500);
    expect(saved.payload).toMatchObject({ channels: "single", format: "mp3" });
    const types = h.hooks.forCall(ccid).map((e) => e.eventType);
    expect(types.indexOf("call.hangup")).toBeLessThan(types.indexOf("call.recording.saved"));
  });

  it("…077N presses N one second after a gather starts", async () => {
    const ccid = await answered("+14155550773");
    await h.client.calls.actions.gatherUsingSpeak(ccid, {
      payload: "Press 1 for sales, 3 for support.",
      voice: "female",
      maximum_digits: 1,
    });
    expect((await eventOf("call.dtmf.received", ccid)).payload).toMatchObject({ digit: "3" });
    expect((await eventOf("call.gather.ended", ccid)).payload).toMatchObject({ digits: "3", status: "valid" });
    await h.client.calls.actions.hangup(ccid, {});
  });
});

describe("gather_using_speak for an IVR menu", () => {
  /** Telnyx's own call.gather.ended example (API reference): the fields our payload must carry. */
  const FIXTURE_FIELDS = [
    "call_control_id",
    "call_leg_id",
    "call_session_id",
    "client_state",
    "connection_id",
    "digits",
    "from",
    "status",
    "to",
  ];

  it("a key outside valid_digits ends the gather as invalid, in Telnyx's envelope", async () => {
    const ccid = await answered("+14155550779");
    const clientState = Buffer.from("menu-1").toString("base64");
    await h.client.calls.actions.gatherUsingSpeak(ccid, {
      payload: "Press 1 for sales, 2 for support.",
      voice: "female",
      valid_digits: "12",
      minimum_digits: 1,
      maximum_digits: 1,
      maximum_tries: 1,
      timeout_millis: 8000,
      client_state: clientState,
    });
    const ended = await eventOf("call.gather.ended", ccid);
    expect(ended.payload).toMatchObject({ digits: "9", status: "invalid", client_state: clientState });
    expect(Object.keys(ended.payload).sort()).toEqual(expect.arrayContaining(FIXTURE_FIELDS));
    await h.client.calls.actions.hangup(ccid, {});
  });

  it("a caller who presses nothing ends the gather by timeout, with no digits", async () => {
    const ccid = await answered("+14155550100");
    await h.client.calls.actions.gatherUsingSpeak(ccid, {
      payload: "Press 1 for sales.",
      voice: "female",
      valid_digits: "1",
      maximum_digits: 1,
      timeout_millis: 8000,
    });
    expect((await eventOf("call.gather.ended", ccid)).payload).toMatchObject({ digits: "", status: "timeout" });
    await h.client.calls.actions.hangup(ccid, {});
  });
});

describe("record_start max_length", () => {
  it("stops the recording on its own (call.recording.saved) while the call stays up", async () => {
    const ccid = await answered("+14155550100");
    await h.client.calls.actions.startRecording(ccid, { channels: "single", format: "wav", max_length: 2 });
    const saved = await eventOf("call.recording.saved", ccid);
    const started = Date.parse(String(saved.payload["recording_started_at"]));
    const ended = Date.parse(String(saved.payload["recording_ended_at"]));
    expect(ended - started).toBeGreaterThanOrEqual(1_900);
    expect(h.hooks.forCall(ccid).some((e) => e.eventType === "call.hangup")).toBe(false);
    await expect(
      h.client.calls.actions.startRecording(ccid, { channels: "single", format: "wav", max_length: -1 }),
    ).rejects.toMatchObject({ status: 422 });
    await h.client.calls.actions.hangup(ccid, {});
  });
});
