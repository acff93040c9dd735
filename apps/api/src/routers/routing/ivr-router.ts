import { z } from "zod";
import { createIvrMenu, deleteIvrMenu, listIvrMenus, updateIvrMenu } from "@app/telnyx-core/routing/manage-ivr";
import {
  ZIvrMenuIdSchema,
  ZIvrMenuInputSchema,
  ZIvrMenuListSchema,
  ZIvrMenuSchema,
  ZIvrMenuUpdateSchema,
} from "@app/telnyx-core/routing/routing-schemas";
import { idempotentSupervisorProcedure, protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

/** IVR menus (issue 15): a greeting, then a key → queue, agent, voicemail or another menu. */
export const ivrRouter = router({
  list: protectedProcedure
    .meta({ rest: { method: "GET", path: "/api/telnyx/ivr-menus", summary: "IVR menus with their options" } })
    .input(z.void())
    .output(ZIvrMenuListSchema)
    .query(({ ctx }) => listIvrMenus(ctx.domain)),
  create: idempotentSupervisorProcedure
    .input(ZIvrMenuInputSchema)
    .output(ZIvrMenuSchema)
    .mutation(({ ctx, input }) => createIvrMenu({ ...ctx.domain, input })),
  update: supervisorProcedure
    .input(ZIvrMenuUpdateSchema)
    .output(ZIvrMenuSchema)
    .mutation(({ ctx, input }) => updateIvrMenu({ ...ctx.domain, input })),
  delete: supervisorProcedure
    .input(ZIvrMenuIdSchema)
    .output(ZIvrMenuIdSchema)
    .mutation(({ ctx, input }) => deleteIvrMenu({ ...ctx.domain, id: input.id })),
});
