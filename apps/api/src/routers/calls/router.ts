import { z } from "zod";
import { ZCallDtoSchema } from "@app/telnyx-core/realtime/events";
import { answerCall, declineCall } from "@app/telnyx-core/calls/answer-call";
import { hangupCall, holdCall, muteCall, recordCall } from "@app/telnyx-core/calls/call-commands";
import { completeWarmTransfer, consultColleague, returnToCustomer } from "@app/telnyx-core/calls/call-consult";
import { listCallFromNumbers } from "@app/telnyx-core/calls/call-numbers";
import {
  ZCallCreateSchema,
  ZCallDetailSchema,
  ZCallFromNumberSchema,
  ZCallIdSchema,
  ZCallListSchema,
  ZCallPageSchema,
  ZCallTransferSchema,
} from "@app/telnyx-core/calls/call-schemas";
import { transferCallToAgent, transferCallToNumber } from "@app/telnyx-core/calls/call-transfer";
import { transferCallToQueue } from "@app/telnyx-core/calls/call-transfer-queue";
import { createCall } from "@app/telnyx-core/calls/create-call";
import { getCall } from "@app/telnyx-core/calls/get-call";
import { listActiveCalls, listCalls } from "@app/telnyx-core/calls/list-calls";
import { stopSupervising, superviseCall } from "@app/telnyx-core/calls/supervise-call";
import type { DomainContext } from "@app/telnyx-core/domain/domain-context";
import { intParam, type RestRequest } from "../../rest/rest-route";
import { idempotentProcedure, protectedProcedure, router, supervisorProcedure } from "../../trpc/trpc";

const command = (ctx: { domain: DomainContext }, id: string) => ({ ...ctx.domain, id });

/** POST /api/telnyx/calls/:callId/<action>: a call command's REST route. */
const callRest = (action: string, summary: string) => ({
  rest: {
    method: "POST" as const,
    path: `/api/telnyx/calls/:callId/${action}`,
    summary,
    input: ({ params }: RestRequest) => ({ id: params.callId }),
  },
});

/** A procedure acting on one call: { id } in, the updated call out. */
const callCommand = protectedProcedure.input(ZCallIdSchema).output(ZCallDtoSchema);

export const callsRouter = router({
  list: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/calls",
        summary: "List calls, newest first (cursor pagination)",
        input: ({ query }) => ({ cursor: query.cursor, limit: intParam(query.limit) }),
      },
    })
    .input(ZCallListSchema)
    .output(ZCallPageSchema)
    .query(({ ctx, input }) => listCalls({ ...ctx.domain, input })),

  get: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/calls/:callId",
        summary: "One call with its timeline (follow a call)",
        input: ({ params }) => ({ id: params.callId }),
      },
    })
    .input(ZCallIdSchema)
    .output(ZCallDetailSchema)
    .query(({ ctx, input }) => getCall({ ...ctx.domain, id: input.id })),

  active: protectedProcedure
    .input(z.void())
    .output(z.array(ZCallDtoSchema))
    .query(({ ctx }) => listActiveCalls(ctx.domain)),

  fromNumbers: protectedProcedure
    .input(z.void())
    .output(z.array(ZCallFromNumberSchema))
    .query(({ ctx }) => listCallFromNumbers(ctx.domain)),

  create: idempotentProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/api/telnyx/calls",
        summary:
          "Start a click-to-call: rings the agent's device, then the customer (from = an E.164 number of the organization)",
        successStatus: 201,
        input: ({ body }) => {
          const { to, from, lead_id, record, fromNumberId, leadId } = body;
          return { to, fromNumber: from, fromNumberId, leadId: lead_id ?? leadId, record };
        },
      },
    })
    .input(ZCallCreateSchema)
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => createCall({ ...ctx.domain, input })),

  hangup: callCommand
    .meta(callRest("hangup", "Hang up a call"))
    .mutation(({ ctx, input }) => hangupCall(command(ctx, input.id))),
  mute: callCommand
    .meta(callRest("mute", "Mute the agent"))
    .mutation(({ ctx, input }) => muteCall({ ...command(ctx, input.id), muted: true })),
  unmute: callCommand
    .meta(callRest("unmute", "Unmute the agent"))
    .mutation(({ ctx, input }) => muteCall({ ...command(ctx, input.id), muted: false })),
  hold: callCommand.mutation(({ ctx, input }) => holdCall({ ...command(ctx, input.id), onHold: true })),
  unhold: callCommand.mutation(({ ctx, input }) => holdCall({ ...command(ctx, input.id), onHold: false })),
  startRecording: callCommand.mutation(({ ctx, input }) => recordCall({ ...command(ctx, input.id), recording: true })),
  stopRecording: callCommand.mutation(({ ctx, input }) => recordCall({ ...command(ctx, input.id), recording: false })),
  answer: callCommand.mutation(({ ctx, input }) => answerCall(command(ctx, input.id))),
  decline: callCommand.mutation(({ ctx, input }) => declineCall(command(ctx, input.id))),

  transfer: protectedProcedure
    .input(ZCallTransferSchema)
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) =>
      input.to
        ? transferCallToNumber({ ...command(ctx, input.id), to: input.to })
        : input.toQueueId
          ? transferCallToQueue({ ...command(ctx, input.id), toQueueId: input.toQueueId })
          : transferCallToAgent({ ...command(ctx, input.id), toUserId: input.toUserId! }),
    ),

  /** Warm transfer: hold the customer and dial the colleague into the call, to talk before handing it over. */
  consult: idempotentProcedure
    .input(ZCallIdSchema.extend({ toUserId: z.string().min(1) }))
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => consultColleague({ ...command(ctx, input.id), toUserId: input.toUserId })),
  /** Warm transfer: the consulted colleague takes the call over; the agent leaves. */
  completeTransfer: idempotentProcedure
    .input(ZCallIdSchema)
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => completeWarmTransfer(command(ctx, input.id))),
  /** Warm transfer: the colleague is hung up and the customer taken off hold, back with the agent. */
  returnToCustomer: idempotentProcedure
    .input(ZCallIdSchema)
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => returnToCustomer(command(ctx, input.id))),

  /** Listen (monitor), whisper or barge: the supervisor's device joins the call's conference with that role. */
  supervise: supervisorProcedure
    .input(ZCallIdSchema.extend({ role: z.enum(["monitor", "whisper", "barge"]) }))
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => superviseCall({ ...command(ctx, input.id), role: input.role })),
  stopSupervising: supervisorProcedure
    .input(ZCallIdSchema)
    .output(ZCallDtoSchema)
    .mutation(({ ctx, input }) => stopSupervising(command(ctx, input.id))),
});
