import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";
import { installBrowserGlobals } from "./sdk-node-globals.js";

// The official SDK against the gateway: its own login, ready and error handling, and its own reading of an invite.
installBrowserGlobals();
const { TelnyxRTC } = await import("@telnyx/webrtc");
type Client = InstanceType<typeof TelnyxRTC>;

const FROM = "+13125550100";
let h: Harness;
let connectionId: string;
let appId: string;
const clients: Client[] = [];

beforeAll(async () => {
  h = await startHarness();
  const connection = await h.client.credentialConnections.create({
    connection_name: "sdk browsers",
    user_name: "sdkbrowsers",
    password: "correct-horse-battery",
    sip_uri_calling_preference: "internal",
  });
  connectionId = connection.data!.id!;
  const app = await h.client.callControlApplications.create({
    application_name: "crm-voice",
    webhook_event_url: `${h.hooks.url}/voice`,
  });
  appId = app.data!.id!;
});
afterAll(async () => {
  for (const client of clients) await client.disconnect();
  await h?.close();
});

async function newCredential() {
  const credential = (await h.client.telephonyCredentials.create({ connection_id: connectionId })).data!;
  return { ...credential, token: await h.client.telephonyCredentials.createToken(credential.id!) };
}

/** Connects the SDK and resolves with "ready" or the first error's code. */
function connectSdk(token: string): Promise<{ client: Client; outcome: "ready" | number }> {
  // `host` is read at runtime (Connection) but typed only on IVertoOptions, not on TelnyxRTC's IClientOptions.
  const options = { login_token: token, host: h.sandbox.rtcUrl };
  const client = new TelnyxRTC(options as ConstructorParameters<typeof TelnyxRTC>[0]);
  clients.push(client);
  return new Promise((resolve) => {
    client.on("telnyx.ready", () => resolve({ client, outcome: "ready" }));
    client.on("telnyx.error", (event: { error?: { code?: number } }) =>
      resolve({ client, outcome: event.error?.code ?? -1 }),
    );
    void client.connect();
  });
}

describe("@telnyx/webrtc against the sandbox gateway", () => {
  it("is ready with a credential's token; a bad or revoked token is LOGIN_FAILED (46001)", async () => {
    const credential = await newCredential();
    expect((await connectSdk(credential.token)).outcome).toBe("ready");
    expect((await connectSdk("abc.def.ghi")).outcome).toBe(46001);
    await h.client.telephonyCredentials.delete(credential.id!);
    expect((await connectSdk(credential.token)).outcome).toBe(46001);
  });

  it("rings on a Call Control dial to its SIP URI with the leg's ids, and declining ends the leg busy", async () => {
    const credential = await newCredential();
    const { client } = await connectSdk(credential.token);
    const ringing = new Promise<{ telnyxCallControlId?: string; remoteCallerNumber?: string; hangup(): unknown }>(
      (resolve) =>
        client.on("telnyx.notification", (n: { call?: { state: string; options: object; hangup(): unknown } }) => {
          if (n.call?.state === "ringing") resolve({ ...n.call.options, hangup: () => n.call?.hangup() });
        }),
    );
    const dialed = await h.client.calls.dial({
      connection_id: appId,
      from: FROM,
      to: `sip:${credential.sip_username}@sip.telnyx.com`,
    });
    const ccid = dialed.data!.call_control_id;
    const call = await ringing;
    expect(call).toMatchObject({ telnyxCallControlId: ccid, remoteCallerNumber: FROM });
    call.hangup();
    const hangup = await h.hooks.waitFor((e) => e.eventType === "call.hangup" && e.payload["call_control_id"] === ccid);
    expect(hangup.payload).toMatchObject({ hangup_cause: "user_busy", sip_hangup_cause: "486" });
  });
});
