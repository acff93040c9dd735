import { z } from "zod";
import {
  ZLeadCreateSchema,
  ZLeadListSchema,
  ZLeadSchema,
  ZLeadUpdateSchema,
} from "@app/telnyx-core/leads/lead-schemas";
import { listLeads } from "@app/telnyx-core/leads/list-leads";
import { createLead, deleteLead, getLead, updateLead } from "@app/telnyx-core/leads/mutate-lead";
import { actorOf } from "../../trpc/actor";
import { protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

const ZLeadId = z.object({ id: z.string().min(1).max(64) });

export const leadsRouter = router({
  list: protectedProcedure
    .input(ZLeadListSchema)
    .output(z.object({ items: z.array(ZLeadSchema), nextCursor: z.string().nullable(), total: z.number() }))
    .query(({ ctx, input }) => listLeads({ db: ctx.db, actor: actorOf(ctx), input })),

  get: protectedProcedure
    .input(ZLeadId)
    .output(ZLeadSchema)
    .query(({ ctx, input }) => getLead({ db: ctx.db, actor: actorOf(ctx), id: input.id })),

  create: protectedProcedure
    .input(ZLeadCreateSchema)
    .output(ZLeadSchema)
    .mutation(({ ctx, input }) => createLead({ db: ctx.db, actor: actorOf(ctx), input })),

  update: protectedProcedure
    .input(ZLeadUpdateSchema)
    .output(ZLeadSchema)
    .mutation(({ ctx, input }) => updateLead({ db: ctx.db, actor: actorOf(ctx), input })),

  delete: supervisorProcedure
    .input(ZLeadId)
    .output(ZLeadId)
    .mutation(({ ctx, input }) => deleteLead({ db: ctx.db, actor: actorOf(ctx), id: input.id })),
});
