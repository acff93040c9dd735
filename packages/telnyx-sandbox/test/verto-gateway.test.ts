import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RtcPeer } from "../src/media/rtc-peer.js";
import { startHarness, type Harness } from "./harness.js";
import { VertoTestClient, waitUntil } from "./verto-client.js";

const FROM = "+13125550100";
let h: Harness;
let connectionId: string;
let appId: string;
const open: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  h = await startHarness();
  const connection = await h.client.credentialConnections.create({
    connection_name: "agents' browsers",
    user_name: "crmbrowsers",
    password: "correct-horse-battery",
    sip_uri_calling_preference: "internal",
    webhook_event_url: `${h.hooks.url}/browser`,
  });
  connectionId = connection.data!.id!;
  const app = await h.client.callControlApplications.create({
    application_name: "crm-voice",
    webhook_event_url: `${h.hooks.url}/voice`,
  });
  appId = app.data!.id!;
  h.sandbox.world.provisionNumber({ phoneNumber: FROM, connectionId: appId });
});
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h?.close();
});

async function newAgent(): Promise<{ credentialId: string; sipUsername: string; token: string }> {
  const credential = (await h.client.telephonyCredentials.create({ connection_id: connectionId })).data!;
  const token = await h.client.telephonyCredentials.createToken(credential.id!);
  return { credentialId: credential.id!, sipUsername: credential.sip_username!, token };
}

async function connect(): Promise<VertoTestClient> {
  const client = new VertoTestClient(h.sandbox.rtcUrl);
  open.push(client);
  await client.open();
  return client;
}

function browserPeer(toneHz = 660): RtcPeer {
  const peer = new RtcPeer(toneHz);
  open.push(peer);
  return peer;
}

async function audioFlowsBothWays(browser: RtcPeer, ccid: string): Promise<void> {
  await browser.waitConnected();
  const far = h.sandbox.world.verto.peerOf(ccid);
  expect(far).toBeDefined();
  await waitUntil(
    () => browser.stats.packetsReceived > 50 && (far?.stats.packetsReceived ?? 0) > 50,
    "50 RTP packets each way",
  );
  expect(browser.stats.peakLevel).toBeGreaterThan(1000);
  expect(far?.stats.peakLevel).toBeGreaterThan(1000);
}

/** The frequency of a pure tone in a 16-bit mono WAV, from its zero crossings. */
function dominantHz(wav: Buffer): number {
  const samples = new Int16Array((wav.length - 44) / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(44 + i * 2);
  return toneHz(samples);
}

function toneHz(samples: Int16Array): number {
  expect(samples.length).toBeGreaterThan(4000);
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) crossings += 1;
  return crossings / 2 / (samples.length / 8000);
}

describe("login", () => {
  it("logs in with a credential's token and reports REGED; a revoked credential or a bad token is refused", async () => {
    const agent = await newAgent();
    const client = await connect();
    const before = await client.call("telnyx_rtc.invite", { dialogParams: { callID: "x" }, sdp: "v=0" });
    expect(before["error"]).toMatchObject({ code: -32000 });

    const login = await client.login(agent.token);
    expect(login["result"]).toMatchObject({ message: "logged in", sessid: expect.any(String) });
    await client.waitMethod("telnyx_rtc.clientReady");
    const state = await client.call("telnyx_rtc.gatewayState", {});
    expect(state["result"]).toMatchObject({ params: { state: "REGED" }, sessid: login["result"].sessid });
    const pong = await client.call("telnyx_rtc.ping", {});
    expect(pong["result"]).toBeDefined();
    expect(h.sandbox.world.verto.registeredUsers).toContain(agent.sipUsername);

    const bad = await connect();
    expect((await bad.login("not-a-jwt"))["error"]).toMatchObject({ code: -32001 });
    await h.client.telephonyCredentials.delete(agent.credentialId);
    const revoked = await connect();
    expect((await revoked.login(agent.token))["error"]).toMatchObject({ code: -32001 });
  });
});

describe("revocation", () => {
  it("deleting a credential punts its logged-in browser, closes the socket and hangs up its call", async () => {
    const agent = await newAgent();
    const client = await connect();
    await client.login(agent.token);
    const to = `sip:${agent.sipUsername}@sip.telnyx.com`;
    const ccid = (await h.client.calls.dial({ connection_id: appId, from: FROM, to })).data!.call_control_id;
    const invite = await client.waitMethod("telnyx_rtc.invite");
    const browser = browserPeer();
    const sdp = await browser.answer(invite["params"].sdp);
    await client.call("telnyx_rtc.answer", { sdp, dialogParams: { callID: invite["params"].callID } });

    await h.client.telephonyCredentials.delete(agent.credentialId);
    await client.waitMethod("telnyx_rtc.punt");
    await client.closed;
    const hangup = await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "normal_clearing" });
    expect(h.sandbox.world.verto.registeredUsers).not.toContain(agent.sipUsername);
  });
});

describe("calls", () => {
  it("a browser's invite is a parked Call Control leg; answering it connects audio both ways; DTMF, hold, and the browser hangs up", async () => {
    const agent = await newAgent();
    const client = await connect();
    await client.login(agent.token);
    const browser = browserPeer();
    const callID = "5f1e0f0c-0000-4000-8000-000000000001";
    const invited = await client.call("telnyx_rtc.invite", {
      sdp: await browser.createOffer(),
      dialogParams: {
        callID,
        destination_number: "+13125551234",
        caller_id_number: FROM,
        clientState: Buffer.from("lead-7").toString("base64"),
      },
    });
    expect(invited["result"]).toMatchObject({ callID });

    const initiated = await h.hooks.waitFor(
      (e) => e.eventType === "call.initiated" && e.payload["to"] === "+13125551234",
    );
    expect(initiated.path).toBe("/browser");
    expect(initiated.payload).toMatchObject({
      direction: "incoming",
      state: "parked",
      connection_id: connectionId,
      from: FROM,
      client_state: Buffer.from("lead-7").toString("base64"),
    });
    const ccid = initiated.payload["call_control_id"] as string;

    await h.client.calls.actions.answer(ccid, {});
    const answer = await client.waitMethod("telnyx_rtc.answer");
    expect(answer["params"]).toMatchObject({ callID, telnyx_call_control_id: ccid });
    await browser.acceptAnswer(answer["params"].sdp);
    await audioFlowsBothWays(browser, ccid);

    expect((await client.call("telnyx_rtc.info", { dtmf: "7", dialogParams: { callID } }))["result"]).toBeDefined();
    await h.hooks.waitFor(
      (e) =>
        e.eventType === "call.dtmf.received" && e.payload["call_control_id"] === ccid && e.payload["digit"] === "7",
    );
    const held = await client.call("telnyx_rtc.modify", { action: "hold", dialogParams: { callID } });
    expect(held["result"]).toMatchObject({ holdState: "held" });
    const resumed = await client.call("telnyx_rtc.modify", { action: "unhold", dialogParams: { callID } });
    expect(resumed["result"]).toMatchObject({ holdState: "active" });

    await client.call("telnyx_rtc.bye", { cause: "NORMAL_CLEARING", causeCode: 16, dialogParams: { callID } });
    const hangup = await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "normal_clearing", hangup_source: "caller" });
    const after = await client.call("telnyx_rtc.info", { dtmf: "1", dialogParams: { callID } });
    expect(after["error"]).toMatchObject({ code: -32002 });
  });

  it("Call Control dialing sip:<user>@sip.telnyx.com rings the registered browser; its answer is call.answered; DTMF reaches it; Call Control hangs up", async () => {
    const agent = await newAgent();
    const client = await connect();
    await client.login(agent.token);
    const dialed = await h.client.calls.dial({
      connection_id: appId,
      from: FROM,
      to: `sip:${agent.sipUsername}@sip.telnyx.com`,
    });
    const ccid = dialed.data!.call_control_id;

    const invite = await client.waitMethod("telnyx_rtc.invite");
    expect(invite["params"]).toMatchObject({ telnyx_call_control_id: ccid, caller_id_number: FROM });
    const callID = invite["params"].callID as string;
    const browser = browserPeer();
    const answerSdp = await browser.answer(invite["params"].sdp);
    const answered = await client.call("telnyx_rtc.answer", { sdp: answerSdp, dialogParams: { callID } });
    expect(answered["result"]).toBeDefined();
    const hook = await h.hooks.waitFor((e) => e.eventType === "call.answered" && e.payload["call_control_id"] === ccid);
    expect(hook.path).toBe("/voice");
    await audioFlowsBothWays(browser, ccid);

    const seen = await h.control("/webrtc");
    expect(seen.registrations).toContainEqual(expect.objectContaining({ sip_username: agent.sipUsername }));
    expect(seen.calls).toContainEqual(
      expect.objectContaining({
        call_control_id: ccid,
        origin: "network",
        connected: true,
        sip_username: agent.sipUsername,
      }),
    );
    expect(
      seen.calls.find((c: { call_control_id: string }) => c.call_control_id === ccid).packets_received,
    ).toBeGreaterThan(50);
    await h.client.calls.actions.startRecording(ccid, { channels: "single", format: "wav" });
    const far = h.sandbox.world.verto.peerOf(ccid)!;
    const heardAtStart = far.stats.packetsReceived;
    await waitUntil(() => far.stats.packetsReceived > heardAtStart + 25, "half a second more of audio");
    await h.client.calls.actions.stopRecording(ccid, {});
    const saved = await h.hooks.waitFor(
      (e) => e.eventType === "call.recording.saved" && e.payload["call_control_id"] === ccid,
    );
    const wav = Buffer.from(
      await (await fetch((saved.payload["recording_urls"] as { wav: string }).wav)).arrayBuffer(),
    );
    expect(dominantHz(wav)).toBeGreaterThan(600); // the browser's 660 Hz tone, not the sandbox's 440 Hz
    expect(dominantHz(wav)).toBeLessThan(720);

    await h.client.calls.actions.sendDtmf(ccid, { digits: "42" });
    const info = await client.waitMethod("telnyx_rtc.info");
    expect(info["params"]).toMatchObject({ callID, dtmf: "42" });

    await h.client.calls.actions.hangup(ccid, {});
    const bye = await client.waitMethod("telnyx_rtc.bye");
    expect(bye["params"]).toMatchObject({ callID, cause: "NORMAL_CLEARING" });
  });

  it("a browser that declines a ringing call ends the leg busy; a credential with no browser logged in is unavailable (480)", async () => {
    const agent = await newAgent();
    const client = await connect();
    await client.login(agent.token);
    const to = `sip:${agent.sipUsername}@sip.telnyx.com`;
    const ringing = (await h.client.calls.dial({ connection_id: appId, from: FROM, to })).data!.call_control_id;
    const invite = await client.waitMethod("telnyx_rtc.invite");
    await client.call("telnyx_rtc.bye", {
      cause: "USER_BUSY",
      causeCode: 17,
      dialogParams: { callID: invite["params"].callID },
    });
    const declined = await h.hooks.waitFor(
      (e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ringing,
    );
    expect(declined.payload).toMatchObject({ hangup_cause: "user_busy", sip_hangup_cause: "486" });

    const offline = await newAgent();
    const unreachable = (
      await h.client.calls.dial({ connection_id: appId, from: FROM, to: `sip:${offline.sipUsername}@sip.telnyx.com` })
    ).data!.call_control_id;
    const missed = await h.hooks.waitFor(
      (e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === unreachable,
    );
    expect(missed.payload).toMatchObject({ hangup_cause: "no_answer", sip_hangup_cause: "480" });
  });

  it("a credential connection that takes no SIP URI calls (sip_uri_calling_preference disabled) does not ring its browsers", async () => {
    const closed = await h.client.credentialConnections.create({
      connection_name: "no sip uri calls",
      user_name: "closedconn",
      password: "correct-horse-battery",
      sip_uri_calling_preference: "disabled",
    });
    const credential = (await h.client.telephonyCredentials.create({ connection_id: closed.data!.id! })).data!;
    const client = await connect();
    await client.login(await h.client.telephonyCredentials.createToken(credential.id!));
    const to = `sip:${credential.sip_username}@sip.telnyx.com`;
    const ccid = (await h.client.calls.dial({ connection_id: appId, from: FROM, to })).data!.call_control_id;
    const hangup = await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "not_found", sip_hangup_cause: "404" });
    expect(client.frames.map((f) => f["method"])).not.toContain("telnyx_rtc.invite");
  });
});

describe("bridges", () => {
  async function ringAndAnswer(toneHz: number) {
    const agent = await newAgent();
    const client = await connect();
    await client.login(agent.token);
    const dialed = await h.client.calls.dial({
      connection_id: appId,
      from: FROM,
      to: `sip:${agent.sipUsername}@sip.telnyx.com`,
    });
    const invite = await client.waitMethod("telnyx_rtc.invite");
    const browser = browserPeer(toneHz);
    const sdp = await browser.answer(invite["params"].sdp);
    await client.call("telnyx_rtc.answer", { sdp, dialogParams: { callID: invite["params"].callID } });
    await browser.waitConnected();
    return { ccid: dialed.data!.call_control_id, browser };
  }

  it("bridging two browser legs carries each browser's audio to the other", async () => {
    const a = await ringAndAnswer(550);
    const b = await ringAndAnswer(770);
    await h.client.calls.actions.bridge(a.ccid, { call_control_id_to_bridge_with: b.ccid });
    // Skip what was in flight when the bridge formed, then listen to a second of each side.
    const fromA = a.browser.received.length + 10;
    const fromB = b.browser.received.length + 10;
    await waitUntil(
      () => a.browser.received.length > fromA + 50 && b.browser.received.length > fromB + 50,
      "a second of bridged audio",
    );
    expect(toneHz(a.browser.heardSince(fromA))).toBeGreaterThan(720); // B's 770 Hz
    expect(toneHz(b.browser.heardSince(fromB))).toBeLessThan(600); // A's 550 Hz
    await h.client.calls.actions.hangup(a.ccid, {});
    await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === b.ccid);
  });
});

describe("reconnecting", () => {
  async function connectedInboundCall() {
    const agent = await newAgent();
    const client = await connect();
    const login = await client.login(agent.token);
    const dialed = await h.client.calls.dial({
      connection_id: appId,
      from: FROM,
      to: `sip:${agent.sipUsername}@sip.telnyx.com`,
    });
    const ccid = dialed.data!.call_control_id;
    const invite = await client.waitMethod("telnyx_rtc.invite");
    const callID = invite["params"].callID as string;
    const browser = browserPeer();
    await client.call("telnyx_rtc.answer", {
      sdp: await browser.answer(invite["params"].sdp),
      dialogParams: { callID },
    });
    await browser.waitConnected();
    return { agent, client, login, ccid, callID, sessid: login["result"].sessid as string };
  }

  it("a WebSocket dropped mid-call: the client logs in again with its sessid, the call is reattached with new media and never hung up", async () => {
    const { agent, client, login, ccid, callID, sessid } = await connectedInboundCall();
    expect(login["voice_sdk_id"]).toEqual(expect.any(String));
    client.drop();

    const again = await connect();
    const relogin = await again.login(agent.token, sessid);
    expect(relogin["result"]).toMatchObject({ sessid });
    const ready = await again.waitMethod("telnyx_rtc.clientReady");
    expect(ready["params"]).toMatchObject({ reattached_sessions: [callID] });
    const attach = await again.waitMethod("telnyx_rtc.attach");
    expect(attach["params"]).toMatchObject({ callID, telnyx_call_control_id: ccid });
    const browser = browserPeer();
    const reply = await again.call("telnyx_rtc.attach", {
      sdp: await browser.answer(attach["params"].sdp),
      dialogParams: { callID },
    });
    expect(reply["result"]).toBeDefined();
    await audioFlowsBothWays(browser, ccid);
    expect(h.hooks.forCall(ccid).map((e) => e.eventType)).not.toContain("call.hangup");
    await again.call("telnyx_rtc.bye", { cause: "NORMAL_CLEARING", causeCode: 16, dialogParams: { callID } });
    await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);
  });

  it("a client that does not come back within the grace period: its calls hang up", async () => {
    h.sandbox.world.verto.reattachGraceMs = 200;
    try {
      const { client, ccid } = await connectedInboundCall();
      client.drop();
      const hangup = await h.hooks.waitFor(
        (e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid,
      );
      expect(hangup.payload).toMatchObject({ hangup_cause: "normal_clearing", hangup_source: "callee" });
    } finally {
      h.sandbox.world.verto.reattachGraceMs = 30_000;
    }
  });
});
