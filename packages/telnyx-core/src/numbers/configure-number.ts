import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import { findDefaultConnection } from "../connections/default-connection";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { publishNumberUpdated } from "./number-events";

export type ConfigureResult = "configured" | "failed" | "skipped";

/**
 * Finishes a number whose order succeeded: finds its Telnyx id, points it at the organization's
 * default Call Control application (tags "crm" + the organization's slug) and messaging profile,
 * then marks it ACTIVE. Only PATCHes, so the webhook, the poller and numbers.get may all run it.
 * When Telnyx refuses, the number is still ours: it becomes ACTIVE but not configured (the poller
 * retries) and the failure is audited.
 */
export async function configureBoughtNumber(options: {
  db: Db;
  gateway: TelnyxGateway;
  publisher: Publisher;
  numberId: string;
}): Promise<ConfigureResult> {
  const { db, gateway, publisher, numberId } = options;
  const row = await db.prisma.telnyxPhoneNumber.findUnique({
    where: { id: numberId },
    select: {
      id: true,
      organizationId: true,
      phoneNumber: true,
      status: true,
      features: true,
      telnyxId: true,
      purchasedAt: true,
      organization: { select: { slug: true } },
    },
  });
  if (!row || (row.status !== "PURCHASE_PENDING" && row.status !== "ACTIVE")) return "skipped";
  const [app, profile] = await Promise.all([
    findDefaultConnection(db.prisma, row.organizationId, "CALL_CONTROL_APPLICATION"),
    findDefaultConnection(db.prisma, row.organizationId, "MESSAGING_PROFILE"),
  ]);
  const needsProfile = row.features.includes("sms") || row.features.includes("mms");
  let telnyxId = row.telnyxId;
  let purchasedAt = row.purchasedAt;
  try {
    const owned = (await gateway.listPhoneNumbers({ phoneNumber: row.phoneNumber })).find(
      (number) => number.phoneNumber === row.phoneNumber,
    );
    if (!owned) throw new AppError("TELNYX_NOT_FOUND", `Telnyx does not list ${row.phoneNumber} on this account yet.`);
    telnyxId = owned.id;
    purchasedAt ??= owned.purchasedAt ? new Date(owned.purchasedAt) : new Date();
    const tags = [...new Set([...owned.tags, "crm", row.organization.slug])];
    const updated = await gateway.updatePhoneNumber(owned.id, { connectionId: app?.telnyxId, tags });
    let messagingProfileId = owned.messagingProfileId;
    if (profile) {
      try {
        messagingProfileId = (
          await gateway.updatePhoneNumberMessaging(owned.id, { messagingProfileId: profile.telnyxId })
        ).messagingProfileId;
      } catch (error) {
        // A voice-only number may refuse a messaging profile; that is not a configuration failure.
        if (needsProfile) throw error;
        messagingProfileId = null;
      }
    }
    const changed = await db.prisma.telnyxPhoneNumber.updateMany({
      where: { id: row.id, status: { in: ["PURCHASE_PENDING", "ACTIVE"] } },
      data: {
        status: "ACTIVE",
        telnyxId,
        connectionId: updated.connectionId,
        messagingProfileId,
        tags,
        purchasedAt,
        syncedAt: new Date(),
      },
    });
    if (changed.count === 0) return "skipped";
    await recordAudit(db, {
      organizationId: row.organizationId,
      action: "number.activate",
      targetType: "phone_number",
      targetId: row.id,
      details: { phoneNumber: row.phoneNumber, telnyxId, connectionId: updated.connectionId, messagingProfileId },
    });
    await publishCurrent(db, publisher, row.id);
    return "configured";
  } catch (error) {
    const message = isAppError(error) ? error.message : "Unexpected error while configuring the number.";
    // A retry of an already ACTIVE number fails quietly: the first failure is audited and pushed.
    if (row.status === "ACTIVE") return "failed";
    await db.prisma.telnyxPhoneNumber.updateMany({
      where: { id: row.id, status: { in: ["PURCHASE_PENDING", "ACTIVE"] } },
      data: { status: "ACTIVE", telnyxId, purchasedAt: purchasedAt ?? new Date() },
    });
    await recordAudit(db, {
      organizationId: row.organizationId,
      action: "number.activate",
      targetType: "phone_number",
      targetId: row.id,
      result: "failed",
      details: { phoneNumber: row.phoneNumber, error: message },
    });
    await publishCurrent(db, publisher, row.id);
    return "failed";
  }
}

async function publishCurrent(db: Db, publisher: Publisher, id: string): Promise<void> {
  const row = await db.prisma.telnyxPhoneNumber.findUnique({
    where: { id },
    select: { id: true, organizationId: true, phoneNumber: true, status: true, updatedAt: true },
  });
  if (row) publishNumberUpdated(publisher, row);
}
