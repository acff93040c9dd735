import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import type { TColleague } from "./agent-schemas";

/** Why a colleague cannot take a transfer now (null: they can). One rule, read by the API and the transfer dialog. */
export function transferBlockerOf(user: { agentDevice: string | null; agentStatus: string }): TColleague["blocker"] {
  if (!user.agentDevice) return "NO_DEVICE";
  if (user.agentStatus === "OFFLINE") return "OFFLINE";
  return null;
}

/**
 * The colleague directory any member reads (transfers): every other member of the caller's organization
 * with their role and the server's presence state, by name. Never a device or an e-mail address.
 */
export async function listColleagues(options: { db: Db; actor: Actor }): Promise<TColleague[]> {
  const { db, actor } = options;
  const members = await db.prisma.membership.findMany({
    where: { organizationId: actor.organizationId, userId: { not: actor.userId } },
    select: { role: true, user: { select: { id: true, name: true, agentDevice: true, agentStatus: true } } },
  });
  return members
    .map(({ role, user }) => {
      const blocker = transferBlockerOf(user);
      return { userId: user.id, name: user.name, role, status: user.agentStatus, canTakeTransfer: !blocker, blocker };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
