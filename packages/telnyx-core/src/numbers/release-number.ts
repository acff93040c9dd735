import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import type { Publisher } from "../realtime/events";
import { findNumberRow, readNumberDto } from "./list-numbers";
import { publishNumberUpdated } from "./number-events";
import type { TNumberDto } from "./number-schemas";

/**
 * Gives a number back to Telnyx (it stops ringing and texting at once) and keeps its history as
 * RELEASED. A number whose purchase failed is simply closed: Telnyx holds nothing for it.
 */
export async function releaseNumber(options: {
  db: Db;
  actor: Actor;
  gatewayFor: TelnyxContext["gatewayFor"];
  publisher: Publisher;
  id: string;
}): Promise<TNumberDto> {
  const { db, actor, gatewayFor, publisher, id } = options;
  const gateway = await gatewayFor(actor.organizationId);
  const row = await findNumberRow(db, actor, id);
  if (row.status === "RELEASED" || row.status === "RELEASE_PENDING") {
    throw new AppError("VALIDATION", `${row.phoneNumber} is already released.`);
  }
  if (row.status === "PURCHASE_PENDING") {
    throw new AppError(
      "VALIDATION",
      `${row.phoneNumber} is still being bought — release it once the purchase has finished.`,
    );
  }
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "number.release",
    targetType: "phone_number",
    targetId: row.id,
    ip: actor.ip,
  };
  const publish = async () =>
    publishNumberUpdated(publisher, { ...(await readNumberDto(db, actor, id)), organizationId: actor.organizationId });

  if (row.status === "ACTIVE") {
    await db.prisma.telnyxPhoneNumber.update({ where: { id }, data: { status: "RELEASE_PENDING" } });
    await publish();
    try {
      const telnyxId =
        row.telnyxId ??
        (await gateway.listPhoneNumbers({ phoneNumber: row.phoneNumber })).find(
          (n) => n.phoneNumber === row.phoneNumber,
        )?.id;
      if (telnyxId) await gateway.releasePhoneNumber(telnyxId);
    } catch (error) {
      // Already gone from the Telnyx account: the release is done.
      if (!isAppError(error) || error.code !== "TELNYX_NOT_FOUND") {
        await db.prisma.telnyxPhoneNumber.update({ where: { id }, data: { status: "ACTIVE" } });
        await recordAudit(db, {
          ...audit,
          result: "failed",
          details: { phoneNumber: row.phoneNumber, error: isAppError(error) ? error.message : "Unexpected error" },
        });
        await publish();
        throw error;
      }
    }
  }
  await db.prisma.telnyxPhoneNumber.update({
    where: { id },
    data: { status: "RELEASED", releasedAt: new Date(), assignedUserId: null },
  });
  await recordAudit(db, { ...audit, details: { phoneNumber: row.phoneNumber, previousStatus: row.status } });
  const dto = await readNumberDto(db, actor, id);
  publishNumberUpdated(publisher, { ...dto, organizationId: actor.organizationId });
  return dto;
}
