/**
 * Warm transfer: the agent consults a colleague before handing the call over. The customer is put on hold and the
 * colleague's device is dialed into the call's conference (call-consult-flows.ts joins it once answered), so the
 * agent and the colleague talk. Then "complete" — the colleague's leg becomes the call's agent leg, the customer is
 * taken off hold and the first agent leaves — or "return": the colleague's leg is hung up and the customer taken off
 * hold, back with the agent. The consultation is stored on the call (consult* columns), like mute and hold.
 */
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import { requireCall } from "./call-access";
import { clientStateSecretOf, encodeCallClientState } from "./call-client-state";
import {
  commandCallSelect,
  requireConnected,
  runCallCommand,
  type CallCommandOptions,
  type CommandCall,
} from "./call-command-runner";
import { NO_CONSULT } from "./call-consult-flows";
import { applyHandOff } from "./call-handoff";
import { requireVoiceConnection } from "./call-numbers";
import { isTerminalStatus } from "./call-state";
import { ourNumberOf, requireOtherAgent, requireTransferTarget } from "./call-transfer";

export async function consultColleague(options: CallCommandOptions & { toUserId: string }): Promise<TCallDto> {
  const { db, actor, toUserId } = options;
  const target = await requireTransferTarget(db, actor.organizationId, toUserId);
  const connectionId = await requireVoiceConnection(db, actor.organizationId);
  return runCallCommand(options, {
    action: "call.consult",
    details: { toUserId },
    signal: () => ({ type: "note", text: `Consulting ${target.name}` }),
    async run(call, gateway) {
      const { conferenceId, customer } = requireConnected(call);
      requireOtherAgent(call, toUserId);
      const claimed = await db.prisma.telnyxCall.updateMany({
        where: { id: call.id, consultUserId: null },
        data: { consultUserId: toUserId, consultName: target.name },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "A colleague is already being consulted on this call.");
      try {
        await gateway.holdParticipants(conferenceId, [customer]);
        const dial = await gateway.dial({
          connectionId,
          from: ourNumberOf(call),
          to: target.device,
          clientState: encodeCallClientState(
            { callId: call.id, leg: "other", userId: toUserId, consult: true },
            await clientStateSecretOf(db.prisma, actor.organizationId),
          ),
          timeoutSecs: 30,
        });
        return { isOnHold: true, consultCallControlId: dial.callControlId };
      } catch (error) {
        await db.prisma.telnyxCall.update({ where: { id: call.id }, data: NO_CONSULT });
        await gateway.unholdParticipants(conferenceId, [customer]).catch(() => undefined);
        throw error;
      }
    },
  });
}

function requireConsult(call: CommandCall): { userId: string; name: string } {
  if (!call.consultUserId) throw new AppError("CONFLICT", "No colleague is being consulted on this call.");
  return { userId: call.consultUserId, name: call.consultName ?? "" };
}

/** Back to the customer: the colleague's leg is hung up and the customer taken off hold. */
export function returnToCustomer(options: CallCommandOptions): Promise<TCallDto> {
  const { db } = options;
  return runCallCommand(options, {
    action: "call.consult_return",
    signal: () => ({ type: "note", text: "Back to the customer" }),
    async run(call, gateway) {
      const { conferenceId, customer } = requireConnected(call);
      requireConsult(call);
      // Cleared first: the colleague leg's hangup that follows is then nothing to act on (call-consult-flows.ts).
      await db.prisma.telnyxCall.update({ where: { id: call.id }, data: NO_CONSULT });
      if (call.consultCallControlId) await gateway.hangup(call.consultCallControlId).catch(() => undefined);
      await gateway.unholdParticipants(conferenceId, [customer]);
      return { isOnHold: false };
    },
  });
}

/** Complete: the consulted colleague takes the call over (their leg becomes the agent leg); the first agent leaves. */
export async function completeWarmTransfer(options: CallCommandOptions): Promise<TCallDto> {
  const { db, actor, id } = options;
  const call = await requireCall(db, actor, id, commandCallSelect);
  if (isTerminalStatus(call.status)) throw new AppError("CONFLICT", "This call has already ended.");
  const { conferenceId, agent, customer } = requireConnected(call);
  const consult = requireConsult(call);
  if (!call.consultAnsweredAt || !call.consultCallControlId)
    throw new AppError("CONFLICT", `${consult.name} has not answered yet: wait, or go back to the customer.`);
  const audit = { organizationId: actor.organizationId, userId: actor.userId, targetType: "call", targetId: id };
  const gateway = await options.gatewayFor(actor.organizationId);
  try {
    await gateway.unholdParticipants(conferenceId, [customer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordAudit(db, { ...audit, action: "call.transfer", result: "failed", details: { error: message } });
    throw error;
  }
  // The row first: the first agent's leg hangs up next, and by then it must no longer be the call's agent leg.
  const dto = await applyHandOff(
    options,
    id,
    {
      type: "transferred",
      to: consult.name,
      toUserId: consult.userId,
      ...(call.userId ? { fromUserId: call.userId } : {}),
    },
    {
      ...NO_CONSULT,
      agentCallControlId: call.consultCallControlId,
      user: { connect: { id: consult.userId } },
      isOnHold: false,
      isMuted: false,
    },
  );
  await gateway.leaveConference(conferenceId, { callControlId: agent }).catch(() => undefined);
  await gateway.hangup(agent).catch(() => undefined);
  await recordAudit(db, { ...audit, action: "call.transfer", details: { toUserId: consult.userId, warm: true } });
  return dto;
}
