import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { Publisher } from "../realtime/events";
import { findNumberRow, readNumberDto } from "./list-numbers";
import { publishNumberUpdated } from "./number-events";
import type { TNumberAssign, TNumberDto } from "./number-schemas";

/** Gives a number to one member of the organization (their calls and texts go out from it); null = shared. */
export async function assignNumber(options: {
  db: Db;
  actor: Actor;
  publisher: Publisher;
  input: TNumberAssign;
}): Promise<TNumberDto> {
  const { db, actor, publisher, input } = options;
  const row = await findNumberRow(db, actor, input.id);
  if (row.status === "RELEASED" || row.status === "FAILED") {
    throw new AppError("VALIDATION", `${row.phoneNumber} is not in service any more and cannot be assigned.`);
  }
  if (input.userId) {
    const member = await db.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId: actor.organizationId, userId: input.userId } },
      select: { id: true },
    });
    if (!member) {
      throw new AppError("VALIDATION", "This person is not a member of your organization.", {
        fieldErrors: { userId: ["invalid_member"] },
      });
    }
  }
  await db.prisma.telnyxPhoneNumber.update({ where: { id: row.id }, data: { assignedUserId: input.userId } });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "number.assign",
    targetType: "phone_number",
    targetId: row.id,
    ip: actor.ip,
    details: { phoneNumber: row.phoneNumber, userId: input.userId, previousUserId: row.assignedUserId },
  });
  const dto = await readNumberDto(db, actor, row.id);
  publishNumberUpdated(publisher, { ...dto, organizationId: actor.organizationId });
  return dto;
}
