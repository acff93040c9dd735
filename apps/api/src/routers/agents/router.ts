import { z } from "zod";
import {
  ZAgentListSchema,
  ZColleagueListSchema,
  ZSetAgentStatusInputSchema,
  ZSetAgentStatusSchema,
  ZWrapUpInputSchema,
  ZWrapUpSchema,
} from "@app/telnyx-core/agents/agent-schemas";
import { getAgentStatus } from "@app/telnyx-core/agents/get-agent-status";
import { listAgents } from "@app/telnyx-core/agents/list-agents";
import { listColleagues } from "@app/telnyx-core/agents/list-colleagues";
import { setAgentStatus } from "@app/telnyx-core/agents/set-agent-status";
import { setWrapUpSecs } from "@app/telnyx-core/agents/set-wrap-up";
import { protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

export const agentsRouter = router({
  /** The caller's own state as the server holds it (the header; live agent:updated events follow). */
  getStatus: protectedProcedure
    .input(z.void())
    .output(ZSetAgentStatusSchema)
    .query(({ ctx }) => getAgentStatus(ctx.domain)),

  /** The caller's own choice (AVAILABLE / AWAY); ON_CALL, WRAP_UP and OFFLINE are the server's. */
  setStatus: protectedProcedure
    .input(ZSetAgentStatusInputSchema)
    .output(ZSetAgentStatusSchema)
    .mutation(({ ctx, input }) => setAgentStatus({ ...ctx.domain, input })),

  /** Every other member of the caller's organization with presence and whether they can take a transfer now. */
  colleagues: protectedProcedure
    .meta({ rest: { method: "GET", path: "/api/telnyx/agents/colleagues", summary: "The colleague directory" } })
    .input(z.void())
    .output(ZColleagueListSchema)
    .query(({ ctx }) => listColleagues(ctx.domain)),

  list: supervisorProcedure
    .input(z.void())
    .output(ZAgentListSchema)
    .query(({ ctx }) => listAgents({ db: ctx.db, organizationId: ctx.auth.organizationId })),

  /** Seconds of WRAP_UP after each call (organization setting, default 30; 0: none). */
  setWrapUp: supervisorProcedure
    .input(ZWrapUpInputSchema)
    .output(ZWrapUpSchema)
    .mutation(({ ctx, input }) => setWrapUpSecs({ ...ctx.domain, seconds: input.seconds })),
});
