import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import type { Publisher } from "../realtime/events";
import { agentUserSelect, currentCallIdOf, toAgentState } from "./agent-presence";
import type { TSetAgentStatusInput } from "./agent-schemas";

/** The agent's own choice from the header; stays ON_CALL while they have a live call (the choice applies after). */
export async function setAgentStatus(options: {
  db: Db;
  actor: Actor;
  publisher: Publisher;
  input: TSetAgentStatusInput;
}) {
  const { db, actor, publisher, input } = options;
  const { user, currentCallId } = await db.prisma.$transaction(async (tx) => {
    const currentCallId = await currentCallIdOf(tx, actor.organizationId, actor.userId);
    const status = currentCallId ? "ON_CALL" : input.status;
    const existing = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: agentUserSelect });
    const isChanged = existing.agentStatus !== status;
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { agentPresence: input.status, agentStatus: status, ...(isChanged ? { agentStatusAt: new Date() } : {}) },
      select: agentUserSelect,
    });
    return { user, currentCallId };
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "agent.set_status",
    targetType: "user",
    targetId: actor.userId,
    ip: actor.ip,
    details: { status: input.status },
  });
  const state = toAgentState(user, currentCallId);
  publisher.toOrganization(actor.organizationId, "agent:updated", state);
  return { status: state.status, since: state.since };
}
