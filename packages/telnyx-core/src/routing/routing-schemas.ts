/**
 * Inbound routing (issue 15): the contract between the API and its clients — queues with ring strategies,
 * business hours, where each number routes, and the team's callback list (voicemails and missed calls).
 * The web app, REST face and typed client are built on these shapes; the engine lives beside this file.
 */
import { z } from "zod";

const ZId = z.string().min(1).max(64);

export const ZRingStrategySchema = z.enum(["ALL", "ROUND_ROBIN", "LONGEST_IDLE"]);
export type TRingStrategy = z.infer<typeof ZRingStrategySchema>;

export const ZQueueInputSchema = z.object({
  name: z.string().trim().min(1).max(60),
  strategy: ZRingStrategySchema,
  /** Seconds one agent rings before the next is tried (ROUND_ROBIN / LONGEST_IDLE). */
  ringTimeoutSecs: z.number().int().min(5).max(120),
  /** Seconds a caller waits before voicemail. */
  maxWaitSecs: z.number().int().min(10).max(1800),
  /** Spoken to the caller on entry (text-to-speech); null: hold music only. */
  holdMessage: z.string().trim().max(500).nullable(),
  announcePosition: z.boolean(),
  memberUserIds: z.array(ZId).max(500),
});
export type TQueueInput = z.infer<typeof ZQueueInputSchema>;

export const ZQueueSchema = ZQueueInputSchema.extend({
  id: z.string(),
  /** Callers waiting now. */
  waiting: z.number().int(),
  /** Seconds the longest-waiting caller has waited (null: nobody waits). */
  longestWaitSecs: z.number().nullable(),
  /** Today (organization's time zone): share of queued calls answered within 20 s, 0–100; null before any. */
  slaPercent: z.number().nullable(),
});
export type TQueue = z.infer<typeof ZQueueSchema>;
export const ZQueueListSchema = z.array(ZQueueSchema);

export const ZQueueUpdateSchema = ZQueueInputSchema.extend({ id: ZId });
export const ZQueueIdSchema = z.object({ id: ZId });

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_hh_mm");

export const ZBusinessHoursSchema = z.object({
  /** IANA time zone, e.g. "Europe/Paris". */
  timeZone: z.string().min(1).max(64),
  /** Open intervals per weekday (0 = Sunday … 6 = Saturday); a day without an interval is closed. */
  weekly: z.array(z.object({ day: z.number().int().min(0).max(6), open: ZTime, close: ZTime })).max(50),
  holidays: z
    .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().trim().max(80) }))
    .max(100),
  /** false: always open (the default until an admin sets hours). */
  enabled: z.boolean(),
});
export type TBusinessHours = z.infer<typeof ZBusinessHoursSchema>;

/** The organization's voicemail greeting, said to callers before the beep. */
export const ZVoicemailGreetingInputSchema = z.object({ text: z.string().trim().min(1).max(500) });
export const ZVoicemailGreetingSchema = ZVoicemailGreetingInputSchema.extend({
  /** true: nothing saved yet, the text is the built-in default. */
  isDefault: z.boolean(),
});
export type TVoicemailGreeting = z.infer<typeof ZVoicemailGreetingSchema>;

const ZQueueTarget = z.object({ kind: z.literal("queue"), queueId: ZId });
const ZAgentTarget = z.object({ kind: z.literal("agent"), userId: ZId });
const ZVoicemailTarget = z.object({ kind: z.literal("voicemail") });

/** Where a number's inbound calls go. */
export const ZRouteTargetSchema = z.discriminatedUnion("kind", [
  ZQueueTarget,
  ZAgentTarget,
  ZVoicemailTarget,
  z.object({ kind: z.literal("ivr"), menuId: ZId }),
]);
export type TRouteTarget = z.infer<typeof ZRouteTargetSchema>;

/** Where one key of an IVR menu goes: a route target, or another menu (said again on entry). */
export const ZIvrOptionTargetSchema = z.discriminatedUnion("kind", [
  ZQueueTarget,
  ZAgentTarget,
  ZVoicemailTarget,
  z.object({ kind: z.literal("menu"), menuId: ZId }),
]);
export type TIvrOptionTarget = z.infer<typeof ZIvrOptionTargetSchema>;

export const ZIvrDigitSchema = z.string().regex(/^[0-9*#]$/, "ivr_digit");
export const ZIvrOptionSchema = z.object({ digit: ZIvrDigitSchema, target: ZIvrOptionTargetSchema });
export type TIvrOption = z.infer<typeof ZIvrOptionSchema>;

export const ZIvrMenuInputSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** Said to the caller (text-to-speech) before the keys are read; it should name the options. */
  greeting: z.string().trim().min(1).max(1000),
  options: z
    .array(ZIvrOptionSchema)
    .min(1)
    .max(12)
    .refine((options) => new Set(options.map((o) => o.digit)).size === options.length, "ivr_duplicate_digit"),
});
export type TIvrMenuInput = z.infer<typeof ZIvrMenuInputSchema>;
export const ZIvrMenuSchema = ZIvrMenuInputSchema.extend({ id: z.string() });
export type TIvrMenu = z.infer<typeof ZIvrMenuSchema>;
export const ZIvrMenuListSchema = z.array(ZIvrMenuSchema);
export const ZIvrMenuUpdateSchema = ZIvrMenuInputSchema.extend({ id: ZId });
export const ZIvrMenuIdSchema = z.object({ id: ZId });

export const ZNumberRouteSchema = z.object({
  phoneNumberId: z.string(),
  phoneNumber: z.string(),
  /** null: the legacy behaviour (ring the lead's owner, else every available agent). */
  target: ZRouteTargetSchema.nullable(),
});
export const ZNumberRouteListSchema = z.array(ZNumberRouteSchema);
export const ZSetNumberRouteSchema = z.object({ phoneNumberId: ZId, target: ZRouteTargetSchema.nullable() });

export const ZCallbackReasonSchema = z.enum(["VOICEMAIL", "MISSED"]);
export const ZCallbackSchema = z.object({
  id: z.string(),
  callId: z.string(),
  reason: ZCallbackReasonSchema,
  fromNumber: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  queueId: z.string().nullable(),
  queueName: z.string().nullable(),
  /** "/api/recordings/<callId>" for a voicemail once stored. */
  recordingUrl: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.date(),
  doneAt: z.date().nullable(),
});
export type TCallback = z.infer<typeof ZCallbackSchema>;
export const ZCallbackListInputSchema = z.object({
  status: z.enum(["OPEN", "DONE"]).default("OPEN"),
  mine: z.boolean().default(false),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZCallbackPageSchema = z.object({ items: z.array(ZCallbackSchema), nextCursor: z.string().nullable() });
export const ZCallbackIdSchema = z.object({ id: ZId });
