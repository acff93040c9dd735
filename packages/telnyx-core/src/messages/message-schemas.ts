import { z } from "zod";
import { isE164 } from "../phone/phone-numbers";
import { ZMessageDtoSchema, ZMessageStatusSchema } from "../realtime/events";

// Validation messages are stable keys that the web translates (validation.<key>).
export const ZE164Schema = z
  .string({ message: "required" })
  .trim()
  .min(1, "required")
  .refine((value) => isE164(value), "invalid_phone");

const ZId = z.string().min(1).max(64);
const ZCursor = z.string().max(200).nullish();

export const ZFromNumberSchema = z.object({
  id: z.string(),
  phoneNumber: z.string(),
  countryCode: z.string(),
  assignedUserId: z.string().nullable(),
});
export type TFromNumber = z.infer<typeof ZFromNumberSchema>;

export const ZMessageSendSchema = z.object({
  to: ZE164Schema,
  text: z.string({ message: "required" }).min(1, "required").max(1600, "too_long"),
  fromNumberId: ZId.optional(),
  /** +E.164 of one of the organization's numbers (the REST face's `from`); fromNumberId wins. */
  fromNumber: ZE164Schema.optional(),
  leadId: ZId.optional(),
  mediaUrls: z
    .array(z.url({ message: "invalid_url" }).max(2000, "too_long"))
    .max(10, "too_many")
    .optional(),
});
export type TMessageSend = z.infer<typeof ZMessageSendSchema>;

export const ZThreadListSchema = z
  .object({
    search: z.string().trim().max(200, "too_long").optional(),
    cursor: ZCursor,
    limit: z.number().int().min(1).max(100).default(30),
  })
  .prefault({});
export type TThreadList = z.infer<typeof ZThreadListSchema>;

export const ZThreadSummarySchema = z.object({
  key: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  counterpartNumber: z.string(),
  lastMessage: ZMessageDtoSchema,
  messageCount: z.number().int(),
});
export type TThreadSummary = z.infer<typeof ZThreadSummarySchema>;
export const ZThreadPageSchema = z.object({ items: z.array(ZThreadSummarySchema), nextCursor: z.string().nullable() });

export const ZThreadGetSchema = z
  .object({
    leadId: ZId.optional(),
    counterpartNumber: ZE164Schema.optional(),
    cursor: ZCursor,
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((input) => input.leadId || input.counterpartNumber, { message: "required", path: ["counterpartNumber"] });
export type TThreadGet = z.infer<typeof ZThreadGetSchema>;

export const ZThreadSchema = z.object({
  items: z.array(ZMessageDtoSchema),
  nextCursor: z.string().nullable(),
  optedOut: z.boolean(),
  counterpartNumber: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
});
export type TThread = z.infer<typeof ZThreadSchema>;

export const ZMessageListSchema = z
  .object({
    direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
    status: z.array(ZMessageStatusSchema).max(10).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: ZCursor,
    limit: z.number().int().min(1).max(100).default(50),
  })
  .prefault({});
export type TMessageList = z.infer<typeof ZMessageListSchema>;
export const ZMessagePageSchema = z.object({ items: z.array(ZMessageDtoSchema), nextCursor: z.string().nullable() });

export const ZOptOutListSchema = z
  .object({ cursor: ZCursor, limit: z.number().int().min(1).max(100).default(50) })
  .prefault({});
export type TOptOutList = z.infer<typeof ZOptOutListSchema>;

export const ZOptOutItemSchema = z.object({
  id: z.string(),
  phoneNumber: z.string(),
  source: z.enum(["KEYWORD", "MANUAL", "IMPORT"]),
  keyword: z.string().nullable(),
  createdAt: z.date(),
});
export const ZOptOutPageSchema = z.object({ items: z.array(ZOptOutItemSchema), nextCursor: z.string().nullable() });

export const ZOptOutChangeSchema = z.object({ phoneNumber: ZE164Schema });
export const ZOptOutStateSchema = z.object({ phoneNumber: z.string(), optedOut: z.boolean() });
export type TOptOutState = z.infer<typeof ZOptOutStateSchema>;
