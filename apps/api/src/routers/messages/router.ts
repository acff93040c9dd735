import { z } from "zod";
import { getThread } from "@app/telnyx-core/messages/get-thread";
import { listMessages } from "@app/telnyx-core/messages/list-messages";
import { listThreads } from "@app/telnyx-core/messages/list-threads";
import {
  ZFromNumberSchema,
  ZMessageListSchema,
  ZMessagePageSchema,
  ZMessageSendSchema,
  ZOptOutChangeSchema,
  ZOptOutListSchema,
  ZOptOutPageSchema,
  ZOptOutStateSchema,
  ZThreadGetSchema,
  ZThreadListSchema,
  ZThreadPageSchema,
  ZThreadSchema,
} from "@app/telnyx-core/messages/message-schemas";
import { listOptOuts, setOptOut } from "@app/telnyx-core/messages/opt-outs";
import { sendMessage } from "@app/telnyx-core/messages/send-message";
import { listFromNumbers } from "@app/telnyx-core/messages/sms-numbers";
import { ZMessageDtoSchema } from "@app/telnyx-core/realtime/events";
import { intParam, listOf, stringOf } from "../../rest/rest-route";
import { idempotentProcedure, protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

// Every member sees every conversation of the organization (a shared CRM inbox); the opt-out list is
// changed by hand by supervisors and admins only.
export const messagesRouter = router({
  fromNumbers: protectedProcedure.output(z.array(ZFromNumberSchema)).query(({ ctx }) => listFromNumbers(ctx.domain)),

  send: idempotentProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/api/telnyx/messages",
        summary: "Send an SMS/MMS: { to, from (+E.164 of one of your numbers, optional), text, lead_id?, media_urls? }",
        successStatus: 201,
        input: ({ body }) => ({
          to: body.to,
          text: body.text,
          fromNumber: stringOf(body.from),
          leadId: stringOf(body.lead_id),
          mediaUrls: listOf(body.media_urls),
        }),
      },
    })
    .input(ZMessageSendSchema)
    .output(ZMessageDtoSchema)
    .mutation(({ ctx, input }) =>
      sendMessage({
        ...ctx.domain,
        input,
      }),
    ),

  threads: protectedProcedure
    .input(ZThreadListSchema)
    .output(ZThreadPageSchema)
    .query(({ ctx, input }) => listThreads({ ...ctx.domain, input })),

  thread: protectedProcedure
    .input(ZThreadGetSchema)
    .output(ZThreadSchema)
    .query(({ ctx, input }) => getThread({ ...ctx.domain, input })),

  list: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/messages",
        summary: "List messages, newest first (?limit=50&cursor=&direction=INBOUND|OUTBOUND)",
        input: ({ query }) => ({
          limit: intParam(query.limit),
          cursor: stringOf(query.cursor),
          direction: stringOf(query.direction),
        }),
      },
    })
    .input(ZMessageListSchema)
    .output(ZMessagePageSchema)
    .query(({ ctx, input }) => listMessages({ ...ctx.domain, input })),

  optOuts: protectedProcedure
    .input(ZOptOutListSchema)
    .output(ZOptOutPageSchema)
    .query(({ ctx, input }) => listOptOuts({ ...ctx.domain, input })),

  optOut: supervisorProcedure
    .input(ZOptOutChangeSchema)
    .output(ZOptOutStateSchema)
    .mutation(({ ctx, input }) =>
      setOptOut({
        ...ctx.domain,
        phoneNumber: input.phoneNumber,
        optedOut: true,
      }),
    ),

  optIn: supervisorProcedure
    .input(ZOptOutChangeSchema)
    .output(ZOptOutStateSchema)
    .mutation(({ ctx, input }) =>
      setOptOut({
        ...ctx.domain,
        phoneNumber: input.phoneNumber,
        optedOut: false,
      }),
    ),
});
