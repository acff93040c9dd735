import { z } from "zod";
import type { Prisma } from "@app/db/client";
import { NUMBER_TYPES } from "./countries";

// Validation messages are stable keys that the web translates (validation.<key>).
export const ZNumberTypeSchema = z.enum(NUMBER_TYPES, { message: "invalid_number_type" });
const ZCountryCode = z
  .string({ message: "required" })
  .trim()
  .regex(/^[A-Za-z]{2}$/, "invalid_country")
  .transform((code) => code.toUpperCase());
const ZE164 = z
  .string({ message: "required" })
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, "invalid_phone");
const ZDecimalString = z.string().regex(/^\d{1,8}(\.\d{1,6})?$/, "invalid_amount");

export const ZNumberIdSchema = z.object({ id: z.string().min(1).max(64) });

export const ZNumberListInputSchema = z
  .object({ includeReleased: z.boolean().default(false) })
  .default({ includeReleased: false });
export type TNumberListInput = z.infer<typeof ZNumberListInputSchema>;

export const ZNumberDtoSchema = z.object({
  id: z.string(),
  phoneNumber: z.string(),
  countryCode: z.string(),
  numberType: z.string(),
  status: z.enum(["PURCHASE_PENDING", "ACTIVE", "RELEASE_PENDING", "RELEASED", "FAILED"]),
  features: z.array(z.string()),
  monthlyCost: z.string().nullable(),
  upfrontCost: z.string().nullable(),
  currency: z.string(),
  assignedUserId: z.string().nullable(),
  assignedUserName: z.string().nullable(),
  connectionId: z.string().nullable(),
  messagingProfileId: z.string().nullable(),
  /** Bought, pointed at our Call Control application and (for SMS numbers) our messaging profile. */
  isConfigured: z.boolean(),
  purchasedAt: z.date().nullable(),
  updatedAt: z.date(),
  /** This calendar month in the organization's time zone; cost is a decimal string. */
  usage: z.object({ calls: z.number().int(), messages: z.number().int(), cost: z.string() }),
});
export type TNumberDto = z.infer<typeof ZNumberDtoSchema>;

export const ZNumberCountrySchema = z.object({ code: z.string(), name: z.string(), types: z.array(ZNumberTypeSchema) });

export const ZNumberSearchSchema = z.object({
  countryCode: ZCountryCode,
  numberType: ZNumberTypeSchema,
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "invalid_area_code")
    .optional(),
  locality: z.string().trim().min(1).max(100, "too_long").optional(),
  features: z
    .array(z.enum(["voice", "sms", "mms"]))
    .max(3)
    .optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TNumberSearch = z.infer<typeof ZNumberSearchSchema>;

export const ZAvailableNumberSchema = z.object({
  phoneNumber: z.string(),
  features: z.array(z.string()),
  upfrontCost: z.string(),
  monthlyCost: z.string(),
  currency: z.string(),
  region: z.string().nullable(),
  bestEffort: z.boolean(),
});
export type TAvailableNumber = z.infer<typeof ZAvailableNumberSchema>;

/**
 * Buy one number. With `phoneNumber` (picked from a search), that number; without it, the first
 * number a search by country, type and area code finds (the REST "buy me a number" shortcut).
 * features and costs are the search quote shown to the user (display only: Telnyx bills).
 */
export const ZNumberPurchaseSchema = z.object({
  phoneNumber: ZE164.optional(),
  countryCode: ZCountryCode,
  numberType: ZNumberTypeSchema,
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "invalid_area_code")
    .optional(),
  features: z.array(z.string().max(32)).max(10).optional(),
  upfrontCost: ZDecimalString.optional(),
  monthlyCost: ZDecimalString.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export type TNumberPurchase = z.infer<typeof ZNumberPurchaseSchema>;

export const ZNumberAssignSchema = z.object({
  id: z.string().min(1).max(64),
  userId: z.string().min(1).max(64).nullable(),
});
export type TNumberAssign = z.infer<typeof ZNumberAssignSchema>;

export const ZMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["ADMIN", "SUPERVISOR", "AGENT"]),
});
export type TMember = z.infer<typeof ZMemberSchema>;

export const numberSelect = {
  id: true,
  organizationId: true,
  phoneNumber: true,
  countryCode: true,
  numberType: true,
  status: true,
  features: true,
  monthlyCost: true,
  upfrontCost: true,
  currency: true,
  assignedUserId: true,
  assignedUser: { select: { name: true } },
  connectionId: true,
  messagingProfileId: true,
  telnyxId: true,
  purchasedAt: true,
  updatedAt: true,
} satisfies Prisma.TelnyxPhoneNumberSelect;
export type NumberRow = Prisma.TelnyxPhoneNumberGetPayload<{ select: typeof numberSelect }>;
