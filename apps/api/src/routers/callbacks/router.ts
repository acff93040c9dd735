import { assignCallbackToMe, listCallbacks, markCallbackDone } from "@app/telnyx-core/routing/callbacks";
import {
  ZCallbackIdSchema,
  ZCallbackListInputSchema,
  ZCallbackPageSchema,
  ZCallbackSchema,
} from "@app/telnyx-core/routing/routing-schemas";
import { intParam } from "../../rest/rest-route";
import { protectedProcedure, router } from "../../trpc/trpc";

/** The team's callback list: voicemails and calls missed while waiting (issue 15). */
export const callbacksRouter = router({
  list: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/callbacks",
        summary: "The callback list (voicemails and missed calls), newest first (cursor pagination)",
        input: ({ query }) => ({
          status: query.status,
          mine: query.mine === undefined ? undefined : query.mine === "true",
          cursor: query.cursor,
          limit: intParam(query.limit),
        }),
      },
    })
    .input(ZCallbackListInputSchema)
    .output(ZCallbackPageSchema)
    .query(({ ctx, input }) => listCallbacks({ ...ctx.domain, input })),
  assignToMe: protectedProcedure
    .input(ZCallbackIdSchema)
    .output(ZCallbackSchema)
    .mutation(({ ctx, input }) => assignCallbackToMe({ ...ctx.domain, id: input.id })),
  markDone: protectedProcedure
    .input(ZCallbackIdSchema)
    .output(ZCallbackSchema)
    .mutation(({ ctx, input }) => markCallbackDone({ ...ctx.domain, id: input.id })),
});
