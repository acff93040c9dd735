import type { Db } from "@app/db/open-db";
import { LIVE_CALL_STATUSES } from "../calls/call-state";
import type { Emit } from "../webhooks/apply-types";
import { refreshAgentStatus } from "./agent-presence";

/**
 * At start, each agent's ON_CALL is derived again from the calls that are live now (after
 * reconciliation), never kept from the state stored before a crash: an agent whose calls all ended
 * while we were away gets back what they had chosen.
 */
export async function rebuildPresence(db: Db, organizationId: string): Promise<Emit[]> {
  const [onCall, withLiveCalls] = await Promise.all([
    db.prisma.user.findMany({
      where: { agentStatus: "ON_CALL", memberships: { some: { organizationId } } },
      select: { id: true },
    }),
    db.prisma.telnyxCall.findMany({
      where: { organizationId, status: { in: [...LIVE_CALL_STATUSES] }, userId: { not: null } },
      distinct: ["userId"],
      select: { userId: true },
    }),
  ]);
  const userIds = new Set([...onCall.map((user) => user.id), ...withLiveCalls.map((call) => call.userId!)]);
  const emits: Emit[] = [];
  for (const userId of userIds) {
    emits.push(...(await db.prisma.$transaction((tx) => refreshAgentStatus(tx, organizationId, userId))));
  }
  return emits;
}
