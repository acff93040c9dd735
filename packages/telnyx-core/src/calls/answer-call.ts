/**
 * Incoming calls: the agent who answers takes the call (first one wins); the customer leg is
 * answered and the agent's device is rung into a conference with it (call-flows.ts). A call waiting in a
 * queue is answered and declined by the queue's rules (routing/queued-call-commands.ts). Declining a call
 * outside queues skips the agent, unless it rang that agent alone (the lead's owner, a number routed to them):
 * then it is rejected as busy.
 */
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import { clientStateSecretOf, encodeCallClientState } from "./call-client-state";
import { runCallCommand, type CallCommandOptions, type CommandCall } from "./call-command-runner";
import { requireAgentDevice } from "./call-numbers";
import { answerQueuedCall, declineQueuedCall, isQueuedCall } from "../routing/queued-call-commands";
import { answerToVoicemail } from "../routing/routing-flows";
import type { Db } from "@app/db/open-db";

async function isRoutedToAgent(db: Db, phoneNumberId: string | null): Promise<boolean> {
  if (!phoneNumberId) return false;
  const number = await db.prisma.telnyxPhoneNumber.findUnique({
    where: { id: phoneNumberId },
    select: { routeKind: true },
  });
  return number?.routeKind === "agent";
}

function requireRinging(call: CommandCall): string {
  if (call.direction !== "INBOUND" || call.status !== "RINGING" || !call.callControlId) {
    throw new AppError("CONFLICT", "This call is no longer ringing.");
  }
  return call.callControlId;
}

export async function answerCall(options: CallCommandOptions): Promise<TCallDto> {
  const { db, actor } = options;
  const agentDevice = await requireAgentDevice(db, actor.userId);
  const isQueued = await isQueuedCall(db, options.id);
  return runCallCommand(options, {
    action: "call.answer",
    signal: () => ({ type: "note", text: "Answered by the agent" }),
    async run(call, gateway) {
      // A queued call may have been answered before (an agent transferred it to the queue): the queue decides.
      if (isQueued) return answerQueuedCall({ ...options, call, agentDevice }, gateway);
      const ccid = requireRinging(call);
      const claimed = await db.prisma.telnyxCall.updateMany({
        where: { id: call.id, status: "RINGING", OR: [{ userId: null }, { userId: actor.userId }] },
        data: { userId: actor.userId },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "Another agent already took this call.");
      const secret = await clientStateSecretOf(db.prisma, actor.organizationId);
      await gateway.answer(ccid, { clientState: encodeCallClientState({ callId: call.id, leg: "customer" }, secret) });
    },
  });
}

export async function declineCall(options: CallCommandOptions): Promise<TCallDto> {
  const isQueued = await isQueuedCall(options.db, options.id);
  return runCallCommand(options, {
    action: "call.decline",
    signal: () => ({ type: "note", text: "Declined by the agent" }),
    async run(call, gateway) {
      if (isQueued) return declineQueuedCall({ ...options, call });
      const ccid = requireRinging(call);
      if (call.userId === options.actor.userId) {
        // A number routed to this agent: the caller leaves a message rather than hearing busy; the call is no longer
        // the agent's (they are not on it), the team's callback list takes it.
        if (await isRoutedToAgent(options.db, call.phoneNumberId)) {
          await answerToVoicemail(options, {
            id: call.id,
            organizationId: options.actor.organizationId,
            callControlId: ccid,
            clientStateSecret: await clientStateSecretOf(options.db.prisma, options.actor.organizationId),
          })();
          return { user: { disconnect: true } };
        }
        return gateway.reject(ccid, { cause: "USER_BUSY" });
      }
      // Rung to every available agent: this one stops ringing, the others still can answer.
      options.publisher.toUser(options.actor.userId, "call:incoming-cancelled", {
        callId: call.id,
        userId: options.actor.userId,
      });
    },
  });
}
