/**
 * Settings: an organization's own Telnyx key is verified with Telnyx (the sandbox, through the real
 * gateway) before it is saved, stored sealed (unreadable in a dump of the database), never
 * returned nor logged, and used for that organization's traffic only; rates and organization
 * settings with their validation and audit trail.
 */
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import type { TRPCError } from "@trpc/server";
import type { ZodError } from "zod";
import { hashToken } from "../src/auth/tokens";
import { fieldErrorsOf } from "../src/trpc/trpc";
import { buildServer, type ApiServer } from "../src/server";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { setupTestApi, type TestApi } from "./harness";
import { listenOnFreePort } from "./support/listen";

// The sandbox accepts only the organization's account key (an account of its own, with its own webhook
// signing key); the deployment's own key is refused, so every successful request proves which key the gateway used.
let ORG_KEY: string;
let orgPublicKey: string;
const DEPLOYMENT_KEY = "KEYdeployment_key_the_sandbox_refuses";
const WRONG_KEY = `KEY${randomBytes(12).toString("hex")}_wrong_key`;
const ENCRYPTION_KEY = randomBytes(32).toString("base64");

let sandbox: Sandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: `KEY${randomBytes(12).toString("hex")}_unused` });
  const opened = (await (await fetch(`${sandbox.origin}/sandbox/accounts`, { method: "POST" })).json()) as {
    data: { api_key: string; public_key: string };
  };
  ({ api_key: ORG_KEY, public_key: orgPublicKey } = opened.data);
  api = await setupTestApi({
    telnyx: createSandboxAccess(sandbox, { apiKey: DEPLOYMENT_KEY }),
    encryptionKey: ENCRYPTION_KEY,
  });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** Every Setting and AuditLog row as text, the way a database dump would show them. */
async function dumpOf(): Promise<string> {
  const rows = await Promise.all([api.db.query(`SELECT * FROM "Setting"`), api.db.query(`SELECT * FROM "AuditLog"`)]);
  return JSON.stringify(rows);
}

describe("organization Telnyx keys", () => {
  it("shows the deployment's sandbox account and the webhook URLs before any key is saved", async () => {
    const settings = await api.asDemoAdmin().settings.get();
    expect(settings.telnyx).toEqual({
      mode: "sandbox",
      source: "sandbox",
      hasApiKey: false,
      apiKeyHint: null,
      hasPublicKey: false,
    });
    expect(settings.webhookUrls.calls).toBe(
      `https://crm.example.com/api/telnyx/webhooks/o/${api.demo.organization.webhookToken}/calls`,
    );
    expect(settings.organization).toMatchObject({ name: "Acme Sales", currency: "USD" });
  });

  it("refuses a key Telnyx rejects, with a clear message, and stores nothing", async () => {
    const attempt = api.asDemoAdmin().settings.setTelnyxKeys({ apiKey: WRONG_KEY });
    await expect(attempt).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringMatching(/^Telnyx rejected this API key/),
    });
    expect(await api.db.prisma.setting.count({ where: { key: { startsWith: "telnyx." } } })).toBe(0);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.telnyxKeys.set" } });
    expect(audit).toMatchObject({ result: "failed", userId: api.demo.users.admin.id });
    expect(await dumpOf()).not.toContain(WRONG_KEY);
  });

  it("saves a key Telnyx accepts, sealed, and answers only a hint", async () => {
    const settings = await api.asDemoAdmin().settings.setTelnyxKeys({ apiKey: ORG_KEY, publicKey: orgPublicKey });
    expect(settings.telnyx).toEqual({
      mode: "sandbox",
      source: "organization",
      hasApiKey: true,
      apiKeyHint: `…${ORG_KEY.slice(-4)}`,
      hasPublicKey: true,
    });
    expect(JSON.stringify(settings)).not.toContain(ORG_KEY);
    expect(JSON.stringify(await api.asDemoAdmin().settings.get())).not.toContain(ORG_KEY);

    const dump = await dumpOf();
    for (const secret of [ORG_KEY, Buffer.from(ORG_KEY).toString("base64"), orgPublicKey])
      expect(dump).not.toContain(secret);
    const stored = await api.db.prisma.setting.findFirstOrThrow({ where: { key: "telnyx.apiKey" } });
    expect(stored.encryptedValue).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  });

  it("sends that organization's traffic with its own key, and only that organization's", async () => {
    const own = await api.deps.telnyx.gatewayFor(api.demo.organization.id);
    await expect(own.listPhoneNumbers()).resolves.toEqual([]);
    const other = await api.deps.telnyx.gatewayFor(api.other.organization.id);
    await expect(other.listPhoneNumbers()).rejects.toMatchObject({ code: "TELNYX_AUTH" });
    // On its own endpoint only its own webhook key verifies; the other organization keeps the installation's.
    await expect(api.deps.telnyx.webhookKeysFor(api.demo.organization.id)).resolves.toEqual([orgPublicKey]);
    await expect(api.deps.telnyx.webhookKeysFor(api.other.organization.id)).resolves.toEqual([sandbox.publicKey]);
  });

  it("does not open a sealed key copied into another organization's row", async () => {
    const stored = await api.db.prisma.setting.findFirstOrThrow({
      where: { key: "telnyx.apiKey", organizationId: api.demo.organization.id },
    });
    await api.db.prisma.setting.create({
      data: { organizationId: api.other.organization.id, key: "telnyx.apiKey", encryptedValue: stored.encryptedValue },
    });
    await expect(api.deps.telnyx.gatewayFor(api.other.organization.id)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/cannot be decrypted/),
    });
    await api.db.prisma.setting.deleteMany({ where: { organizationId: api.other.organization.id } });
  });

  it("clears the key: back to the deployment's account, and its webhook key is no longer accepted", async () => {
    const settings = await api.asDemoAdmin().settings.clearTelnyxKeys();
    expect(settings.telnyx).toMatchObject({
      source: "sandbox",
      hasApiKey: false,
      apiKeyHint: null,
      hasPublicKey: false,
    });
    const gateway = await api.deps.telnyx.gatewayFor(api.demo.organization.id);
    await expect(gateway.listPhoneNumbers()).rejects.toMatchObject({ code: "TELNYX_AUTH" });
    await expect(api.deps.telnyx.webhookKeysFor(api.demo.organization.id)).resolves.toEqual([sandbox.publicKey]);
    const actions = (
      await api.db.prisma.auditLog.findMany({
        where: { action: { startsWith: "settings.telnyxKeys" } },
        orderBy: { createdAt: "asc" },
      })
    ).map((row) => `${row.action}:${row.result}`);
    expect(actions).toEqual([
      "settings.telnyxKeys.set:failed",
      "settings.telnyxKeys.set:ok",
      "settings.telnyxKeys.clear:ok",
    ]);
  });

  it("tells the admin to set APP_ENCRYPTION_KEY when it is missing, and never stores the key in clear", async () => {
    const bare = await setupTestApi({
      telnyx: createSandboxAccess(sandbox, { apiKey: DEPLOYMENT_KEY }),
      encryptionKey: null,
    });
    try {
      // Not "temporarily unavailable, retry" (503): a code of its own that the web translates naming the setting.
      await expect(bare.asDemoAdmin().settings.setTelnyxKeys({ apiKey: ORG_KEY })).rejects.toMatchObject({
        code: "NOT_IMPLEMENTED",
        message: expect.stringContaining("APP_ENCRYPTION_KEY"),
        cause: { code: "ENCRYPTION_KEY_MISSING" },
      });
      expect(JSON.stringify(await bare.db.query(`SELECT * FROM "Setting"`))).not.toContain(ORG_KEY);
    } finally {
      await bare.close();
    }
  });
});

describe("keys over HTTP", () => {
  const TOKEN = `tok_settings_admin_${randomBytes(8).toString("hex")}`;
  const logLines: string[] = [];
  let server: ApiServer;
  let url: string;

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString("utf8"));
        done();
      },
    });
    server = await buildServer({
      db: api.db,
      telnyx: api.deps.telnyx,
      logLevel: "trace",
      logStream,
      webDistDir: "/nonexistent",
      encryptionKey: ENCRYPTION_KEY,
    });
    url = await listenOnFreePort(server.app);
    await api.db.prisma.apiToken.create({
      data: {
        organizationId: api.demo.organization.id,
        userId: api.demo.users.admin.id,
        name: "settings test",
        tokenHash: hashToken(TOKEN),
        prefix: TOKEN.slice(0, 8),
        role: "ADMIN",
      },
    });
  });
  afterAll(async () => {
    await server?.app.close();
  });

  const call = (procedure: string, input?: unknown) =>
    fetch(`${url}/trpc/${procedure}`, {
      method: input === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(input === undefined ? {} : { "content-type": "application/json" }),
      },
      body: input === undefined ? undefined : JSON.stringify({ json: input }),
    });

  it("never writes the key to a response or a log line, even at trace level", async () => {
    const rejected = await call("settings.setTelnyxKeys", { apiKey: WRONG_KEY });
    expect(rejected.status).toBe(422);
    const saved = await call("settings.setTelnyxKeys", { apiKey: ORG_KEY });
    expect(saved.status).toBe(200);
    const read = await call("settings.get");
    const bodies = [await rejected.text(), await saved.text(), await read.text()].join("\n");
    expect(bodies).toContain(`…${ORG_KEY.slice(-4)}`);
    expect(bodies).toContain("Telnyx rejected this API key");

    const logs = logLines.join("");
    expect(logs).toContain("settings.setTelnyxKeys"); // the requests were logged...
    for (const text of [bodies, logs]) {
      expect(text).not.toContain(ORG_KEY); // ...without the keys
      expect(text).not.toContain(WRONG_KEY);
    }
  });
});

describe("rates and organization", () => {
  it("creates, replaces and deletes rates as exact decimals", async () => {
    const admin = api.asDemoAdmin();
    let settings = await admin.settings.setRate({ countryCode: "de", kind: "sms_per_part", amount: "0.075" });
    expect(settings.rates).toContainEqual(
      expect.objectContaining({ countryCode: "DE", kind: "sms_per_part", amount: "0.075", currency: "USD" }),
    );
    settings = await admin.settings.setRate({ countryCode: "US", kind: "voice_per_minute", amount: "12345678.123456" });
    const us = settings.rates.filter((rate) => rate.countryCode === "US" && rate.kind === "voice_per_minute");
    expect(us).toEqual([expect.objectContaining({ amount: "12345678.123456" })]);

    const german = settings.rates.find((rate) => rate.countryCode === "DE")!;
    settings = await admin.settings.deleteRate({ id: german.id });
    expect(settings.rates.map((rate) => rate.id)).not.toContain(german.id);
    await expect(admin.settings.deleteRate({ id: german.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await api.db.prisma.auditLog.findMany({
      where: { action: { startsWith: "settings.rate" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual(["settings.rate.set", "settings.rate.set", "settings.rate.delete"]);
    expect(audit[1]!.details).toMatchObject({ amount: "12345678.123456", previous: "0.0035" });
  });

  it("rejects amounts that are not decimals, unknown kinds and countries, field by field", async () => {
    const admin = api.asDemoAdmin();
    for (const [input, field, key] of [
      [{ countryCode: "US", kind: "sms_per_part", amount: "1,5" }, "amount", "invalid_amount"],
      [{ countryCode: "US", kind: "sms_per_part", amount: "0.1234567" }, "amount", "invalid_amount"],
      [{ countryCode: "USA", kind: "sms_per_part", amount: "1" }, "countryCode", "invalid_country"],
      [{ countryCode: "US", kind: "fax_per_page", amount: "1" }, "kind", "invalid_rate_kind"],
    ] as const) {
      const error = (await admin.settings.setRate(input as never).catch((caught: unknown) => caught)) as TRPCError;
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(fieldErrorsOf(error.cause as ZodError)[field]).toEqual([key]);
    }
  });

  it("renames the organization and changes its time zone, refusing unknown zones", async () => {
    const admin = api.asDemoAdmin();
    const settings = await admin.settings.update({ name: "Acme Europe", timeZone: "America/New_York" });
    expect(settings.organization).toEqual({ name: "Acme Europe", timeZone: "America/New_York", currency: "USD" });
    await expect(admin.settings.update({ timeZone: "Mars/Olympus_Mons" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await admin.settings.get()).organization.timeZone).toBe("America/New_York");
    const entry = await api.db.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.organization.update" } });
    expect(entry.details).toEqual({ name: "Acme Europe", timeZone: "America/New_York" });
  });

  it("is for admins only", async () => {
    await expect(api.asDemoSupervisor().settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
