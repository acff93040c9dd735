import { z } from "zod";

const ZMoney = z.string();

export const ZStatsOverviewInputSchema = z.object({ userId: z.string().min(1).optional() }).optional();
export type TStatsOverviewInput = z.infer<typeof ZStatsOverviewInputSchema>;

export const ZCostBreakdownSchema = z.object({ calls: ZMoney, sms: ZMoney, numbers: ZMoney, total: ZMoney });

export const ZStatsOverviewSchema = z.object({
  callsToday: z.number().int(),
  smsSentToday: z.number().int(),
  activeNumbers: z.number().int(),
  costThisMonth: ZCostBreakdownSchema,
  currency: z.string(),
  callSuccessRate: z.number().min(0).max(1).nullable(),
  minutesToday: z.number(),
  minutesThisMonth: z.number(),
  asOf: z.date(),
  timeZone: z.string(),
});
export type TStatsOverview = z.infer<typeof ZStatsOverviewSchema>;

/** At most ~3 years per request (day granularity: at most 400 days). */
const MAX_RANGE_MS = 3 * 366 * 86_400_000;

export const ZStatsAnalyticsInputSchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    granularity: z.enum(["day", "month"]),
    userId: z.string().min(1).optional(),
  })
  .superRefine((input, ctx) => {
    const span = input.to.getTime() - input.from.getTime();
    if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "range_end_before_start" });
    else if (span > MAX_RANGE_MS || (input.granularity === "day" && span > 400 * 86_400_000)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "range_too_long" });
    }
  });
export type TStatsAnalyticsInput = z.infer<typeof ZStatsAnalyticsInputSchema>;

export const ZCallPeriodSchema = z.object({
  period: z.string(),
  inbound: z.number().int(),
  outbound: z.number().int(),
  answered: z.number().int(),
  missed: z.number().int(),
  avgDurationSecs: z.number().nullable(),
  successRate: z.number().nullable(),
  minutes: z.number(),
  avgMos: z.number().nullable(),
});
export const ZSmsPeriodSchema = z.object({
  period: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  deliveryRate: z.number().nullable(),
});
export const ZCostPeriodSchema = ZCostBreakdownSchema.extend({ period: z.string() });
export const ZPerAgentSchema = z.object({
  userId: z.string(),
  name: z.string(),
  calls: z.number().int(),
  answered: z.number().int(),
  minutes: z.number(),
  sms: z.number().int(),
  cost: ZMoney,
});
export const ZPerNumberSchema = z.object({
  phoneNumberId: z.string(),
  phoneNumber: z.string(),
  calls: z.number().int(),
  answered: z.number().int(),
  minutes: z.number(),
  sms: z.number().int(),
  cost: ZMoney,
});

export const ZStatsAnalyticsSchema = z.object({
  periods: z.array(z.string()),
  calls: z.array(ZCallPeriodSchema),
  sms: z.array(ZSmsPeriodSchema),
  cost: z.array(ZCostPeriodSchema),
  perAgent: z.array(ZPerAgentSchema),
  perNumber: z.array(ZPerNumberSchema),
});
export type TStatsAnalytics = z.infer<typeof ZStatsAnalyticsSchema>;

export const ZLeadCostInputSchema = z.object({ leadId: z.string().min(1) });
export const ZLeadCostSchema = z.object({
  calls: ZMoney,
  sms: ZMoney,
  total: ZMoney,
  currency: z.string(),
  callCount: z.number().int(),
  smsCount: z.number().int(),
});
export type TLeadCost = z.infer<typeof ZLeadCostSchema>;
