/**
 * Warm transfer, webhook side (after the commit, like every flow): the consulted colleague answers → their leg joins
 * the conference (the customer is on hold meanwhile); they hang up or never answer → the consultation ends and the
 * customer is taken off hold, back with the agent; the call ends → their leg is hung up. A leg whose consultation
 * was already returned or completed is left alone (or hung up if it answers late).
 */
import { callDtoSelect, toCallDto } from "./call-dto";
import { addCallSignal } from "./call-command-runner";
import type { FlowContext } from "./call-flows";

type Task = () => Promise<void>;
/** A call with no consultation in progress. */
export const NO_CONSULT = {
  consultUserId: null,
  consultName: null,
  consultCallControlId: null,
  consultAnsweredAt: null,
};

async function publishCall(ctx: FlowContext): Promise<void> {
  const row = await ctx.services.db.prisma.telnyxCall.findUniqueOrThrow({
    where: { id: ctx.call.id },
    select: callDtoSelect,
  });
  ctx.services.publisher.toOrganization(ctx.call.organizationId, "call:updated", toCallDto(row));
}

function joinConsult(ctx: FlowContext, ccid: string, userId: string): Task {
  return async () => {
    const { db } = ctx.services;
    const gateway = await ctx.services.gatewayFor(ctx.call.organizationId);
    const conferenceId = ctx.ids.conference;
    const current = await db.prisma.telnyxCall.updateMany({
      where: { id: ctx.call.id, consultUserId: userId, consultAnsweredAt: null },
      data: { consultAnsweredAt: new Date(), consultCallControlId: ccid },
    });
    if (current.count === 0 || ctx.isTerminal || !conferenceId) return gateway.hangup(ccid).catch(() => undefined);
    await gateway.joinConference(conferenceId, { callControlId: ccid });
    await publishCall(ctx);
  };
}

function endConsult(ctx: FlowContext, ccid: string, userId: string): Task {
  return async () => {
    const { db } = ctx.services;
    const ended = await db.prisma.telnyxCall.updateMany({
      where: {
        id: ctx.call.id,
        consultUserId: userId,
        OR: [{ consultCallControlId: ccid }, { consultCallControlId: null }],
      },
      data: { ...NO_CONSULT, isOnHold: false },
    });
    if (ended.count === 0) return;
    const gateway = await ctx.services.gatewayFor(ctx.call.organizationId);
    if (ctx.ids.conference && ctx.ids.customer && !ctx.isTerminal)
      await gateway.unholdParticipants(ctx.ids.conference, [ctx.ids.customer]).catch(() => undefined);
    await addCallSignal(
      db,
      ctx.call.id,
      { type: "note", text: "The colleague left: back to the customer" },
      "command.consult_ended",
    );
    await publishCall(ctx);
  };
}

export function planConsultFlows(ctx: FlowContext): Task[] {
  const { signal, clientState } = ctx;
  const tasks: Task[] = [];
  const isConsultLeg = signal.leg === "other" && clientState?.consult === true && clientState.userId;
  if (isConsultLeg && (signal.type === "answered" || signal.type === "hangup") && signal.callControlId) {
    const userId = clientState.userId!;
    tasks.push(
      signal.type === "answered"
        ? joinConsult(ctx, signal.callControlId, userId)
        : endConsult(ctx, signal.callControlId, userId),
    );
  }
  const pending = ctx.call.consultCallControlId;
  if (ctx.isTerminal && pending && !(isConsultLeg && signal.type === "hangup")) {
    tasks.push(async () => {
      await ctx.services.db.prisma.telnyxCall.update({ where: { id: ctx.call.id }, data: NO_CONSULT });
      await (await ctx.services.gatewayFor(ctx.call.organizationId)).hangup(pending).catch(() => undefined);
    });
  }
  return tasks;
}
