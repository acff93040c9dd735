/**
 * An agent's Answer and Decline on a call waiting in a queue. Answer: the first agent claims the call and ends the
 * wait (the others stop ringing), then the caller leaves the Telnyx queue and the usual inbound flow runs: a
 * conference around the already answered customer leg, the agent's device dialed into it. Decline skips that agent
 * for this call only: the next member rings, the caller keeps waiting.
 */
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import { clientStateSecretOf, encodeCallClientState } from "../calls/call-client-state";
import type { CommandCall } from "../calls/call-command-runner";
import { ourNumberOf } from "../calls/call-transfer";
import type { Emit } from "../webhooks/apply-types";
import { cancelRinging, closeEntry, lockQueueEntry, offerNext } from "./queue-ring";
import { queueUpdatedEmits } from "./route-call-event";

interface QueuedCommand {
  db: Db;
  actor: Actor;
  publisher: Publisher;
  call: CommandCall;
}

/** True when the call waits (or waited) in a queue: its Answer and Decline are the queue's. */
export async function isQueuedCall(db: Db, callId: string): Promise<boolean> {
  return (await db.prisma.queueEntry.count({ where: { callId } })) > 0;
}

async function defaultVoiceApplication(db: Db, organizationId: string): Promise<string> {
  const connection = await db.prisma.telnyxConnection.findFirst({
    where: { organizationId, kind: "CALL_CONTROL_APPLICATION", active: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { telnyxId: true },
  });
  if (!connection) throw new AppError("CONFLICT", "The organization has no voice application to ring your device.");
  return connection.telnyxId;
}

export async function answerQueuedCall(
  options: QueuedCommand & { agentDevice: string },
  gateway: TelnyxGateway,
): Promise<void> {
  const { db, actor, call } = options;
  const customer = call.callControlId;
  if (!customer) throw new AppError("CONFLICT", "This call is no longer ringing.");
  const emits = await db.prisma.$transaction(async (tx) => {
    // The call's row first, then its entry: the same order as the webhook applier.
    await tx.$queryRaw`SELECT "id" FROM "TelnyxCall" WHERE "id" = ${call.id} FOR UPDATE`;
    const entry = await lockQueueEntry(tx, { callId: call.id });
    if (entry?.status !== "WAITING") throw new AppError("CONFLICT", "This caller is no longer waiting.");
    const claimed = await tx.telnyxCall.updateMany({
      where: { id: call.id, OR: [{ userId: null }, { userId: actor.userId }] },
      data: { userId: actor.userId },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "Another agent already took this call.");
    const closed = await closeEntry(tx, entry, "ANSWERED", new Date(), actor.userId);
    return [...closed, ...(await queueUpdatedEmits(tx, entry.organizationId, entry.queueId))];
  });
  publishEmits(options.publisher, emits);
  const [connectionId, secret] = await Promise.all([
    defaultVoiceApplication(db, actor.organizationId),
    clientStateSecretOf(db.prisma, actor.organizationId),
  ]);
  // Already out of the queue (call.dequeued raced us) is fine: the leg is still answered and ours.
  await gateway.leaveQueue(customer).catch(() => undefined);
  const conference = await gateway.createConference({ callControlId: customer, name: call.id, beepEnabled: "never" });
  // A transferred call's first conference ended with the transfer: this one is the call's from now on.
  await db.prisma.telnyxCall.update({ where: { id: call.id }, data: { conferenceId: conference.id } });
  // A call an agent transferred to the queue: the new agent's leg replaces theirs once it answers (call-match.ts).
  const replaces = call.agentCallControlId ?? undefined;
  const dial = await gateway.dial({
    connectionId,
    from: ourNumberOf(call),
    to: options.agentDevice,
    clientState: encodeCallClientState({ callId: call.id, leg: "agent", userId: actor.userId, replaces }, secret),
    linkTo: customer,
    timeoutSecs: 30,
  });
  await db.prisma.telnyxCall.updateMany({
    where: { id: call.id, agentCallControlId: null },
    data: { agentCallControlId: dial.callControlId },
  });
}

/** Skip me: the agent stops ringing; if they were the one ringing, the next member rings at once. */
export async function declineQueuedCall(options: QueuedCommand): Promise<void> {
  const { db, actor, call } = options;
  const emits = await db.prisma.$transaction(async (tx): Promise<Emit[]> => {
    const entry = await lockQueueEntry(tx, { callId: call.id });
    if (entry?.status !== "WAITING") throw new AppError("CONFLICT", "This caller is no longer waiting.");
    if (entry.ringingUserIds.includes(actor.userId))
      return offerNext(tx, entry, new Date(), { declinedBy: actor.userId });
    await tx.queueEntry.update({
      where: { id: entry.id },
      data: { declinedUserIds: [...new Set([...entry.declinedUserIds, actor.userId])] },
    });
    return cancelRinging(entry, [actor.userId]);
  });
  publishEmits(options.publisher, emits);
}
