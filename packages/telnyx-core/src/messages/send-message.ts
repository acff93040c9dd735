/**
 * Sends an SMS/MMS: the row is stored QUEUED first, then Telnyx is asked once (POST /messages has no
 * idempotency key, the gateway never retries it), then the row gets Telnyx's id. Webhooks move it on.
 */
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError, isAppError } from "../errors/app-error";
import type { MessageInfo } from "../gateway/messaging-api";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import { countSmsSegments } from "./sms-segments";
import { isExplicitFromNumber, pickFromNumber } from "../numbers/pick-from-number";
import type { Publisher, TMessageDto } from "../realtime/events";
import { messageSelect, toMessageDto } from "./message-dto";
import type { TMessageSend } from "./message-schemas";
import { mergeMessageState, messageStatusOf } from "./message-state";
import {
  findLeadIdByNumber,
  lockMessageRow,
  messageStateSelect,
  rowDataOfState,
  stateOfRow,
} from "./message-state-row";
import { listSmsNumbers, type SmsNumber } from "./sms-numbers";
import { assertNotOptedOut } from "./opt-outs";

export interface SendMessageOptions {
  db: Db;
  actor: Actor;
  gatewayFor: (organizationId: string) => Promise<TelnyxGateway>;
  publisher: Publisher;
  input: TMessageSend;
}

/** The number a message is sent from, by the one caller-id rule (numbers/pick-from-number). */
async function pickSmsFromNumber(db: Db, actor: Actor, input: TMessageSend): Promise<SmsNumber> {
  const usable = await listSmsNumbers({ db, actor });
  const picked = pickFromNumber(usable, { ...input, userId: actor.userId });
  if (picked) return picked;
  if (isExplicitFromNumber(input)) {
    throw new AppError(
      "VALIDATION",
      "You cannot send SMS from this number: it is not an active SMS number of your organization shared with you or assigned to you.",
      {
        fieldErrors: { [input.fromNumberId ? "fromNumberId" : "fromNumber"]: ["invalid_from_number"] },
      },
    );
  }
  throw new AppError(
    "VALIDATION",
    "No SMS-capable number is available to you — buy one on the Numbers page or ask an admin to assign one to you.",
    {
      fieldErrors: { fromNumberId: ["no_sms_number"] },
    },
  );
}

async function resolveLeadId(db: Db, actor: Actor, input: TMessageSend): Promise<string | null> {
  if (!input.leadId) return findLeadIdByNumber(db.prisma, actor.organizationId, input.to);
  const lead = await db.prisma.lead.findFirst({
    where: { id: input.leadId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!lead)
    throw new AppError("NOT_FOUND", "This lead does not exist or was deleted.", {
      fieldErrors: { leadId: ["not_found"] },
    });
  return lead.id;
}

/** Gives our row Telnyx's id; a webhook may already have matched it (then this changes nothing). */
async function attachTelnyxId(db: Db, rowId: string, info: MessageInfo) {
  return db.prisma.$transaction(async (tx) => {
    await lockMessageRow(tx, { id: rowId });
    const other = await tx.telnyxMessage.findUnique({ where: { telnyxId: info.id }, select: { id: true } });
    if (other && other.id !== rowId) {
      // A webhook recorded this message before Telnyx's answer reached us: keep that row only.
      const ours = await tx.telnyxMessage.delete({ where: { id: rowId }, select: { userId: true, leadId: true } });
      const theirs = await tx.telnyxMessage.findUniqueOrThrow({
        where: { id: other.id },
        select: { userId: true, leadId: true },
      });
      return tx.telnyxMessage.update({
        where: { id: other.id },
        data: { userId: theirs.userId ?? ours.userId, leadId: theirs.leadId ?? ours.leadId },
        select: messageSelect,
      });
    }
    const current = await tx.telnyxMessage.findUniqueOrThrow({ where: { id: rowId }, select: messageStateSelect });
    const next = mergeMessageState(stateOfRow(current), {
      status: messageStatusOf(info.to[0]?.status),
      errors: info.errors,
    });
    return tx.telnyxMessage.update({
      where: { id: rowId },
      data: { telnyxId: info.id, ...rowDataOfState(next) },
      select: messageSelect,
    });
  });
}

/** Telnyx refused (nothing left) or did not answer (maybe left: kept QUEUED until a webhook or sync says). */
async function recordSendFailure(db: Db, rowId: string, error: AppError) {
  const isOutcomeUnknown = error.code === "TELNYX_UNAVAILABLE" && error.details?.outcome === "unknown";
  const telnyxCodes = error.details?.telnyxCodes;
  const telnyxCode = Array.isArray(telnyxCodes) && typeof telnyxCodes[0] === "string" ? telnyxCodes[0] : null;
  await db.prisma.telnyxMessage.updateMany({
    where: { id: rowId, telnyxId: null, status: "QUEUED" },
    data: isOutcomeUnknown
      ? { errorTitle: "Outcome unknown", errorDetail: error.message }
      : {
          status: "SENDING_FAILED",
          errorCode: telnyxCode ?? error.code,
          errorTitle: "Not sent",
          errorDetail: error.message,
          completedAt: new Date(),
        },
  });
  const { telnyxId, ...row } = await db.prisma.telnyxMessage.findUniqueOrThrow({
    where: { id: rowId },
    select: { ...messageSelect, telnyxId: true },
  });
  // A webhook matched the row meanwhile: Telnyx did take the message.
  return { row, isReconciled: isOutcomeUnknown && telnyxId !== null };
}

export async function sendMessage(options: SendMessageOptions): Promise<TMessageDto> {
  const { db, actor, publisher, input } = options;
  const from = await pickSmsFromNumber(db, actor, input);
  await assertNotOptedOut(db, actor.organizationId, input.to);
  const leadId = await resolveLeadId(db, actor, input);
  const gateway = await options.gatewayFor(actor.organizationId);
  const mediaUrls = input.mediaUrls ?? [];
  const segments = countSmsSegments(input.text);

  const row = await db.prisma.telnyxMessage.create({
    data: {
      organizationId: actor.organizationId,
      direction: "OUTBOUND",
      status: "QUEUED",
      type: mediaUrls.length > 0 ? "MMS" : "SMS",
      fromNumber: from.phoneNumber,
      toNumber: input.to,
      counterpartNumber: input.to,
      text: input.text,
      mediaUrls,
      encoding: segments.encoding,
      parts: mediaUrls.length > 0 ? 1 : segments.parts,
      leadId,
      userId: actor.userId,
      phoneNumberId: from.id,
    },
    select: messageSelect,
  });
  publisher.toOrganization(actor.organizationId, "message:created", toMessageDto(row));
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "message.send",
    targetType: "message",
    targetId: row.id,
    ip: actor.ip,
  };

  let info: MessageInfo;
  try {
    info = await gateway.sendMessage({
      to: input.to,
      from: from.phoneNumber,
      text: input.text,
      mediaUrls: mediaUrls.length > 0 ? mediaUrls : undefined,
      messagingProfileId: from.messagingProfileId ?? undefined,
    });
  } catch (error) {
    const appError = isAppError(error)
      ? error
      : new AppError("TELNYX_ERROR", "Telnyx could not take the message — try again in a moment.", { cause: error });
    const failure = await recordSendFailure(db, row.id, appError);
    const dto = toMessageDto(failure.row);
    publisher.toOrganization(actor.organizationId, "message:updated", dto);
    const result = failure.isReconciled ? "ok" : "failed";
    await recordAudit(db, { ...audit, result, details: { to: input.to, from: from.phoneNumber, code: appError.code } });
    if (failure.isReconciled) return dto;
    throw appError;
  }

  const sent = await attachTelnyxId(db, row.id, info);
  const dto = toMessageDto(sent);
  publisher.toOrganization(actor.organizationId, "message:updated", dto);
  await recordAudit(db, {
    ...audit,
    targetId: dto.id,
    details: { to: input.to, from: from.phoneNumber, parts: dto.parts, telnyxId: info.id },
  });
  return dto;
}
