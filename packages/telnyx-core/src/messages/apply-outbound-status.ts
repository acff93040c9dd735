import { messageSelect, toMessageDto } from "./message-dto";
import { isSameMessageState, mergeMessageState, messageStatusOf, type MessageObservation } from "./message-state";
import {
  findLeadIdByNumber,
  lockMessageRow,
  messageStateSelect,
  rowDataOfState,
  stateOfRow,
} from "./message-state-row";
import { NOT_OURS, type ApplyOutcome, type ApplyScope, type Tx } from "../webhooks/apply-types";
import type { TelnyxEventOf } from "../webhooks/parse-event";
import { messageStatsEmits, messageStatsSelect } from "../stats/stats-delta";

type OutboundEvent = TelnyxEventOf<"message.sent"> | TelnyxEventOf<"message.finalized">;
type MessagePayload = OutboundEvent["payload"];

/** How far back a row still waiting for Telnyx's answer can be matched to a webhook. */
const PENDING_MATCH_MS = 24 * 3600_000;

/**
 * A webhook for an id we do not know yet: either the answer to our send has not been stored (the
 * webhook won the race, or Telnyx's answer was lost) — then it is our QUEUED row without an id for
 * the same from/to/text — or the message was sent from elsewhere with one of our numbers.
 */
async function adoptOrCreate(
  tx: Tx,
  message: MessagePayload,
  scope: ApplyScope,
): Promise<{ id: string; isNew: boolean } | null> {
  const fromNumber = message.from?.phoneNumber;
  const toNumber = message.to[0]?.phoneNumber;
  if (!fromNumber || !toNumber) return null;
  const number = await tx.telnyxPhoneNumber.findFirst({
    where: { phoneNumber: fromNumber, status: "ACTIVE", organizationId: { in: [...scope.organizationIds] } },
    select: { id: true, organizationId: true },
    orderBy: { createdAt: "asc" },
  });
  if (!number) return null;
  const since = new Date(Date.now() - PENDING_MATCH_MS);
  const [pending] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "TelnyxMessage"
    WHERE "organizationId" = ${number.organizationId} AND "direction" = 'OUTBOUND' AND "telnyxId" IS NULL AND "status" = 'QUEUED'
      AND "fromNumber" = ${fromNumber} AND "toNumber" = ${toNumber} AND "text" = ${message.text} AND "createdAt" > ${since}
    ORDER BY "createdAt" ASC LIMIT 1 FOR UPDATE`;
  if (pending) {
    // Clear a "did Telnyx get it?" note: it did.
    await tx.telnyxMessage.update({
      where: { id: pending.id },
      data: { telnyxId: message.id, errorTitle: null, errorDetail: null, errorCode: null },
    });
    return { id: pending.id, isNew: false };
  }
  const mediaUrls = message.media.map((m) => m.url);
  const created = await tx.telnyxMessage.create({
    data: {
      organizationId: number.organizationId,
      telnyxId: message.id,
      direction: "OUTBOUND",
      status: "QUEUED",
      type: message.type === "MMS" || mediaUrls.length > 0 ? "MMS" : "SMS",
      fromNumber,
      toNumber,
      counterpartNumber: toNumber,
      text: message.text,
      mediaUrls,
      encoding: message.encoding ?? null,
      parts: message.parts ?? 1,
      leadId: await findLeadIdByNumber(tx, number.organizationId, toNumber),
      phoneNumberId: number.id,
    },
    select: { id: true },
  });
  return { id: created.id, isNew: true };
}

export async function applyOutboundStatus(tx: Tx, event: OutboundEvent, scope: ApplyScope): Promise<ApplyOutcome> {
  const message = event.payload;
  const known = await lockMessageRow(tx, { telnyxId: message.id });
  // Telnyx's message ids are unique across accounts: one we hold for an organization outside the scope is not this event's.
  if (known && !scope.organizationIds.includes(known.organizationId)) return NOT_OURS;
  const knownId = known?.id ?? null;
  const target = knownId ? { id: knownId, isNew: false } : await adoptOrCreate(tx, message, scope);
  if (!target) return NOT_OURS;

  const row = await tx.telnyxMessage.findUniqueOrThrow({
    where: { id: target.id },
    select: { ...messageStateSelect, organizationId: true },
  });
  const observation: MessageObservation = {
    status: messageStatusOf(message.to[0]?.status, event.kind, message.errors.length > 0),
    cost: message.cost,
    errors: message.errors,
    sentAt: message.sentAt,
    completedAt: message.completedAt,
    occurredAt: event.occurredAt,
  };
  const before = stateOfRow(row);
  const after = mergeMessageState(before, observation);
  const isChanged = !isSameMessageState(before, after);
  if (!isChanged && knownId) return { organizationId: row.organizationId, emits: [] };

  // Before the update, for the dashboard's live counters (stats:delta).
  const statsBefore = target.isNew
    ? null
    : await tx.telnyxMessage.findUnique({ where: { id: row.id }, select: messageStatsSelect });
  const updated = await tx.telnyxMessage.update({
    where: { id: row.id },
    data: rowDataOfState(after),
    select: { ...messageSelect, ...messageStatsSelect },
  });
  return {
    organizationId: row.organizationId,
    emits: [
      {
        scope: "org",
        id: row.organizationId,
        event: target.isNew ? "message:created" : "message:updated",
        payload: toMessageDto(updated),
      },
      ...messageStatsEmits(statsBefore, updated),
    ],
  };
}
