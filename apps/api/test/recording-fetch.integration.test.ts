/**
 * A call.recording.saved names the URL the server fetches, so a forged or hostile one must not make the server read
 * internal addresses or fill its disk: only allow-listed hosts (the sandbox's recordings in sandbox mode), no internal
 * address even behind a DNS name, no redirect, audio only, a size cap enforced while streaming. A refused recording is
 * never served and the call says "unavailable"; an allowed one is stored and served.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordingFetchPolicy } from "@app/telnyx-core/calls/recording-fetch";
import { storeCallRecording } from "@app/telnyx-core/calls/store-recording";
import { noopPublisher } from "@app/telnyx-core/realtime/events";
import type { Recording } from "@app/telnyx-sandbox/world/types";
import { recordingPolicyFor } from "../src/recordings/recording-policy";
import { type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
let token: string;
let hostile: Server;
let hostileUrl: string;

/** Answers whatever a test asks for: audio of any size, JSON, redirects. */
function startHostileServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.endsWith("/redirect.mp3"))
      return res.writeHead(302, { location: `${env.sandbox.origin}/sandbox/webhooks` }).end();
    // Untyped (as S3 serves a file uploaded without a type): an MP3 with its ID3 tag, and a page.
    if (url.pathname.endsWith("/untyped.mp3"))
      return res
        .writeHead(200, { "content-type": "binary/octet-stream" })
        .end(Buffer.concat([Buffer.from("ID3\x04\x00"), Buffer.alloc(4096, 1)]));
    if (url.pathname.endsWith("/untyped-page.mp3"))
      return res
        .writeHead(200, { "content-type": "application/octet-stream" })
        .end("<html><body>internal</body></html>");
    if (url.pathname.endsWith("/json.mp3"))
      return res.writeHead(200, { "content-type": "application/json" }).end('{"secret":1}');
    const chunks = Number(url.searchParams.get("chunks") ?? "1");
    res.writeHead(200, { "content-type": "audio/mpeg" }); // chunked: no content-length to trust
    for (let i = 0; i < chunks; i++) res.write(Buffer.alloc(64 * 1024, 1));
    res.end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0, seed: 42 } });
  token = await env.tokenFor(env.demo.users.admin, "ADMIN");
  hostile = await startHostileServer();
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hostile?.closeAllConnections();
  if (hostile) await new Promise((resolve) => hostile.close(resolve)); // unset when beforeAll failed: no wait for ever
  await env?.close();
});

/** The server's own policy in sandbox mode (what buildServer gives the webhook appliers), with optional overrides. */
const sandboxPolicy = (overrides: Partial<RecordingFetchPolicy> = {}): RecordingFetchPolicy => ({
  ...recordingPolicyFor({ isProduction: false, sandboxOrigin: env.sandbox.origin }),
  ...overrides,
});

async function newCall() {
  return env.db.prisma.telnyxCall.create({
    data: {
      organizationId: env.demo.organization.id,
      direction: "OUTBOUND",
      status: "ENDED",
      fromNumber: "+13125550100",
      toNumber: "+13125550042",
    },
  });
}

/** Runs the follow-up of call.recording.saved for `mp3`; answers the refusal reason, or null when stored. */
async function store(mp3: string, policy = sandboxPolicy()): Promise<{ callId: string; refusal: string | null }> {
  const call = await newCall();
  const services = {
    recordingsDir: env.server.deps.config.recordingsDir,
    recordingPolicy: policy,
    db: env.db,
    publisher: noopPublisher,
  };
  const refusal = await storeCallRecording(services, call, { mp3, wav: null }).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  return { callId: call.id, refusal };
}

const served = (callId: string) =>
  fetch(`${env.url}/api/recordings/${callId}`, { headers: { authorization: `Bearer ${token}` } });

async function expectUnavailable(callId: string): Promise<void> {
  expect((await served(callId)).status).toBe(404);
  const detail = await env.as(env.demo.users.admin, "ADMIN").calls.get({ id: callId });
  expect(detail).toMatchObject({ hasRecording: false, recordingUnavailable: true, recordingUrl: null });
  const folder = path.join(env.server.deps.config.recordingsDir, env.demo.organization.id);
  const files = existsSync(folder) ? await readdir(folder) : [];
  expect(files.filter((file) => file.startsWith(callId))).toEqual([]);
}

describe("recording URLs from webhooks", () => {
  it("refuses a host that is not allowed, before connecting", async () => {
    const { callId, refusal } = await store("https://recordings.attacker.example/call.mp3");
    expect(refusal).toMatch(/host not allowed/);
    await expectUnavailable(callId);
  });

  it("refuses internal addresses: the sandbox's control API, the API's own /metrics, a loopback literal", async () => {
    for (const url of [`${env.sandbox.origin}/sandbox/webhooks`, `${env.url}/metrics`, `${hostileUrl}/audio.mp3`]) {
      const { callId, refusal } = await store(url);
      expect(refusal, url).toMatch(/recording fetch refused/);
      await expectUnavailable(callId);
    }
  });

  it("refuses an allowed host name that resolves to a loopback address", async () => {
    const port = (hostile.address() as AddressInfo).port;
    const policy = sandboxPolicy({ allowedHosts: [`localhost:${port}`] });
    const { callId, refusal } = await store(`http://localhost:${port}/audio.mp3`, policy);
    expect(refusal).toMatch(/resolves to an internal address/);
    await expectUnavailable(callId);
  });

  it("refuses a body over the cap while streaming it, a redirect, and a body that is not audio (typed or untyped)", async () => {
    const trusted = sandboxPolicy({ trustedPrefixes: [`${hostileUrl}/`], maxBytes: 256 * 1024 });
    const cases = [
      [`${hostileUrl}/big.mp3?chunks=64`, /over the 262144-byte cap/],
      [`${hostileUrl}/redirect.mp3`, /redirect refused/],
      [`${hostileUrl}/json.mp3`, /content type application\/json is not audio/],
      [`${hostileUrl}/untyped-page.mp3`, /application\/octet-stream body is not MP3 or WAV audio/],
    ] as const;
    for (const [url, reason] of cases) {
      const { callId, refusal } = await store(url, trusted);
      expect(refusal, url).toMatch(reason);
      await expectUnavailable(callId);
    }
    const small = await store(`${hostileUrl}/small.mp3?chunks=2`, trusted);
    expect(small.refusal).toBeNull();
    const untyped = await store(`${hostileUrl}/untyped.mp3`, trusted);
    expect(untyped.refusal).toBeNull();
  });

  it("refuses plain http to an allowed host outside sandbox mode", async () => {
    const live = recordingPolicyFor({ hosts: ["s3.amazonaws.com"], isProduction: false, sandboxOrigin: undefined });
    const { callId, refusal } = await store("http://s3.amazonaws.com/telephony-recorder-prod/x.mp3", live);
    expect(refusal).toMatch(/scheme not allowed/);
    await expectUnavailable(callId);
  });

  it("stores and serves an allowed recording (the sandbox's, in sandbox mode)", async () => {
    env.sandbox.world.recordings.set("rec-allowed", { id: "rec-allowed", duration_millis: 3000 } as Recording);
    const { callId, refusal } = await store(`${env.sandbox.origin}/sandbox/recordings/rec-allowed.mp3`);
    expect(refusal).toBeNull();
    const response = await served(callId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const detail = await env.as(env.demo.users.admin, "ADMIN").calls.get({ id: callId });
    expect(detail).toMatchObject({ hasRecording: true, recordingUnavailable: false });
  });
});
