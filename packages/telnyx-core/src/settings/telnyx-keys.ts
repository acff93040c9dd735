/**
 * An organization's own Telnyx account: API key and webhook public key, sealed in Setting rows
 * (never stored in clear, never returned, never logged). The API key is checked with Telnyx
 * before it is saved.
 */
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import { MISSING_ENCRYPTION_KEY_MESSAGE, type SecretBox } from "./secret-box";
import type { TSetTelnyxKeys } from "./settings-schemas";

export const API_KEY_SETTING = "telnyx.apiKey";
export const PUBLIC_KEY_SETTING = "telnyx.publicKey";

export const REJECTED_KEY_MESSAGE =
  "Telnyx rejected this API key. Copy it again from the Telnyx portal (Account settings → Keys & credentials → API Keys), check that it is active and belongs to the right account, then save again.";

/** AAD binding a sealed value to its organization and setting. */
const contextOf = (organizationId: string, key: string) => `${organizationId}:${key}`;

export const FOREIGN_PUBLIC_KEY_MESSAGE =
  "This public key is not the webhook signing key of the Telnyx account this API key belongs to. Copy the Public Key from that account's Telnyx portal (Account settings → Keys & credentials → Public Key), then save again.";

/** "…1234": the last four characters, to tell keys apart. */
export function apiKeyHint(apiKey: string): string {
  return `…${apiKey.slice(-4)}`;
}

export interface OrganizationKeys {
  apiKey: string;
  publicKey: string | null;
}

/** The organization's stored key, decrypted in memory; null when it has none. */
export async function readOrganizationKeys(
  db: Db,
  secretBox: SecretBox | null | undefined,
  organizationId: string,
): Promise<OrganizationKeys | null> {
  const rows = await db.prisma.setting.findMany({
    where: { organizationId, key: { in: [API_KEY_SETTING, PUBLIC_KEY_SETTING] }, encryptedValue: { not: null } },
    select: { key: true, encryptedValue: true },
  });
  const apiKeyRow = rows.find((row) => row.key === API_KEY_SETTING);
  if (!apiKeyRow?.encryptedValue) return null;
  if (!secretBox) {
    throw new AppError(
      "ENCRYPTION_KEY_MISSING",
      "This organization's Telnyx key is stored encrypted but APP_ENCRYPTION_KEY is not set on the server — set it back, or clear the key in Settings.",
    );
  }
  const publicKeyRow = rows.find((row) => row.key === PUBLIC_KEY_SETTING);
  return {
    apiKey: secretBox.open(apiKeyRow.encryptedValue, contextOf(organizationId, API_KEY_SETTING)),
    publicKey: publicKeyRow?.encryptedValue
      ? secretBox.open(publicKeyRow.encryptedValue, contextOf(organizationId, PUBLIC_KEY_SETTING))
      : null,
  };
}

/**
 * Whose key verifies webhooks on an organization's endpoint: its own saved public key when it saved
 * Telnyx keys (null when it saved an API key without one: nothing verifies), else `installationKeys`.
 */
export async function webhookKeysOfOrganization(
  db: Db,
  secretBox: SecretBox | null | undefined,
  organizationId: string,
  installationKeys: string[],
): Promise<string[]> {
  const rows = await db.prisma.setting.findMany({
    where: { organizationId, key: { in: [API_KEY_SETTING, PUBLIC_KEY_SETTING] }, encryptedValue: { not: null } },
    select: { key: true, encryptedValue: true },
  });
  if (!rows.some((row) => row.key === API_KEY_SETTING)) return installationKeys;
  const publicKeyRow = rows.find((row) => row.key === PUBLIC_KEY_SETTING);
  if (!publicKeyRow?.encryptedValue || !secretBox) return [];
  try {
    return [secretBox.open(publicKeyRow.encryptedValue, contextOf(organizationId, PUBLIC_KEY_SETTING))];
  } catch {
    return []; // sealed under another APP_ENCRYPTION_KEY: that organization must save it again
  }
}

/**
 * Organizations on the installation's own Telnyx account (no API key of their own saved): the only
 * ones events from the legacy shared webhook endpoints may touch.
 */
export async function listInstallationOrganizationIds(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT o."id" FROM "Organization" o
     WHERE NOT EXISTS (SELECT 1 FROM "Setting" s WHERE s."organizationId" = o."id" AND s."key" = $1 AND s."encryptedValue" IS NOT NULL)`,
    [API_KEY_SETTING],
  );
  return rows.map((row) => row.id);
}

/** Verifies the key with Telnyx, then stores it sealed (with an optional webhook public key). */
export async function setTelnyxKeys(options: {
  db: Db;
  actor: Actor;
  secretBox: SecretBox | null | undefined;
  /** A gateway using the candidate key against the configured Telnyx base URL. */
  gatewayForKey: (apiKey: string) => TelnyxGateway;
  /**
   * The webhook public key of the API key's account, where the Telnyx in use can tell (the sandbox). Telnyx itself
   * shows it only in its portal (docs/telnyx-facts.md), so against it the public key is not compared.
   */
  accountPublicKey?: ((apiKey: string) => Promise<string>) | undefined;
  input: TSetTelnyxKeys;
}): Promise<void> {
  const { db, actor, secretBox, input } = options;
  const audit = (result: "ok" | "failed", details: Record<string, unknown>) =>
    recordAudit(db, {
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: "settings.telnyxKeys.set",
      targetType: "organization",
      targetId: actor.organizationId,
      result,
      ip: actor.ip,
      details,
    });
  if (!secretBox) throw new AppError("ENCRYPTION_KEY_MISSING", MISSING_ENCRYPTION_KEY_MESSAGE);

  const verdict = await options.gatewayForKey(input.apiKey).verifyApiKey();
  if (!verdict.ok) {
    await audit("failed", { reason: verdict.error.code, apiKeyHint: apiKeyHint(input.apiKey) });
    // The key is the admin's input, not our upstream failing: a 422 on the field, never a 502.
    if (verdict.error.code === "TELNYX_AUTH")
      throw new AppError("VALIDATION", REJECTED_KEY_MESSAGE, { fieldErrors: { apiKey: ["telnyx_rejected"] } });
    throw verdict.error;
  }
  if (input.publicKey && options.accountPublicKey) {
    // A key pair of the admin's own making would let them sign webhooks "from Telnyx": only the account's key passes.
    if ((await options.accountPublicKey(input.apiKey)) !== input.publicKey) {
      await audit("failed", { reason: "public_key_not_of_account", apiKeyHint: apiKeyHint(input.apiKey) });
      throw new AppError("VALIDATION", FOREIGN_PUBLIC_KEY_MESSAGE, {
        fieldErrors: { publicKey: ["not_account_public_key"] },
      });
    }
  }

  const organizationId = actor.organizationId;
  const apiKeySealed = secretBox.seal(input.apiKey, contextOf(organizationId, API_KEY_SETTING));
  await db.prisma.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { organizationId_key: { organizationId, key: API_KEY_SETTING } },
      create: {
        organizationId,
        key: API_KEY_SETTING,
        encryptedValue: apiKeySealed,
        value: { hint: apiKeyHint(input.apiKey) },
      },
      update: { encryptedValue: apiKeySealed, value: { hint: apiKeyHint(input.apiKey) } },
    });
    if (input.publicKey === null) {
      await tx.setting.deleteMany({ where: { organizationId, key: PUBLIC_KEY_SETTING } });
    } else if (input.publicKey !== undefined) {
      const publicKeySealed = secretBox.seal(input.publicKey, contextOf(organizationId, PUBLIC_KEY_SETTING));
      await tx.setting.upsert({
        where: { organizationId_key: { organizationId, key: PUBLIC_KEY_SETTING } },
        create: { organizationId, key: PUBLIC_KEY_SETTING, encryptedValue: publicKeySealed },
        update: { encryptedValue: publicKeySealed },
      });
    }
  });
  await audit("ok", {
    apiKeyHint: apiKeyHint(input.apiKey),
    publicKey: input.publicKey === undefined ? "unchanged" : input.publicKey ? "set" : "removed",
  });
}

/** Back to the deployment's Telnyx account (TELNYX_API_KEY or the sandbox). */
export async function clearTelnyxKeys(options: { db: Db; actor: Actor }): Promise<void> {
  const { db, actor } = options;
  const { count } = await db.prisma.setting.deleteMany({
    where: { organizationId: actor.organizationId, key: { in: [API_KEY_SETTING, PUBLIC_KEY_SETTING] } },
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "settings.telnyxKeys.clear",
    targetType: "organization",
    targetId: actor.organizationId,
    ip: actor.ip,
    details: { removed: count },
  });
}
