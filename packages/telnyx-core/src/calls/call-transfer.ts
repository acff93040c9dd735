/**
 * Transfer: to a number — Telnyx transfers the customer leg and the agent leaves; to another agent —
 * their device is dialed into the conference and, once they answer, the first agent is removed
 * (call-flows.ts), so the customer is never left alone with nobody.
 */
import { transferBlockerOf } from "../agents/list-colleagues";
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import { clientStateSecretOf, encodeCallClientState } from "./call-client-state";
import { requireConnected, runCallCommand, type CallCommandOptions, type CommandCall } from "./call-command-runner";
import { applyHandOff } from "./call-handoff";
import { requireVoiceConnection } from "./call-numbers";

export const ourNumberOf = (call: CommandCall) => (call.direction === "OUTBOUND" ? call.fromNumber : call.toNumber);

export async function transferCallToNumber(options: CallCommandOptions & { to: string }): Promise<TCallDto> {
  const { db, actor, to } = options;
  let fromUserId: string | null = null;
  await runCallCommand(options, {
    action: "call.transfer",
    details: { to },
    // Written first: the agent leg's hangup that follows must not end the transferred call.
    signalFirst: true,
    signal: (call) => {
      fromUserId = call.userId;
      return { type: "transferred", to, ...(call.userId ? { fromUserId: call.userId } : {}) };
    },
    async run(call, gateway) {
      const { conferenceId, agent, customer } = requireConnected(call);
      const secret = await clientStateSecretOf(db.prisma, actor.organizationId);
      await gateway.transfer(customer, {
        to,
        from: ourNumberOf(call),
        clientState: encodeCallClientState({ callId: call.id, leg: "other" }, secret),
      });
      await gateway.leaveConference(conferenceId, { callControlId: agent }).catch(() => undefined);
      await gateway.hangup(agent);
      return { isMuted: false, isOnHold: false };
    },
  });
  // The agent is off the call now: their panel shows "Transferred to …" and they are no longer ON_CALL.
  return applyHandOff(options, options.id, { written: true, fromUserId });
}

/** The colleague a call is transferred to or consulted: a member of the organization who can take it now. */
export async function requireTransferTarget(
  db: CallCommandOptions["db"],
  organizationId: string,
  toUserId: string,
): Promise<{ id: string; name: string; device: string }> {
  const target = await db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: toUserId } },
    select: { user: { select: { id: true, name: true, agentDevice: true, agentStatus: true } } },
  });
  if (!target)
    throw new AppError("VALIDATION", "This agent is not a member of your organization.", {
      fieldErrors: { toUserId: ["invalid_user"] },
    });
  const blocker = transferBlockerOf(target.user);
  if (blocker === "NO_DEVICE" || !target.user.agentDevice)
    throw new AppError("VALIDATION", `${target.user.name} has no phone number or SIP address in their profile.`, {
      fieldErrors: { toUserId: ["no_device"] },
    });
  if (blocker === "OFFLINE")
    throw new AppError("VALIDATION", `${target.user.name} is offline and cannot take the call.`, {
      fieldErrors: { toUserId: ["offline"] },
    });
  return { id: target.user.id, name: target.user.name, device: target.user.agentDevice };
}

export function requireOtherAgent(call: CommandCall, toUserId: string): void {
  if (call.userId === toUserId)
    throw new AppError("VALIDATION", "This agent is already on the call.", {
      fieldErrors: { toUserId: ["same_agent"] },
    });
}

export async function transferCallToAgent(options: CallCommandOptions & { toUserId: string }): Promise<TCallDto> {
  const { db, actor, toUserId } = options;
  const target = { user: await requireTransferTarget(db, actor.organizationId, toUserId) };
  const device = target.user.device;
  const connectionId = await requireVoiceConnection(db, actor.organizationId);
  return runCallCommand(options, {
    action: "call.transfer",
    details: { toUserId },
    signal: () => ({ type: "note", text: `Transferring to ${target.user.name}` }),
    async run(call, gateway) {
      const { agent, customer } = requireConnected(call);
      requireOtherAgent(call, toUserId);
      await gateway.dial({
        connectionId,
        from: ourNumberOf(call),
        to: device,
        clientState: encodeCallClientState(
          { callId: call.id, leg: "agent", userId: toUserId, replaces: agent },
          await clientStateSecretOf(db.prisma, actor.organizationId),
        ),
        linkTo: customer,
        timeoutSecs: 30,
      });
    },
  });
}
