import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

// Validation messages are stable keys that the web translates (validation.<key>).
const requiredText = (max: number) => z.string({ message: "required" }).trim().min(1, "required").max(max, "too_long");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .nullish()
    .transform((value) => (value ? value : null));

/** Any international number a carrier could reach, stored as E.164. */
export const ZPhoneNumberSchema = z
  .string({ message: "required" })
  .trim()
  .min(1, "required")
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value);
    if (!parsed?.isValid()) {
      ctx.addIssue({ code: "custom", message: "invalid_phone" });
      return z.NEVER;
    }
    return parsed.number;
  });

export const ZLeadCreateSchema = z.object({
  firstName: requiredText(100),
  lastName: optionalText(100).transform((value) => value ?? ""),
  company: optionalText(200),
  email: z
    .string()
    .trim()
    .max(254, "too_long")
    .nullish()
    .transform((value) => (value ? value.toLowerCase() : null))
    .pipe(z.email({ message: "invalid_email" }).nullable()),
  phoneNumber: ZPhoneNumberSchema,
  notes: optionalText(5000),
  ownerId: z.string().min(1).max(64).nullish(),
});
export type TLeadCreate = z.infer<typeof ZLeadCreateSchema>;

export const ZLeadUpdateSchema = z.object({
  id: z.string().min(1).max(64),
  data: ZLeadCreateSchema.partial(),
});
export type TLeadUpdate = z.infer<typeof ZLeadUpdateSchema>;

export const ZLeadListSchema = z.object({
  search: z.string().trim().max(200, "too_long").optional(),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TLeadList = z.infer<typeof ZLeadListSchema>;

export const ZLeadSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phoneNumber: z.string(),
  notes: z.string().nullable(),
  ownerId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TLead = z.infer<typeof ZLeadSchema>;

export const leadSelect = {
  id: true,
  firstName: true,
  lastName: true,
  company: true,
  email: true,
  phoneNumber: true,
  notes: true,
  ownerId: true,
  createdAt: true,
  updatedAt: true,
} as const;
