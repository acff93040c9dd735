import type { Db } from "@app/db/open-db";
import { LIVE_CALL_STATUSES } from "../calls/call-state";
import type { TAgentState } from "../realtime/events";
import { agentUserSelect, toAgentState } from "./agent-presence";

/** Every member of the organization with their state, time in state and current live call, by name. */
export async function listAgents(options: { db: Db; organizationId: string }): Promise<TAgentState[]> {
  const { db, organizationId } = options;
  const members = await db.prisma.membership.findMany({
    where: { organizationId },
    select: { user: { select: agentUserSelect } },
  });
  const live = await db.prisma.telnyxCall.findMany({
    where: { organizationId, status: { in: [...LIVE_CALL_STATUSES] }, userId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, transferredFromUserId: true },
  });
  // A call its agent handed off to a number is still theirs, but they are not on it (currentCallIdOf).
  const onCall = live.filter((call) => call.transferredFromUserId !== call.userId);
  const currentCall = new Map(onCall.map((call) => [call.userId!, call.id]));
  return members
    .map((member) => toAgentState(member.user, currentCall.get(member.user.id) ?? null))
    .sort((a, b) => a.name.localeCompare(b.name));
}
