import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";

/** The organization's wrap-up after each call, in seconds (0: agents go straight back to their choice). */
export async function setWrapUpSecs(options: { db: Db; actor: Actor; seconds: number }) {
  const { db, actor, seconds } = options;
  await db.prisma.organization.update({ where: { id: actor.organizationId }, data: { wrapUpSecs: seconds } });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "agent.set_wrap_up",
    targetType: "organization",
    targetId: actor.organizationId,
    ip: actor.ip,
    details: { seconds },
  });
  return { wrapUpSecs: seconds };
}
