import { Prisma, type MessageStatus } from "@app/db/client";
import { isFinalMessageStatus, isLaterMessageStatus } from "../messages/message-state";
import { ZMessageRecordSchema, recentDetailRecords, type MessageRecord } from "./detail-records";
import { organizationConnectionIds, type SyncContext } from "./sync-context";

/** Imports per run at most (each may cost one GET /messages for the text). */
const MAX_IMPORTS = 200;

function statusOf(record: MessageRecord): MessageStatus | null {
  switch (record.status?.toLowerCase()) {
    case "queued":
      return "QUEUED";
    case "sending":
      return "SENDING";
    case "sent":
      return "SENT";
    case "delivered":
      return "DELIVERED";
    case "received":
      return "RECEIVED";
    case "expired":
      return "EXPIRED";
    case "delivery_unconfirmed":
      return "DELIVERY_UNCONFIRMED";
    case "sending_failed":
      return "SENDING_FAILED";
    case "failed":
    case "delivery_failed":
      return record.sent_at ? "DELIVERY_FAILED" : "SENDING_FAILED";
    default:
      return null;
  }
}

const firstErrorCode = (record: MessageRecord): string | null => {
  const first = record.errors?.[0];
  if (typeof first === "string") return first;
  const code = (first as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : null;
};

async function importMessage(
  ctx: SyncContext,
  record: MessageRecord,
  telnyxId: string,
  status: MessageStatus,
): Promise<boolean> {
  const isInbound = record.direction?.toLowerCase() === "inbound";
  const from = record.cli ?? "";
  const to = record.cld ?? "";
  const counterpart = isInbound ? from : to;
  const ownNumber = isInbound ? to : from;
  const [lead, number, text] = await Promise.all([
    ctx.db.prisma.lead.findFirst({
      where: { organizationId: ctx.organizationId, phoneNumber: counterpart },
      select: { id: true },
    }),
    ctx.db.prisma.telnyxPhoneNumber.findFirst({
      where: { organizationId: ctx.organizationId, phoneNumber: ownNumber },
      select: { id: true },
    }),
    // The record has no text; the message itself is kept 10 days by Telnyx.
    ctx.gateway.retrieveMessage(telnyxId).then(
      (message) => message.text ?? "",
      () => "",
    ),
  ]);
  try {
    await ctx.db.prisma.telnyxMessage.create({
      data: {
        organizationId: ctx.organizationId,
        telnyxId,
        direction: isInbound ? "INBOUND" : "OUTBOUND",
        status,
        type: record.message_type ?? "SMS",
        fromNumber: from,
        toNumber: to,
        counterpartNumber: counterpart,
        text,
        parts: record.parts ?? 1,
        leadId: lead?.id ?? null,
        phoneNumberId: number?.id ?? null,
        cost: record.cost ? new Prisma.Decimal(record.cost) : null,
        costCurrency: record.cost ? (record.currency ?? "USD") : null,
        errorCode: firstErrorCode(record),
        sentAt: record.sent_at,
        completedAt: record.completed_at,
        createdAt: record.created_at ?? ctx.now,
      },
    });
    return true;
  } catch (error) {
    // A webhook stored it meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/**
 * Messages of the last 24 h from Telnyx's detail records: statuses we missed (a lost webhook) are
 * brought forward — never backwards — with their cost, and messages we never heard of are imported.
 */
export async function syncMessages(ctx: SyncContext): Promise<void> {
  const { db, organizationId, report } = ctx;
  const records = await recentDetailRecords(ctx, "messaging", ZMessageRecordSchema);
  const { profiles } = await organizationConnectionIds(ctx);
  const ownNumbers = new Set(
    (await db.prisma.telnyxPhoneNumber.findMany({ where: { organizationId }, select: { phoneNumber: true } })).map(
      (row) => row.phoneNumber,
    ),
  );
  let imports = 0;
  for (const record of records) {
    const telnyxId = record.id ?? record.uuid;
    const status = statusOf(record);
    if (!telnyxId || !status) continue;
    const local = await db.prisma.telnyxMessage.findUnique({
      where: { telnyxId },
      select: { id: true, organizationId: true, status: true, cost: true },
    });
    if (local && local.organizationId !== organizationId) continue;
    const isOurs =
      ctx.isOwnAccount ||
      profiles.has(record.profile_id ?? "") ||
      ownNumbers.has(record.cli ?? "") ||
      ownNumbers.has(record.cld ?? "");
    if (!isOurs) continue;
    report.count("messages");
    if (!local) {
      if (imports >= MAX_IMPORTS) {
        report.count("messagesNotImported");
        continue;
      }
      if (await importMessage(ctx, record, telnyxId, status)) {
        imports += 1;
        report.change(
          "message.imported",
          `Message ${telnyxId} (${record.cli} → ${record.cld}, ${status.toLowerCase()}) was missing here: imported.`,
        );
      }
      continue;
    }
    const isForward = isLaterMessageStatus(status, local.status);
    const needsCost = local.cost === null && record.cost !== null && isFinalMessageStatus(status);
    if (!isForward && !needsCost) continue;
    const { count } = await db.prisma.telnyxMessage.updateMany({
      where: { id: local.id, status: local.status },
      data: {
        ...(isForward
          ? {
              status,
              completedAt: record.completed_at,
              sentAt: record.sent_at ?? undefined,
              errorCode: firstErrorCode(record) ?? undefined,
            }
          : {}),
        ...(needsCost ? { cost: new Prisma.Decimal(record.cost!), costCurrency: record.currency ?? "USD" } : {}),
      },
    });
    if (count > 0 && isForward)
      report.change(
        "message.status_updated",
        `Message ${telnyxId}: ${local.status.toLowerCase()} → ${status.toLowerCase()} (a status update was missed).`,
      );
    else if (count > 0) report.count("messageCostsFilled");
  }
}
