import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import type { Publisher } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import { agentEmitsForUser, agentUserSelect, currentCallIdOf } from "./agent-presence";
import type { TSetAgentStatusInput } from "./agent-schemas";

/**
 * The agent's own choice from the header: applies at once (it ends a wrap-up early), except during
 * a live call, which stays ON_CALL (the choice applies after it). Pushed to every organization the
 * agent belongs to.
 */
export async function setAgentStatus(options: {
  db: Db;
  actor: Actor;
  publisher: Publisher;
  input: TSetAgentStatusInput;
}) {
  const { db, actor, publisher, input } = options;
  const { user, emits } = await db.prisma.$transaction(async (tx) => {
    const currentCallId = await currentCallIdOf(tx, actor.organizationId, actor.userId);
    const existing = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: agentUserSelect });
    const status = currentCallId || existing.agentStatus === "ON_CALL" ? "ON_CALL" : input.status;
    const isChanged = existing.agentStatus !== status;
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: {
        agentPresence: input.status,
        agentStatus: status,
        ...(status === "ON_CALL" ? {} : { wrapUpUntil: null }),
        ...(isChanged ? { agentStatusAt: new Date() } : {}),
      },
      select: agentUserSelect,
    });
    return { user, emits: isChanged ? await agentEmitsForUser(tx, actor.userId) : [] };
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
  publishEmits(publisher, emits);
  return { status: user.agentStatus, since: user.agentStatusAt };
}
