/**
 * Secrets never reach the logs: the REAL API process (what `npm start` runs) at LOG_LEVEL=trace,
 * every line of its output captured, while it sees every kind of secret it handles — a password
 * at login and a wrong one, the session cookie, an API token, a Telnyx API key saved (and one
 * rejected) in Settings, a kiosk link token in a URL and a header, signed and forged webhooks —
 * and holds APP_ENCRYPTION_KEY and the sandbox's webhook signing key.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { DEMO_PASSWORD } from "@app/db/seed";
import { SANDBOX_API_KEY } from "../../src/telnyx/embedded-sandbox";
import { inboundSms, sandboxSigner } from "../support/signed-events";
import { spawnApi, type SpawnedApi } from "../support/spawn-api";

const API_TOKEN = `tok_${randomBytes(18).toString("hex")}`;
const ENCRYPTION_KEY = randomBytes(32).toString("base64");
const WRONG_PASSWORD = `Wr0ng-${randomBytes(6).toString("hex")}`;
const REJECTED_KEY = `KEYrejected${randomBytes(12).toString("hex")}`;
const DEMO_NUMBER = "+14155550100";

const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-secrets-"));
let testDb: TestDb | undefined;
let api: SpawnedApi | undefined;

afterAll(async () => {
  await api?.stop({ keepData: true });
  await testDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("logs none of the secrets it handles, even at trace level", { timeout: 180_000 }, async () => {
  testDb = process.env.TEST_DB === "postgres" ? await createTestDb("postgres") : undefined;
  api = await spawnApi({
    dataDir,
    env: {
      LOG_LEVEL: "trace",
      SEED_API_TOKEN: API_TOKEN,
      APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
      SANDBOX_TIME_SCALE: "0",
      ...(testDb?.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
    },
  });
  const { url } = api;
  const json = { "content-type": "application/json", origin: url };
  const login = (password: string) =>
    fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ json: { email: "admin@acme.test", password } }),
    });

  expect((await login(WRONG_PASSWORD)).status).toBe(401);
  const signedIn = await login(DEMO_PASSWORD);
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  const sessionToken = cookie.split("=")[1]!;
  expect(sessionToken).toMatch(/^ses_/);

  const bearer = { authorization: `Bearer ${API_TOKEN}` };
  expect((await fetch(`${url}/api/leads`, { headers: bearer })).status).toBe(200);
  expect((await fetch(`${url}/trpc/auth.me`, { headers: bearer })).status).toBe(200);
  expect((await fetch(`${url}/api/leads`, { headers: { authorization: `Bearer ${API_TOKEN}x` } })).status).toBe(401);

  const setKeys = (apiKey: string) =>
    fetch(`${url}/trpc/settings.setTelnyxKeys`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify({ json: { apiKey } }),
    });
  expect((await setKeys(REJECTED_KEY)).status).toBe(422);
  expect((await setKeys(SANDBOX_API_KEY)).status).toBe(200);

  const kioskLink = await fetch(`${url}/trpc/wallboard.createKioskLink`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ json: { name: "Lobby TV" } }),
  });
  const kioskToken = /kiosk=([^"&\\]+)/.exec(await kioskLink.text())?.[1];
  expect(kioskToken).toBeTruthy();
  await fetch(`${url}/wallboard?kiosk=${kioskToken}`).then((r) => r.body?.cancel());
  expect((await fetch(`${url}/trpc/wallboard.snapshot`, { headers: { "x-kiosk-token": kioskToken! } })).status).toBe(
    200,
  );

  const sign = sandboxSigner(dataDir);
  const body = inboundSms({ messageId: randomUUID(), from: "+14155559876", to: DEMO_NUMBER, text: "secrets test" });
  expect(
    (await fetch(`${url}/api/telnyx/webhooks/messages`, { method: "POST", headers: sign(body), body })).status,
  ).toBe(200);
  const forged = { ...sign(body), "telnyx-signature-ed25519": randomBytes(64).toString("base64") };
  expect((await fetch(`${url}/api/telnyx/webhooks/messages`, { method: "POST", headers: forged, body })).status).toBe(
    401,
  );
  await fetch(`${url}/trpc/auth.logout`, { method: "POST", headers: { ...json, cookie }, body: "{}" });
  await api.stop({ keepData: true });

  const privateKeyPem = (
    JSON.parse(readFileSync(path.join(dataDir, "sandbox", "keys.json"), "utf8")) as { privateKey: string }
  ).privateKey;
  const privateKeyBody = privateKeyPem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  // The start banner shows the demo organization's shared password on purpose (demo mode only).
  const output = api.output().replace(`Demo logins (password for all: ${DEMO_PASSWORD})`, "Demo logins");

  // Not vacuous: every request is logged, and the refused webhook's warning too.
  expect(output).toMatch(/"url":"\/trpc\/auth\.login".*"msg":"incoming request"/);
  expect(output).toMatch(/"url":"\/wallboard\?kiosk=/);
  expect(output).toMatch(/webhook refused/);
  const secrets: Record<string, string> = {
    "demo password": DEMO_PASSWORD,
    "wrong password": WRONG_PASSWORD,
    "API token": API_TOKEN,
    "session cookie": sessionToken,
    "saved Telnyx API key": SANDBOX_API_KEY,
    "rejected Telnyx API key": REJECTED_KEY,
    "kiosk token": kioskToken!,
    "webhook signing private key": privateKeyBody.slice(0, 40),
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
  };
  const leaked = Object.entries(secrets).filter(
    ([, secret]) => output.includes(secret) || output.includes(encodeURIComponent(secret)),
  );
  const context = leaked.map(
    ([name, secret]) =>
      `${name}: …${output.slice(Math.max(0, output.indexOf(secret) - 200), output.indexOf(secret) + 60)}…`,
  );
  expect(context).toEqual([]);
});
