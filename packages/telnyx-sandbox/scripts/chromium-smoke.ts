/**
 * Smoke check of the WebRTC gateway with a real browser: Debian's Chromium (fake microphone) runs the official
 * `@telnyx/webrtc` bundle against an in-process sandbox, places a call and takes one, and both sides count audio
 * packets. Run: `pnpm --filter @app/telnyx-sandbox exec tsx scripts/chromium-smoke.ts` (needs /usr/bin/chromium).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import Telnyx from "telnyx";
import { startSandbox } from "../src/server.js";

const require = createRequire(import.meta.url);
const bundle = readFileSync(require.resolve("@telnyx/webrtc"), "utf8");
const page = `<!doctype html><audio id="remote" autoplay></audio><script>${bundle}</script><script>
window.events = [];
window.start = (token, host) => new Promise((resolve, reject) => {
  const client = new TelnyxWebRTC.TelnyxRTC({ login_token: token, host });
  client.remoteElement = "remote";
  window.client = client;
  client.on("telnyx.ready", () => resolve("ready"));
  client.on("telnyx.error", (e) => reject(new Error(JSON.stringify(e.error))));
  client.on("telnyx.notification", (n) => {
    if (!n.call) return;
    window.events.push(n.call.state);
    window.current = n.call;
    if (n.call.state === "ringing" && n.call.direction === "inbound") n.call.answer();
  });
  client.connect();
});
window.stats = async () => {
  const report = await window.current.peer.instance.getStats();
  const out = {};
  report.forEach((s) => { if (s.type === "inbound-rtp" || s.type === "outbound-rtp") out[s.type] = s.packetsReceived ?? s.packetsSent; });
  return out;
};
</script>`;

const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: "KEY" });
const api = new Telnyx({ apiKey: "KEY", baseURL: sandbox.baseUrl, maxRetries: 0 });
const connection = (
  await api.credentialConnections.create({
    connection_name: "smoke",
    user_name: "smoke1",
    password: "long-password",
    sip_uri_calling_preference: "internal",
  })
).data!;
const credential = (await api.telephonyCredentials.create({ connection_id: connection.id! })).data!;
const token = await api.telephonyCredentials.createToken(credential.id!);
const app = (
  await api.callControlApplications.create({ application_name: "smoke", webhook_event_url: "http://127.0.0.1:9/hooks" })
).data!;

const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
  ],
});
/** Fails the run unless audio flowed both ways: > 50 packets each way, seen by the browser and by the sandbox. */
function check(what: string, browserStats: unknown, sandboxReceived: number | undefined): void {
  const stats = browserStats as { "inbound-rtp"?: number; "outbound-rtp"?: number };
  console.log(what, { browser: stats, sandboxReceived });
  if ((stats["inbound-rtp"] ?? 0) <= 50 || (stats["outbound-rtp"] ?? 0) <= 50 || (sandboxReceived ?? 0) <= 50)
    throw new Error(`${what}: audio did not flow both ways`);
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  const tab = await browser.newPage();
  tab.on("console", (m) => m.type() === "error" && console.log("[page]", m.text()));
  await tab.goto(pageUrl);
  console.log(
    "login:",
    await tab.evaluate(`window.start(${JSON.stringify(token)}, ${JSON.stringify(sandbox.rtcUrl)})`),
  );

  // Outbound: the browser calls, Call Control answers the parked leg.
  await tab.evaluate('window.client.newCall({ destinationNumber: "+13125551234", callerNumber: "+13125550100" })');
  let leg;
  for (let i = 0; i < 100 && !leg; i++) {
    leg = [...sandbox.world.calls.legs.values()].find((l) => l.to === "+13125551234" && l.state === "parked");
    if (!leg) await wait(100);
  }
  if (!leg) throw new Error("no parked leg for the browser's call");
  sandbox.world.calls.answer(leg);
  await wait(3000);
  check(
    "browser calls out",
    await tab.evaluate("window.stats()"),
    sandbox.world.verto.peerOf(leg.ccid)?.stats.packetsReceived,
  );
  sandbox.world.calls.hangupByApp(leg);
  await wait(500);

  // Inbound: Call Control dials the browser's SIP URI; the page answers on ringing.
  const dialed = await api.calls.dial({
    connection_id: app.id!,
    from: "+13125550100",
    to: `sip:${credential.sip_username}@sip.telnyx.com`,
  });
  const ccid = dialed.data!.call_control_id;
  await wait(3000);
  if (sandbox.world.calls.legs.get(ccid)?.state !== "answered") throw new Error("the dialed leg was not answered");
  check(
    "Call Control calls the browser",
    await tab.evaluate("window.stats()"),
    sandbox.world.verto.peerOf(ccid)?.stats.packetsReceived,
  );
  console.log("browser call states:", await tab.evaluate("window.events"));
} finally {
  await browser.close();
  await sandbox.close();
  server.close();
}
