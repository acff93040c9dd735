/**
 * An incoming call.initiated on one of our numbers that matches no call yet becomes an INBOUND call:
 * the organization is the number's, the lead is matched by the caller's number, and it rings the
 * lead's owner when available, else every available agent of the organization. Available is the
 * server-owned presence (agents/presence.ts): OFFLINE, AWAY, ON_CALL and WRAP_UP agents are not rung.
 */
import { type InboundPlan, planInboundRoute, type RouteFacts } from "../routing/inbound-plan";
import type { ApplyScope, Tx } from "../webhooks/apply-types";
import type { TelnyxEventOf } from "../webhooks/parse-event";
import { insertInboundCall, type LockedCallRow } from "./call-row-sql";

export interface InboundCall {
  call: LockedCallRow;
  /** Users whose screens ring (call:incoming). */
  ringUserIds: string[];
  /** Where routing sends it (routing/inbound-plan.ts); "legacy" = the ringing above. */
  plan: InboundPlan;
}

interface Destination extends RouteFacts {
  id: string;
  organizationId: string;
  leadId: string | null;
  ownerId: string | null;
  isOwnerAvailable: boolean;
  availableAgentIds: string[];
}

export async function createInboundCall(
  tx: Tx,
  event: TelnyxEventOf<"call.initiated">,
  scope: ApplyScope,
): Promise<InboundCall | null> {
  const { callControlId, from, to, direction } = event.payload;
  if (direction !== "incoming" || !callControlId || !from || !to) return null;
  // Our active number (the oldest when several match), the caller's lead there (the oldest), whether its owner is
  // an available member, and the organization's available agents (rung when the owner is not).
  const [number] = await tx.$queryRaw<Destination[]>`
    SELECT n."id", n."organizationId", l."id" AS "leadId", l."ownerId",
      (u."agentStatus" = 'AVAILABLE' AND EXISTS (
        SELECT 1 FROM "Membership" WHERE "userId" = l."ownerId" AND "organizationId" = n."organizationId"
      )) IS TRUE AS "isOwnerAvailable",
      ARRAY(SELECT m."userId" FROM "Membership" m JOIN "User" a ON a."id" = m."userId"
        WHERE m."organizationId" = n."organizationId" AND m."role" = 'AGENT' AND a."agentStatus" = 'AVAILABLE') AS "availableAgentIds",
      n."routeKind", n."routeQueueId", n."routeUserId", n."routeMenuId", o."businessHours", o."timeZone",
      EXISTS (SELECT 1 FROM "User" ru JOIN "Membership" rm ON rm."userId" = ru."id" AND rm."organizationId" = n."organizationId"
        WHERE ru."id" = n."routeUserId" AND ru."agentStatus" = 'AVAILABLE') AS "isRouteUserAvailable",
      (SELECT count(*)::int FROM "CallQueueMember" qm JOIN "User" qa ON qa."id" = qm."userId"
        JOIN "Membership" qms ON qms."userId" = qm."userId" AND qms."organizationId" = n."organizationId"
        WHERE qm."queueId" = n."routeQueueId" AND qa."agentStatus" = 'AVAILABLE') AS "queueAvailableMembers",
      q."maxWaitSecs" AS "queueMaxWaitSecs", q."holdMessage" AS "queueHoldMessage"
    FROM "TelnyxPhoneNumber" n
    JOIN "Organization" o ON o."id" = n."organizationId"
    LEFT JOIN "CallQueue" q ON q."id" = n."routeQueueId"
    LEFT JOIN LATERAL (
      SELECT "id", "ownerId" FROM "Lead" WHERE "organizationId" = n."organizationId" AND "phoneNumber" = ${from}
      ORDER BY "createdAt" ASC LIMIT 1
    ) l ON true
    LEFT JOIN "User" u ON u."id" = l."ownerId"
    WHERE n."phoneNumber" = ${to} AND n."status" = 'ACTIVE' AND n."organizationId" = ANY(${[...scope.organizationIds]}::text[])
    ORDER BY n."createdAt" ASC LIMIT 1`;
  if (!number) return null;
  const plan = planInboundRoute(number, event.occurredAt);
  const ownerId =
    plan.kind === "agent" ? plan.userId : plan.kind === "legacy" && number.isOwnerAvailable ? number.ownerId : null;
  const call = await insertInboundCall(tx, {
    organizationId: number.organizationId,
    fromNumber: from,
    toNumber: to,
    leadId: number.leadId,
    userId: ownerId,
    phoneNumberId: number.id,
    callControlId,
    callLegId: event.payload.callLegId ?? null,
    callSessionId: event.payload.callSessionId ?? null,
    startedAt: event.occurredAt,
    queueId: plan.kind === "queue" || plan.kind === "voicemail" ? plan.queueId : null,
  });
  const ringUserIds =
    plan.kind === "legacy" || plan.kind === "agent" ? (ownerId ? [ownerId] : number.availableAgentIds) : [];
  return { call, ringUserIds, plan };
}
