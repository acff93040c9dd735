/**
 * Click-to-call (DESIGN.md §2): the row is written first (INITIATED, our id in client_state) so
 * webhooks that beat the dial response still match, and pushed at once, so the agent's panel shows
 * "Dialing" without waiting for Telnyx; then the agent's own device is dialed (a failed dial turns
 * the pushed call FAILED). The customer is dialed once the agent answers (call-flows.ts).
 */
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import type { CallContext } from "./call-access";
import { clientStateSecretOf, encodeCallClientState } from "./call-client-state";
import { callDtoSelect, toCallDto } from "./call-dto";
import { pickCallFromNumber, requireAgentDevice, requireVoiceConnection } from "./call-numbers";
import type { TCallCreate } from "./call-schemas";

async function resolveLeadId(db: Db, actor: Actor, input: TCallCreate): Promise<string | null> {
  if (input.leadId) {
    const lead = await db.prisma.lead.findFirst({
      where: { id: input.leadId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!lead)
      throw new AppError("VALIDATION", "This lead does not exist.", { fieldErrors: { leadId: ["invalid_lead"] } });
    return lead.id;
  }
  const match = await db.prisma.lead.findFirst({
    where: { organizationId: actor.organizationId, phoneNumber: input.to },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return match?.id ?? null;
}

export async function createCall(options: CallContext & { input: TCallCreate }): Promise<TCallDto> {
  const { db, actor, gatewayFor, publisher, input } = options;
  const device = await requireAgentDevice(db, actor.userId);
  const from = await pickCallFromNumber({
    db,
    actor,
    fromNumberId: input.fromNumberId,
    fromNumber: input.fromNumber,
    to: input.to,
  });
  const connectionId = await requireVoiceConnection(db, actor.organizationId);
  const leadId = await resolveLeadId(db, actor, input);
  const gateway = await gatewayFor(actor.organizationId);
  const created = await db.prisma.telnyxCall.create({
    data: {
      organizationId: actor.organizationId,
      direction: "OUTBOUND",
      status: "INITIATED",
      fromNumber: from.phoneNumber,
      toNumber: input.to,
      leadId,
      userId: actor.userId,
      phoneNumberId: from.id,
      isRecording: input.record ?? false,
      startedAt: new Date(),
    },
    select: callDtoSelect,
  });
  publisher.toOrganization(actor.organizationId, "call:created", toCallDto(created));
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "call.create",
    targetType: "call",
    targetId: created.id,
    ip: actor.ip,
  };
  try {
    const dial = await gateway.dial({
      connectionId,
      from: from.phoneNumber,
      to: device,
      clientState: encodeCallClientState(
        { callId: created.id, leg: "agent", userId: actor.userId },
        await clientStateSecretOf(db.prisma, actor.organizationId),
      ),
      timeoutSecs: 30,
    });
    await db.prisma.telnyxCall.updateMany({
      where: { id: created.id, agentCallControlId: null },
      data: { agentCallControlId: dial.callControlId },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = await db.prisma.telnyxCall.update({
      where: { id: created.id },
      data: { status: "FAILED", hangupCause: "dial_failed", endedAt: new Date(), durationSecs: 0, isRecording: false },
      select: callDtoSelect,
    });
    await recordAudit(db, { ...audit, result: "failed", details: { to: input.to, error: message } });
    publisher.toOrganization(actor.organizationId, "call:updated", toCallDto(failed));
    throw error;
  }
  await recordAudit(db, {
    ...audit,
    details: { to: input.to, fromNumberId: from.id, leadId, record: input.record ?? false },
  });
  const row = await db.prisma.telnyxCall.findUniqueOrThrow({ where: { id: created.id }, select: callDtoSelect });
  return toCallDto(row);
}
