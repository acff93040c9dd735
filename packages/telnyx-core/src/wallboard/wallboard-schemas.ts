import { z } from "zod";
import { ZAgentStateSchema, ZCallDtoSchema } from "../realtime/events";
import { ZQueueSchema } from "../routing/routing-schemas";

export const ZWallboardSnapshotSchema = z.object({
  activeCalls: z.array(ZCallDtoSchema),
  agents: z.array(ZAgentStateSchema),
  today: z.object({
    calls: z.number().int(),
    inbound: z.number().int(),
    answered: z.number().int(),
    missed: z.number().int(),
    sms: z.number().int(),
    smsDelivered: z.number().int(),
    deliveryRate: z.number().nullable(),
    cost: z.string(),
  }),
  sla: z.object({
    thresholdSecs: z.number().int(),
    answeredWithin: z.number().int(),
    inboundAnswered: z.number().int(),
    rate: z.number().nullable(),
  }),
  longestWaitSecs: z.number().int().nullable(),
  /** Per queue: callers waiting, longest wait, today's SLA (live updates: queue:updated). */
  queues: z.array(ZQueueSchema),
  /** Seconds agents stay WRAP_UP after each call (agents.setWrapUp). */
  wrapUpSecs: z.number().int(),
  currency: z.string(),
  asOf: z.date(),
});
export type TWallboardSnapshot = z.infer<typeof ZWallboardSnapshotSchema>;

export const ZKioskLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export const ZCreateKioskLinkInputSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "too_long"),
});
export const ZCreatedKioskLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  url: z.string(),
});
export const ZKioskLinkIdSchema = z.object({ id: z.string().min(1) });
export const ZSlaThresholdInputSchema = z.object({
  seconds: z.number().int().min(1, "too_small").max(600, "too_large"),
});
export const ZSlaThresholdSchema = z.object({ thresholdSecs: z.number().int() });
