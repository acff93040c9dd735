import { countSmsSegments } from "../messaging/sms-segments";
import { NOT_OURS, type ApplyOutcome, type Emit, type Tx } from "../webhooks/apply-types";
import type { TelnyxEventOf } from "../webhooks/parse-event";
import { messageSelect, toMessageDto } from "./message-dto";
import { findLeadIdByNumber, lockMessageRow } from "./message-state-row";
import { applyOptOutKeyword, optOutKeywordOf } from "./opt-outs";

/** message.received: the organization is the one owning the `to` number; the thread is the sender's. */
export async function receiveMessage(tx: Tx, event: TelnyxEventOf<"message.received">): Promise<ApplyOutcome> {
  const message = event.payload;
  const recipients = message.to.map((party) => party.phoneNumber);
  const number = await tx.telnyxPhoneNumber.findFirst({
    where: { phoneNumber: { in: recipients }, status: "ACTIVE" },
    select: { id: true, organizationId: true, phoneNumber: true },
    orderBy: { createdAt: "asc" },
  });
  const fromNumber = message.from?.phoneNumber;
  if (!number || !fromNumber) return NOT_OURS;
  const organizationId = number.organizationId;
  // Telnyx may deliver the same message under another event id: store it once.
  if (await lockMessageRow(tx, { telnyxId: message.id })) return { organizationId, emits: [] };

  const mediaUrls = message.media.map((m) => m.url);
  const row = await tx.telnyxMessage.create({
    data: {
      organizationId,
      telnyxId: message.id,
      direction: "INBOUND",
      status: "RECEIVED",
      type: message.type === "MMS" || mediaUrls.length > 0 ? "MMS" : "SMS",
      fromNumber,
      toNumber: number.phoneNumber,
      counterpartNumber: fromNumber,
      text: message.text,
      mediaUrls,
      encoding: message.encoding ?? null,
      parts: message.parts ?? Math.max(1, countSmsSegments(message.text).parts),
      leadId: await findLeadIdByNumber(tx, organizationId, fromNumber),
      phoneNumberId: number.id,
      cost: message.cost?.amount ?? null,
      costCurrency: message.cost?.currency ?? null,
      completedAt: message.receivedAt ?? event.occurredAt,
      lastEventAt: event.occurredAt,
    },
    select: messageSelect,
  });
  const emits: Emit[] = [{ scope: "org", id: organizationId, event: "message:created", payload: toMessageDto(row) }];
  const keyword = optOutKeywordOf(message.text);
  if (keyword) emits.push(await applyOptOutKeyword(tx, organizationId, fromNumber, keyword));
  return { organizationId, emits };
}
