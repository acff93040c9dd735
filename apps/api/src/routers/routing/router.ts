import { z } from "zod";
import { createQueue, deleteQueue, listQueues, updateQueue } from "@app/telnyx-core/routing/manage-queues";
import {
  getBusinessHours,
  listNumberRoutes,
  setBusinessHours,
  setNumberRoute,
} from "@app/telnyx-core/routing/manage-routes";
import {
  ZBusinessHoursSchema,
  ZNumberRouteListSchema,
  ZNumberRouteSchema,
  ZQueueIdSchema,
  ZQueueInputSchema,
  ZQueueListSchema,
  ZQueueSchema,
  ZQueueUpdateSchema,
  ZSetNumberRouteSchema,
  ZVoicemailGreetingInputSchema,
  ZVoicemailGreetingSchema,
} from "@app/telnyx-core/routing/routing-schemas";
import { getVoicemailGreeting, setVoicemailGreeting } from "@app/telnyx-core/routing/voicemail-greeting";
import { ivrRouter } from "./ivr-router";
import { idempotentSupervisorProcedure, protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

/** Inbound routing (issue 15): queues, business hours and where each number routes. */
export const routingRouter = router({
  queues: router({
    list: protectedProcedure
      .meta({ rest: { method: "GET", path: "/api/telnyx/queues", summary: "Queues with their live figures" } })
      .input(z.void())
      .output(ZQueueListSchema)
      .query(({ ctx }) => listQueues(ctx.domain)),
    create: idempotentSupervisorProcedure
      .input(ZQueueInputSchema)
      .output(ZQueueSchema)
      .mutation(({ ctx, input }) => createQueue({ ...ctx.domain, input })),
    update: supervisorProcedure
      .input(ZQueueUpdateSchema)
      .output(ZQueueSchema)
      .mutation(({ ctx, input }) => updateQueue({ ...ctx.domain, input })),
    delete: supervisorProcedure
      .input(ZQueueIdSchema)
      .output(ZQueueIdSchema)
      .mutation(({ ctx, input }) => deleteQueue({ ...ctx.domain, id: input.id })),
  }),
  hours: router({
    get: protectedProcedure
      .input(z.void())
      .output(ZBusinessHoursSchema)
      .query(({ ctx }) => getBusinessHours(ctx.domain)),
    set: supervisorProcedure
      .input(ZBusinessHoursSchema)
      .output(ZBusinessHoursSchema)
      .mutation(({ ctx, input }) => setBusinessHours({ ...ctx.domain, input })),
  }),
  voicemail: router({
    get: protectedProcedure
      .input(z.void())
      .output(ZVoicemailGreetingSchema)
      .query(({ ctx }) => getVoicemailGreeting(ctx.domain)),
    set: supervisorProcedure
      .input(ZVoicemailGreetingInputSchema)
      .output(ZVoicemailGreetingSchema)
      .mutation(({ ctx, input }) => setVoicemailGreeting({ ...ctx.domain, text: input.text })),
  }),
  ivr: ivrRouter,
  numbers: router({
    list: protectedProcedure
      .input(z.void())
      .output(ZNumberRouteListSchema)
      .query(({ ctx }) => listNumberRoutes(ctx.domain)),
    setRoute: supervisorProcedure
      .input(ZSetNumberRouteSchema)
      .output(ZNumberRouteSchema)
      .mutation(({ ctx, input }) => setNumberRoute({ ...ctx.domain, input })),
  }),
});
