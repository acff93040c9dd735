/**
 * An incoming call.initiated on one of our numbers that matches no call yet becomes an INBOUND call:
 * the organization is the number's, the lead is matched by the caller's number, and it rings the
 * lead's owner when available, else every available agent of the organization. Available is the
 * server-owned presence (agents/presence.ts): OFFLINE, AWAY, ON_CALL and WRAP_UP agents are not rung.
 */
import type { ApplyScope, Tx } from "../webhooks/apply-types";
import type { TelnyxEventOf } from "../webhooks/parse-event";
import { lockedCallSelect, type LockedCall } from "./call-match";

export interface InboundCall {
  call: LockedCall;
  /** Users whose screens ring (call:incoming). */
  ringUserIds: string[];
}

export async function createInboundCall(
  tx: Tx,
  event: TelnyxEventOf<"call.initiated">,
  scope: ApplyScope,
): Promise<InboundCall | null> {
  const { callControlId, from, to, direction } = event.payload;
  if (direction !== "incoming" || !callControlId || !from || !to) return null;
  const number = await tx.telnyxPhoneNumber.findFirst({
    where: { phoneNumber: to, status: "ACTIVE", organizationId: { in: [...scope.organizationIds] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, organizationId: true },
  });
  if (!number) return null;
  const organizationId = number.organizationId;
  const lead = await tx.lead.findFirst({
    where: { organizationId, phoneNumber: from },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      ownerId: true,
      owner: { select: { agentStatus: true, memberships: { where: { organizationId }, select: { id: true } } } },
    },
  });
  const isOwnerAvailable = Boolean(
    lead?.owner && lead.owner.memberships.length > 0 && lead.owner.agentStatus === "AVAILABLE",
  );
  const ownerId = isOwnerAvailable ? lead!.ownerId : null;
  const ringUserIds = ownerId
    ? [ownerId]
    : (
        await tx.membership.findMany({
          where: { organizationId, role: "AGENT", user: { agentStatus: "AVAILABLE" } },
          select: { userId: true },
        })
      ).map((m) => m.userId);
  const call = await tx.telnyxCall.create({
    data: {
      organizationId,
      direction: "INBOUND",
      status: "RINGING",
      fromNumber: from,
      toNumber: to,
      leadId: lead?.id ?? null,
      userId: ownerId,
      phoneNumberId: number.id,
      callControlId,
      callLegId: event.payload.callLegId ?? null,
      callSessionId: event.payload.callSessionId ?? null,
      startedAt: event.occurredAt,
    },
    select: lockedCallSelect,
  });
  return { call, ringUserIds };
}
