import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";

/** The caller's own state as the server holds it: what the header shows before any live event. */
export async function getAgentStatus(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { agentStatus: true, agentStatusAt: true },
  });
  return { status: user.agentStatus, since: user.agentStatusAt };
}
