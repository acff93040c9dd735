import { recordAudit } from "../audit/record-audit";
import { AppError, isAppError } from "../errors/app-error";
import type { CallControlApplication, MessagingProfile } from "../gateway/account-api";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TelnyxContext } from "../domain/domain-context";
import { type ConnectionRow, connectionSelect, type TConnection, type TExpectedWebhooks } from "./connection-schemas";
import { findConnectionRow, storedWebhooks, toCheckedConnection } from "./connection-item";
import { createInTelnyx } from "./create-connection";

type FixableKind = "CALL_CONTROL_APPLICATION" | "MESSAGING_PROFILE";

/**
 * One click: points the application's or profile's webhooks (and call costs) back at this API. When it no longer
 * exists in Telnyx (deleted in the portal), it is created again under the same name and every number that used it
 * is pointed at the new one, so calls and SMS work again without a trip to the portal.
 */
export async function fixWebhooks(
  options: TelnyxContext & {
    expected: TExpectedWebhooks;
    id: string;
  },
): Promise<TConnection> {
  const { db, actor, gatewayFor, expected } = options;
  const gateway = await gatewayFor(actor.organizationId);
  const row = await findConnectionRow(db, actor, options.id);
  if (row.kind === "CREDENTIAL_CONNECTION") {
    throw new AppError("VALIDATION", "Credential connections have no webhooks to fix.");
  }
  const kind: FixableKind = row.kind;
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "connection.fix_webhooks",
    targetType: "connection",
    targetId: row.id,
    ip: actor.ip,
  };
  const before = {
    webhookUrl: row.webhookUrl,
    webhookFailoverUrl: row.webhookFailoverUrl,
    callCostInWebhooks: row.callCostInWebhooks,
  };
  let telnyx: CallControlApplication | MessagingProfile;
  let recreated: { previousTelnyxId: string; numbersRepointed: number } | null = null;
  try {
    try {
      telnyx = await pointAtUs(gateway, kind, row.telnyxId, expected);
    } catch (error) {
      if (!isAppError(error) || error.code !== "TELNYX_NOT_FOUND") throw error;
      telnyx = await createInTelnyx(gateway, kind, row.name, expected);
      if (!telnyx.id) throw new AppError("TELNYX_ERROR", "Telnyx answered without an id for the recreated connection.");
      const numbersRepointed = await repointNumbers({ db, actor, gateway }, row, telnyx.id ?? "");
      recreated = { previousTelnyxId: row.telnyxId, numbersRepointed };
    }
  } catch (error) {
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { before, error: isAppError(error) ? error.message : "Unexpected error" },
    });
    throw error;
  }
  const after = storedWebhooks(telnyx, kind);
  const updated = await db.prisma.telnyxConnection.update({
    where: { id: row.id },
    data: { ...after, ...(telnyx.id ? { telnyxId: telnyx.id } : {}) },
    select: connectionSelect,
  });
  await recordAudit(db, {
    ...audit,
    details: {
      before,
      after: {
        webhookUrl: after.webhookUrl,
        webhookFailoverUrl: after.webhookFailoverUrl,
        callCostInWebhooks: after.callCostInWebhooks,
      },
      ...(recreated ? { recreated: { ...recreated, telnyxId: updated.telnyxId } } : {}),
    },
  });
  return toCheckedConnection(updated, telnyx, expected);
}

function pointAtUs(
  gateway: TelnyxGateway,
  kind: FixableKind,
  telnyxId: string,
  expected: TExpectedWebhooks,
): Promise<CallControlApplication | MessagingProfile> {
  return kind === "CALL_CONTROL_APPLICATION"
    ? gateway.updateCallControlApplication(telnyxId, {
        webhookEventUrl: expected.calls,
        webhookEventFailoverUrl: expected.any,
        callCostInWebhooks: true,
      })
    : gateway.updateMessagingProfile(telnyxId, { webhookUrl: expected.messages, webhookFailoverUrl: expected.any });
}

/** Points every number of the organization that used the deleted connection at its replacement (Telnyx, then here). */
async function repointNumbers(
  { db, actor, gateway }: Pick<TelnyxContext, "db" | "actor"> & { gateway: TelnyxGateway },
  row: ConnectionRow,
  newTelnyxId: string,
): Promise<number> {
  const isVoice = row.kind === "CALL_CONTROL_APPLICATION";
  const numbers = await db.prisma.telnyxPhoneNumber.findMany({
    where: {
      organizationId: actor.organizationId,
      releasedAt: null,
      ...(isVoice ? { connectionId: row.telnyxId } : { messagingProfileId: row.telnyxId }),
    },
    select: { id: true, telnyxId: true },
  });
  for (const number of numbers) {
    if (number.telnyxId) {
      if (isVoice) await gateway.updatePhoneNumber(number.telnyxId, { connectionId: newTelnyxId });
      else await gateway.updatePhoneNumberMessaging(number.telnyxId, { messagingProfileId: newTelnyxId });
    }
    await db.prisma.telnyxPhoneNumber.update({
      where: { id: number.id },
      data: isVoice ? { connectionId: newTelnyxId } : { messagingProfileId: newTelnyxId },
    });
  }
  return numbers.length;
}
