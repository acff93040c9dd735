import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { API_KEY_SETTING, PUBLIC_KEY_SETTING } from "./telnyx-keys";
import { rateSelect, type TSettings } from "./settings-schemas";

export interface SettingsEnvironment {
  mode: "sandbox" | "live";
  /** The endpoints Telnyx must call for this deployment. */
  webhookUrls: TSettings["webhookUrls"];
}

/** The organization's settings as an admin sees them: keys only as presence and a 4-character hint. */
export async function getSettings(options: {
  db: Db;
  actor: Actor;
  environment: SettingsEnvironment;
}): Promise<TSettings> {
  const { db, actor, environment } = options;
  const organizationId = actor.organizationId;
  const [organization, keyRows, rates] = await Promise.all([
    db.prisma.organization.findUnique({
      where: { id: organizationId },
      select: { name: true, timeZone: true, currency: true },
    }),
    db.prisma.setting.findMany({
      where: { organizationId, key: { in: [API_KEY_SETTING, PUBLIC_KEY_SETTING] }, encryptedValue: { not: null } },
      select: { key: true, value: true },
    }),
    db.prisma.rate.findMany({
      where: { organizationId },
      select: rateSelect,
      orderBy: [{ countryCode: "asc" }, { kind: "asc" }],
    }),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", "This organization no longer exists.");
  const apiKeyRow = keyRows.find((row) => row.key === API_KEY_SETTING);
  const hint = (apiKeyRow?.value as { hint?: unknown } | null | undefined)?.hint;
  return {
    organization,
    telnyx: {
      mode: environment.mode,
      source: apiKeyRow ? "organization" : environment.mode === "sandbox" ? "sandbox" : "environment",
      hasApiKey: Boolean(apiKeyRow),
      apiKeyHint: apiKeyRow && typeof hint === "string" ? hint : null,
      hasPublicKey: keyRows.some((row) => row.key === PUBLIC_KEY_SETTING),
    },
    webhookUrls: environment.webhookUrls,
    rates: rates.map((rate) => ({ ...rate, amount: rate.amount.toString() })),
  };
}
