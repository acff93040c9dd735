/**
 * A webhook public key saved in Settings must be the signing key of the API key's Telnyx account: a key pair of the
 * admin's own making (or another account's key) would let them sign webhooks "from Telnyx". The sandbox models
 * accounts, each with its own signing key, and tells which key is an account's (Telnyx shows it in its portal only).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { AppError } from "@app/telnyx-core/errors/app-error";
import { generateTestSigningKeyPair } from "@app/telnyx-core/webhooks/sign-webhook";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { setupTestApi, type TestApi } from "./harness";

interface OpenedAccount {
  api_key: string;
  public_key: string;
}

let sandbox: Sandbox;
let api: TestApi;
let ours: OpenedAccount;
let theirs: OpenedAccount;

const openAccount = async (): Promise<OpenedAccount> =>
  ((await (await fetch(`${sandbox.origin}/sandbox/accounts`, { method: "POST" })).json()) as { data: OpenedAccount })
    .data;

beforeAll(async () => {
  const deploymentKey = `KEY${randomBytes(12).toString("hex")}_deployment`;
  sandbox = await startSandbox({ port: 0, timeScale: 0, apiKey: deploymentKey });
  api = await setupTestApi({ telnyx: createSandboxAccess(sandbox, { apiKey: deploymentKey }) });
  [ours, theirs] = [await openAccount(), await openAccount()];
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const storedKeys = () => api.db.prisma.setting.count({ where: { key: { startsWith: "telnyx." } } });

describe("settings.setTelnyxKeys checks the public key against the API key's account", () => {
  it.each([
    ["another account's key", () => theirs.public_key],
    ["a key pair of the admin's own making", () => generateTestSigningKeyPair().publicKeyBase64],
    ["the deployment's (default account's) key", () => sandbox.publicKey],
  ])("refuses %s with a 422 on publicKey, and stores nothing", async (_name, publicKeyOf) => {
    const error = (await api
      .asDemoAdmin()
      .settings.setTelnyxKeys({ apiKey: ours.api_key, publicKey: publicKeyOf() })
      .catch((caught: unknown) => caught)) as TRPCError;
    expect(error).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringMatching(/^This public key is not the webhook signing key of the Telnyx account/),
    });
    expect(error.cause).toBeInstanceOf(AppError);
    expect((error.cause as AppError).fieldErrors).toEqual({ publicKey: ["not_account_public_key"] });
    expect(await storedKeys()).toBe(0);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "settings.telnyxKeys.set" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({
      result: "failed",
      details: expect.objectContaining({ reason: "public_key_not_of_account" }),
    });
  });

  it("accepts the account's own key", async () => {
    const settings = await api
      .asDemoAdmin()
      .settings.setTelnyxKeys({ apiKey: ours.api_key, publicKey: ours.public_key });
    expect(settings.telnyx).toMatchObject({ source: "organization", hasApiKey: true, hasPublicKey: true });
    expect(await storedKeys()).toBe(2);
  });

  it("still saves an API key alone (nothing to compare)", async () => {
    const settings = await api.asOtherAdmin().settings.setTelnyxKeys({ apiKey: theirs.api_key });
    expect(settings.telnyx).toMatchObject({ source: "organization", hasApiKey: true, hasPublicKey: false });
  });
});
