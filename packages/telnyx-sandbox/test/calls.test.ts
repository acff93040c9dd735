import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let connectionId: string;
const FROM = "+13125550100";

beforeAll(async () => {
  h = await startHarness();
  const app = await h.client.callControlApplications.create({
    application_name: "crm-voice",
    webhook_event_url: `${h.hooks.url}/voice`,
    call_cost_in_webhooks: true,
  });
  connectionId = app.data!.id!;
  h.sandbox.world.provisionNumber({ phoneNumber: FROM, connectionId });
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

async function dial(to: string, extra: Record<string, unknown> = {}) {
  const res = await h.client.calls.dial({ connection_id: connectionId, from: FROM, to, ...extra });
  expect(res.data!.call_control_id).toMatch(/^v3:/);
  expect(res.data!.is_alive).toBe(false);
  return res.data!.call_control_id;
}

const hangupOf = (ccid: string) =>
  h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);

describe("outbound calls", () => {
  it("answers, then our hangup ends it with normal_clearing from the caller", async () => {
    const ccid = await dial("+13125551234", { client_state: Buffer.from("lead-1").toString("base64") });
    const answered = await h.hooks.waitFor(
      (e) => e.eventType === "call.answered" && e.payload["call_control_id"] === ccid,
    );
    expect(answered.payload["state"]).toBe("answered");
    expect(answered.payload["client_state"]).toBe(Buffer.from("lead-1").toString("base64"));
    const status = await h.client.calls.retrieveStatus(ccid);
    expect(status.data!.is_alive).toBe(true);
    await h.client.calls.actions.hangup(ccid, {});
    const hangup = await hangupOf(ccid);
    expect(hangup.payload).toMatchObject({
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
      sip_hangup_cause: "200",
    });
    expect(hangup.payload["call_quality_stats"]).toBeTruthy();
    const types = h.hooks.forCall(ccid).map((e) => e.eventType);
    expect(types.slice(0, 3)).toEqual(["call.initiated", "call.answered", "call.hangup"]);
    const initiated = h.hooks.forCall(ccid)[0]!;
    expect(initiated.payload).toMatchObject({
      direction: "outgoing",
      state: "bridging",
      from: FROM,
      to: "+13125551234",
      connection_id: connectionId,
    });
    expect((await h.client.calls.retrieveStatus(ccid)).data!.is_alive).toBe(false);
  });

  it.each([
    ["+13125550486", "user_busy", "486"],
    ["+13125550503", "unspecified", "503"],
    ["+13125550603", "call_rejected", "603"],
  ])("%s hangs up with %s", async (to, cause, sip) => {
    const ccid = await dial(to);
    const hangup = await hangupOf(ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: cause, sip_hangup_cause: sip });
    expect(h.hooks.forCall(ccid).some((e) => e.eventType === "call.answered")).toBe(false);
  });

  it("no answer times out after timeout_secs", async () => {
    const ccid = await dial("+13125550408", { timeout_secs: 10 });
    const hangup = await hangupOf(ccid);
    expect(hangup.payload["hangup_cause"]).toBe("timeout");
  });

  it("dedups dial by command_id", async () => {
    const a = await dial("+13125557777", { command_id: "dial-once" });
    const b = await dial("+13125557777", { command_id: "dial-once" });
    expect(b).toBe(a);
    await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === a);
    await h.client.calls.actions.hangup(a, {});
    await hangupOf(a);
    expect(h.hooks.forCall(a).filter((e) => e.eventType === "call.initiated")).toHaveLength(1);
  });

  it("a talk-time number hangs up itself; call.cost follows with per-minute rates", async () => {
    const ccid = await dial("+13125550007");
    const hangup = await hangupOf(ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "normal_clearing", hangup_source: "callee" });
    const cost = await h.hooks.waitFor((e) => e.eventType === "call.cost" && e.payload["call_control_id"] === ccid);
    expect(cost.payload["billed_duration_secs"]).toBe(7);
    expect(cost.payload["total_cost"]).toMatch(/^\d+\.\d{4}$/);
    expect(cost.payload["cost_parts"]).toContainEqual(
      expect.objectContaining({ call_part: "sip-trunking", rate: "0.0035", currency: "USD" }),
    );
    const order = h.hooks.forCall(ccid).map((e) => e.eventType);
    expect(order.indexOf("call.cost")).toBeGreaterThan(order.indexOf("call.hangup"));
  });

  it("rejects unknown call control ids and bad numbers", async () => {
    await expect(h.client.calls.actions.hangup("v3:nope", {})).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "90015" })] },
    });
    await expect(
      h.client.calls.dial({ connection_id: connectionId, from: FROM, to: "0612345678" }),
    ).rejects.toMatchObject({ status: 422, error: { errors: [expect.objectContaining({ code: "10016" })] } });
  });
});

describe("calls the carrier no longer has (a restart, lost webhooks)", () => {
  it("answers a call_control_id it does not know exactly as Telnyx does: 422, code 90015", async () => {
    // What a restarted sandbox (or Telnyx ~10 min after the end) answers for a call from before.
    const error = await h.client.calls.retrieveStatus("v3:issued-before-the-restart").catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      error: {
        errors: [
          {
            code: "90015",
            title: "Invalid Call Control ID",
            detail: "The call_control_id provided was not valid.",
            source: { pointer: "/call_control_id" },
          },
        ],
      },
    });
  });

  it("a dropped call whose hangup webhooks were lost reads is_alive: false with its end time and duration", async () => {
    const ccid = await dial("+13125550000");
    await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === ccid);
    expect((await h.client.calls.retrieveStatus(ccid)).data!.is_alive).toBe(true);
    await h.control("/chaos", { drop_event_types: ["call.hangup"] });
    try {
      await h.control(`/calls/${encodeURIComponent(ccid)}/hangup`, {});
      const status = (await h.client.calls.retrieveStatus(ccid)).data!;
      expect(status).toMatchObject({ call_control_id: ccid, record_type: "call", is_alive: false });
      expect(typeof status.call_duration).toBe("number");
      expect(Date.parse(status.end_time!)).toBeGreaterThanOrEqual(Date.parse(status.start_time!));
      // Asked again later, the end time does not move.
      expect((await h.client.calls.retrieveStatus(ccid)).data!.end_time).toBe(status.end_time);
      const dropped = await h.control("/webhooks?event_type=call.hangup&status=dropped");
      expect(dropped.data.map((d: { payload: { call_control_id: string } }) => d.payload.call_control_id)).toContain(
        ccid,
      );
      expect(h.hooks.forCall(ccid).some((e) => e.eventType === "call.hangup")).toBe(false);
      await expect(h.client.calls.actions.hangup(ccid, {})).rejects.toMatchObject({
        status: 422,
        error: { errors: [expect.objectContaining({ code: "90018" })] },
      });
    } finally {
      await h.control("/chaos", { drop_event_types: [] });
    }
  });
});

describe("inbound calls, recording, transfer", () => {
  it("inbound call is parked until the app answers; far end hangs up", async () => {
    const { data } = await h.control("/inbound-call", { from: "+33612345678", to: FROM });
    const initiated = await h.hooks.waitFor(
      (e) => e.eventType === "call.initiated" && e.payload["call_control_id"] === data.call_control_id,
    );
    expect(initiated.payload).toMatchObject({ direction: "incoming", state: "parked", from: "+33612345678", to: FROM });
    await h.client.calls.actions.answer(data.call_control_id, { client_state: "YWJj" });
    const answered = await h.hooks.waitFor(
      (e) => e.eventType === "call.answered" && e.payload["call_control_id"] === data.call_control_id,
    );
    expect(answered.payload["client_state"]).toBe("YWJj");
    await h.control(`/calls/${data.call_control_id}/hangup`, {});
    expect((await hangupOf(data.call_control_id)).payload["hangup_source"]).toBe("caller");
  });

  it("records from answer; the WAV downloads with Range support", async () => {
    const ccid = await dial("+13125550005", { record: "record-from-answer" });
    const saved = await h.hooks.waitFor(
      (e) => e.eventType === "call.recording.saved" && e.payload["call_control_id"] === ccid,
    );
    const urls = saved.payload["recording_urls"] as { wav: string; mp3: string };
    expect(saved.payload["public_recording_urls"]).toEqual(urls);
    expect(saved.payload["channels"]).toBe("single");
    const types = h.hooks.forCall(ccid).map((e) => e.eventType);
    expect(types.indexOf("call.recording.saved")).toBeGreaterThan(types.indexOf("call.hangup"));
    const rec = await h.client.recordings.retrieve(saved.payload["recording_id"] as string);
    // The talk time; real time adds scheduler delays on a loaded machine (recording from the start of ringing would add seconds).
    expect(rec.data!.duration_millis).toBeGreaterThanOrEqual(5000);
    expect(rec.data!.duration_millis).toBeLessThan(5900);
    expect(rec.data!.download_urls!.wav).toBe(urls.wav);
    const listed = await h.client.recordings.list({ filter: { call_control_id: ccid } });
    expect(listed.data.map((r) => r.id)).toEqual([rec.data!.id]);
    const wav = Buffer.from(await (await fetch(urls.wav)).arrayBuffer());
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt16LE(34)).toBe(16);
    // 5 s of 16-bit 8 kHz audio (the simulated clock may add a few ms of real time under load).
    expect(wav.readUInt32LE(40)).toBe(Math.round((rec.data!.duration_millis! / 1000) * 8000) * 2);
    expect(wav.readUInt32LE(40)).toBeGreaterThanOrEqual(5 * 8000 * 2);
    const part = await fetch(urls.wav, { headers: { range: "bytes=0-43" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-43/${wav.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(44);
    const mp3 = Buffer.from(await (await fetch(urls.mp3)).arrayBuffer());
    expect(mp3[0]).toBe(0xff);
    await h.client.recordings.delete(rec.data!.id!);
    await expect(h.client.recordings.retrieve(rec.data!.id!)).rejects.toMatchObject({ status: 404 });
  });

  it("record_start/stop on a live call saves a recording", async () => {
    const ccid = await dial("+13125552222");
    await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === ccid);
    await h.client.calls.actions.startRecording(ccid, { channels: "dual", format: "mp3" });
    await h.client.calls.actions.pauseRecording(ccid, {});
    await h.client.calls.actions.resumeRecording(ccid, {});
    await h.client.calls.actions.stopRecording(ccid, {});
    const saved = await h.hooks.waitFor(
      (e) => e.eventType === "call.recording.saved" && e.payload["call_control_id"] === ccid,
    );
    expect(saved.payload).toMatchObject({ channels: "dual", format: "mp3" });
    await h.client.calls.actions.speak(ccid, { payload: "Bonjour", voice: "female" });
    await h.hooks.waitFor((e) => e.eventType === "call.speak.ended" && e.payload["call_control_id"] === ccid);
    await h.client.calls.actions.hangup(ccid, {});
    await hangupOf(ccid);
  });

  it("transfer dials the target in the same session and bridges both legs", async () => {
    const ccid = await dial("+13125553333");
    const answered = await h.hooks.waitFor(
      (e) => e.eventType === "call.answered" && e.payload["call_control_id"] === ccid,
    );
    await h.client.calls.actions.transfer(ccid, { to: "+13125554444" });
    const bridged = await h.hooks.waitFor(
      (e) =>
        e.eventType === "call.bridged" && e.payload["call_control_id"] !== ccid && e.payload["to"] === "+13125554444",
    );
    expect(bridged.payload["call_session_id"]).toBe(answered.payload["call_session_id"]);
    await h.hooks.waitFor((e) => e.eventType === "call.bridged" && e.payload["call_control_id"] === ccid);
    await h.client.calls.actions.hangup(ccid, {});
    await hangupOf(bridged.payload["call_control_id"] as string);
  });
});

describe("conferences", () => {
  it("agent + customer conference with mute/unmute/hold and supervisor role", async () => {
    const agent = await dial("+15550001234");
    await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === agent);
    const conf = await h.client.conferences.create({ call_control_id: agent, name: "call-lead-42" });
    const id = conf.data!.id;
    expect(conf.data).toMatchObject({ name: "call-lead-42", record_type: "conference", status: "in_progress" });
    await h.hooks.waitFor((e) => e.eventType === "conference.created" && e.payload["conference_id"] === id);
    const customer = await dial("+13125556666");
    await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === customer);
    await h.client.conferences.actions.join(id, { call_control_id: customer });
    await h.hooks.waitFor(
      (e) => e.eventType === "conference.participant.joined" && e.payload["call_control_id"] === customer,
    );
    await h.client.conferences.actions.mute(id, { call_control_ids: [agent] });
    await h.client.conferences.actions.hold(id, { call_control_ids: [customer] });
    let participants = (await h.client.conferences.listParticipants(id)).data;
    expect(participants.find((p) => p.call_control_id === agent)).toMatchObject({
      muted: true,
      on_hold: false,
      status: "joined",
    });
    expect(participants.find((p) => p.call_control_id === customer)).toMatchObject({ muted: false, on_hold: true });
    await h.client.conferences.actions.unmute(id, { call_control_ids: [agent] });
    await h.client.conferences.actions.unhold(id, { call_control_ids: [customer] });
    await h.client.conferences.actions.update(id, { call_control_id: agent, supervisor_role: "whisper" });
    participants = (await h.client.conferences.listParticipants(id)).data;
    expect(participants.every((p) => !p.muted && !p.on_hold)).toBe(true);
    expect((await h.client.conferences.list()).data.some((c) => c.id === id)).toBe(true);
    await h.client.calls.actions.hangup(customer, {});
    await h.hooks.waitFor(
      (e) => e.eventType === "conference.participant.left" && e.payload["call_control_id"] === customer,
    );
    await h.client.calls.actions.hangup(agent, {});
    const ended = await h.hooks.waitFor((e) => e.eventType === "conference.ended" && e.payload["conference_id"] === id);
    expect(ended.payload["reason"]).toBe("all_left");
    expect((await h.client.conferences.retrieve(id)).data!.status).toBe("completed");
  });
});
