import { z } from "zod";
import {
  ZLeadCreateSchema,
  ZLeadListSchema,
  ZLeadSchema,
  ZLeadUpdateSchema,
} from "@app/telnyx-core/leads/lead-schemas";
import { listLeads } from "@app/telnyx-core/leads/list-leads";
import { createLead, deleteLead, getLead, updateLead } from "@app/telnyx-core/leads/mutate-lead";
import { intParam } from "../../rest/rest-route";
import { idempotentProcedure, protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

const ZLeadId = z.object({ id: z.string().min(1).max(64) });

export const leadsRouter = router({
  list: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/leads",
        summary: "List leads (search, cursor pagination)",
        input: ({ query }) => ({ search: query.search, cursor: query.cursor, limit: intParam(query.limit) }),
      },
    })
    .input(ZLeadListSchema)
    .output(z.object({ items: z.array(ZLeadSchema), nextCursor: z.string().nullable(), total: z.number() }))
    .query(({ ctx, input }) => listLeads({ ...ctx.domain, input })),

  get: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/leads/:id",
        summary: "Get a lead",
        input: ({ params }) => ({ id: params.id }),
      },
    })
    .input(ZLeadId)
    .output(ZLeadSchema)
    .query(({ ctx, input }) => getLead({ ...ctx.domain, id: input.id })),

  create: idempotentProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/api/leads",
        summary: "Create a lead",
        successStatus: 201,
        input: ({ body }) => body,
      },
    })
    .input(ZLeadCreateSchema)
    .output(ZLeadSchema)
    .mutation(({ ctx, input }) => createLead({ ...ctx.domain, input })),

  update: protectedProcedure
    .meta({
      rest: {
        method: "PATCH",
        path: "/api/leads/:id",
        summary: "Update a lead",
        input: ({ params, body }) => ({ id: params.id, data: body }),
      },
    })
    .input(ZLeadUpdateSchema)
    .output(ZLeadSchema)
    .mutation(({ ctx, input }) => updateLead({ ...ctx.domain, input })),

  delete: supervisorProcedure
    .meta({
      rest: {
        method: "DELETE",
        path: "/api/leads/:id",
        summary: "Delete a lead",
        input: ({ params }) => ({ id: params.id }),
      },
    })
    .input(ZLeadId)
    .output(ZLeadId)
    .mutation(({ ctx, input }) => deleteLead({ ...ctx.domain, id: input.id })),
});
