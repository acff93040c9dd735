import { z } from "zod";
import type { Prisma } from "@app/db/client";

// Validation messages are stable keys that the web translates (validation.<key>).
export const RATE_KINDS = [
  "voice_per_minute",
  "sms_per_part",
  "number_local_monthly",
  "number_toll_free_monthly",
] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** True when the runtime knows the IANA zone ("Europe/Paris", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An Ed25519 public key as Telnyx shows it: base64 of the raw 32 bytes. */
function isEd25519PublicKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{42,44}={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32;
}

export const ZSetTelnyxKeysSchema = z.object({
  apiKey: z
    .string({ message: "required" })
    .trim()
    .min(1, "required")
    .min(10, "too_short")
    .max(500, "too_long")
    .regex(/^\S+$/, "invalid_api_key"),
  /** Omitted: unchanged; null or "": removed. */
  publicKey: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value === "" ? null : value))
    .refine((value) => value == null || isEd25519PublicKey(value), "invalid_public_key"),
});
export type TSetTelnyxKeys = z.infer<typeof ZSetTelnyxKeysSchema>;

export const ZSetRateSchema = z.object({
  countryCode: z
    .string({ message: "required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "invalid_country"),
  kind: z.enum(RATE_KINDS, { message: "invalid_rate_kind" }),
  /** Decimal string in the organization's currency, e.g. "0.0035". */
  amount: z
    .string({ message: "required" })
    .trim()
    .regex(/^\d{1,8}(\.\d{1,6})?$/, "invalid_amount"),
});
export type TSetRate = z.infer<typeof ZSetRateSchema>;

export const ZRateIdSchema = z.object({ id: z.string().min(1).max(64) });

export const ZUpdateOrganizationSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "too_long").optional(),
  timeZone: z.string().trim().min(1, "required").max(64, "too_long").refine(isTimeZone, "invalid_time_zone").optional(),
});
export type TUpdateOrganization = z.infer<typeof ZUpdateOrganizationSchema>;

export const ZRateSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  kind: z.string(),
  amount: z.string(),
  currency: z.string(),
});
export type TRate = z.infer<typeof ZRateSchema>;

export const ZTelnyxKeySource = z.enum(["organization", "environment", "sandbox"]);
export type TTelnyxKeySource = z.infer<typeof ZTelnyxKeySource>;

export const ZSettingsSchema = z.object({
  organization: z.object({ name: z.string(), timeZone: z.string(), currency: z.string() }),
  telnyx: z.object({
    mode: z.enum(["sandbox", "live"]),
    source: ZTelnyxKeySource,
    hasApiKey: z.boolean(),
    /** "…1234": enough to tell keys apart, never the key. */
    apiKeyHint: z.string().nullable(),
    hasPublicKey: z.boolean(),
  }),
  webhookUrls: z.object({ calls: z.string(), messages: z.string(), any: z.string() }),
  rates: z.array(ZRateSchema),
});
export type TSettings = z.infer<typeof ZSettingsSchema>;

/** After a webhook URL rotation: how many connections Telnyx now sends to the new URL, and which it could not update. */
export const ZWebhookRepointSchema = z.object({
  updated: z.number().int(),
  failed: z.array(z.object({ name: z.string(), error: z.string() })),
});
export type TWebhookRepoint = z.infer<typeof ZWebhookRepointSchema>;
export const ZWebhookRotationSchema = ZSettingsSchema.extend({ repoint: ZWebhookRepointSchema });

export const rateSelect = {
  id: true,
  countryCode: true,
  kind: true,
  amount: true,
  currency: true,
} as const satisfies Prisma.RateSelect;
