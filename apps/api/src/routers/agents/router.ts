import { z } from "zod";
import {
  ZAgentListSchema,
  ZSetAgentStatusInputSchema,
  ZSetAgentStatusSchema,
} from "@app/telnyx-core/agents/agent-schemas";
import { listAgents } from "@app/telnyx-core/agents/list-agents";
import { setAgentStatus } from "@app/telnyx-core/agents/set-agent-status";
import { protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

export const agentsRouter = router({
  /** The caller's own state (AVAILABLE / AWAY); ON_CALL is automatic while they have a live call. */
  setStatus: protectedProcedure
    .input(ZSetAgentStatusInputSchema)
    .output(ZSetAgentStatusSchema)
    .mutation(({ ctx, input }) => setAgentStatus({ ...ctx.domain, input })),

  list: supervisorProcedure
    .input(z.void())
    .output(ZAgentListSchema)
    .query(({ ctx }) => listAgents({ db: ctx.db, organizationId: ctx.auth.organizationId })),
});
