/**
 * Incoming calls: the agent who answers takes the call (first one wins); the customer leg is
 * answered and the agent's device is rung into a conference with it (call-flows.ts). Declining
 * rejects the call as busy.
 */
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import { clientStateSecretOf, encodeCallClientState } from "./call-client-state";
import { runCallCommand, type CallCommandOptions, type CommandCall } from "./call-command-runner";
import { requireAgentDevice } from "./call-numbers";

function requireRinging(call: CommandCall): string {
  if (call.direction !== "INBOUND" || call.status !== "RINGING" || !call.callControlId) {
    throw new AppError("CONFLICT", "This call is no longer ringing.");
  }
  return call.callControlId;
}

export async function answerCall(options: CallCommandOptions): Promise<TCallDto> {
  const { db, actor } = options;
  await requireAgentDevice(db, actor.userId);
  return runCallCommand(options, {
    action: "call.answer",
    signal: () => ({ type: "note", text: "Answered by the agent" }),
    async run(call, gateway) {
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

export function declineCall(options: CallCommandOptions): Promise<TCallDto> {
  return runCallCommand(options, {
    action: "call.decline",
    signal: () => ({ type: "note", text: "Declined by the agent" }),
    async run(call, gateway) {
      await gateway.reject(requireRinging(call), { cause: "USER_BUSY" });
    },
  });
}
