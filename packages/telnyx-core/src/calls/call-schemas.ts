import { z } from "zod";
import { ZCallDtoSchema, ZCallStatusSchema } from "../realtime/events";
import { ZPhoneNumberSchema } from "../leads/lead-schemas";
import { ZCallTimelineDetailSchema } from "./describe-signal";

const ZId = z.string().min(1).max(64);

export const ZCallIdSchema = z.object({ id: ZId });
export type TCallId = z.infer<typeof ZCallIdSchema>;

export const ZCallListSchema = z.object({
  direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
  status: z.array(ZCallStatusSchema).max(9).optional(),
  userId: ZId.optional(),
  leadId: ZId.optional(),
  phoneNumberId: ZId.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TCallList = z.infer<typeof ZCallListSchema>;

export const ZCallCreateSchema = z.object({
  to: ZPhoneNumberSchema,
  fromNumberId: ZId.optional(),
  /** REST convenience: the E.164 number itself instead of its id. */
  fromNumber: ZPhoneNumberSchema.optional(),
  leadId: ZId.optional(),
  record: z.boolean().optional(),
});
export type TCallCreate = z.infer<typeof ZCallCreateSchema>;

export const ZCallTransferSchema = z
  .object({ id: ZId, to: ZPhoneNumberSchema.optional(), toUserId: ZId.optional(), toQueueId: ZId.optional() })
  .refine((input) => [input.to, input.toUserId, input.toQueueId].filter(Boolean).length === 1, {
    message: "transfer_target",
    path: ["to"],
  });
export type TCallTransfer = z.infer<typeof ZCallTransferSchema>;

export const ZCallTimelineItemSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  occurredAt: z.date(),
  /** English line (REST, logs). */
  summary: z.string(),
  /** The same as a code and values, for a client to phrase in its own language. */
  detail: ZCallTimelineDetailSchema,
});

export const ZCallDetailSchema = ZCallDtoSchema.extend({
  timeline: z.array(ZCallTimelineItemSchema),
  /** "/api/recordings/<callId>" once the recording is stored. */
  recordingUrl: z.string().nullable(),
});
export type TCallDetail = z.infer<typeof ZCallDetailSchema>;

export const ZCallPageSchema = z.object({ items: z.array(ZCallDtoSchema), nextCursor: z.string().nullable() });

export const ZCallFromNumberSchema = z.object({
  id: z.string(),
  phoneNumber: z.string(),
  countryCode: z.string(),
  assignedUserId: z.string().nullable(),
});
export type TCallFromNumber = z.infer<typeof ZCallFromNumberSchema>;
