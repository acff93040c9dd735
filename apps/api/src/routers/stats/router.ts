import { getStatsAnalytics } from "@app/telnyx-core/stats/get-analytics";
import { getLeadCost } from "@app/telnyx-core/stats/get-lead-cost";
import { getStatsOverview } from "@app/telnyx-core/stats/get-overview";
import {
  ZLeadCostInputSchema,
  ZLeadCostSchema,
  ZStatsAnalyticsInputSchema,
  ZStatsAnalyticsSchema,
  ZStatsOverviewInputSchema,
  ZStatsOverviewSchema,
} from "@app/telnyx-core/stats/stats-schemas";
import { protectedProcedure, router } from "../../trpc/trpc";

/** Agents get their own figures only (userId forced to themselves); supervisors and admins any agent's or all. */
export const statsRouter = router({
  overview: protectedProcedure
    .input(ZStatsOverviewInputSchema)
    .output(ZStatsOverviewSchema)
    .query(({ ctx, input }) => getStatsOverview({ ...ctx.domain, input })),

  analytics: protectedProcedure
    .input(ZStatsAnalyticsInputSchema)
    .output(ZStatsAnalyticsSchema)
    .query(({ ctx, input }) => getStatsAnalytics({ ...ctx.domain, input })),

  leadCost: protectedProcedure
    .input(ZLeadCostInputSchema)
    .output(ZLeadCostSchema)
    .query(({ ctx, input }) => getLeadCost({ ...ctx.domain, leadId: input.leadId })),
});
