/**
 * Blind transfer to a queue: the customer leaves the conference, the agent's leg is hung up, and the customer is held
 * in the queue by the same path as an inbound caller (hold message, enqueue, max wait → voicemail); the queue's
 * members ring from call.enqueued on (routing/route-call-event.ts). The call is nobody's until a member answers from
 * the queue (their leg replaces the first agent's, routing/queued-call-commands.ts).
 */
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import { holdInQueue } from "../routing/routing-flows";
import { clientStateSecretOf } from "./call-client-state";
import { requireConnected, runCallCommand, type CallCommandOptions } from "./call-command-runner";
import { applyHandOff } from "./call-handoff";
import { lockCallById } from "./call-row-sql";

/** A call's queue entry, new or reset for this wait (one entry per call: it was maybe queued before). */
const freshEntry = (fromUserId: string | null) => ({
  status: "WAITING" as const,
  enqueuedAt: null,
  ringingUserIds: [],
  triedUserIds: [],
  // The agent who handed the call off is not offered it back.
  declinedUserIds: fromUserId ? [fromUserId] : [],
  ringDueAt: null,
  answeredAt: null,
  answeredByUserId: null,
  endedAt: null,
});

export async function transferCallToQueue(options: CallCommandOptions & { toQueueId: string }): Promise<TCallDto> {
  const { db, actor, toQueueId } = options;
  const queue = await db.prisma.callQueue.findFirst({
    where: { id: toQueueId, organizationId: actor.organizationId },
    select: { id: true, name: true, maxWaitSecs: true, holdMessage: true },
  });
  if (!queue) throw new AppError("NOT_FOUND", "This queue does not exist.");
  let fromUserId: string | null = null;
  await runCallCommand(options, {
    action: "call.transfer",
    details: { toQueueId },
    // Written first: the agent leg's hangup that follows must not end the transferred call.
    signalFirst: true,
    signal: (call) => {
      fromUserId = call.userId;
      return { type: "transferred", to: queue.name, ...(call.userId ? { fromUserId: call.userId } : {}) };
    },
    async run(call, gateway) {
      const { conferenceId, agent, customer } = requireConnected(call);
      await db.prisma.$transaction(async (tx) => {
        await lockCallById(tx, call.id);
        const entry = { organizationId: actor.organizationId, queueId: queue.id, ...freshEntry(call.userId) };
        await tx.queueEntry.upsert({
          where: { callId: call.id },
          create: { ...entry, callId: call.id },
          update: { ...entry, createdAt: new Date() },
        });
        // Nobody's until a member answers from the queue.
        await tx.telnyxCall.update({ where: { id: call.id }, data: { queueId: queue.id, userId: null } });
      });
      await gateway.leaveConference(conferenceId, { callControlId: customer });
      await gateway.leaveConference(conferenceId, { callControlId: agent }).catch(() => undefined);
      await gateway.hangup(agent);
      const routed = {
        id: call.id,
        organizationId: actor.organizationId,
        callControlId: customer,
        clientStateSecret: await clientStateSecretOf(db.prisma, actor.organizationId),
      };
      await holdInQueue(options, routed, { queueId: queue.id, ...queue }, true)();
      return { isMuted: false, isOnHold: false };
    },
  });
  // The agent is off the call now: their panel shows "Transferred to <queue>" and they are no longer ON_CALL.
  return applyHandOff(options, options.id, { written: true, fromUserId });
}
