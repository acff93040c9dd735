import { recordAudit } from "../audit/record-audit";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import { connectionSelect, type TConnection, type TExpectedWebhooks } from "./connection-schemas";
import { findConnectionRow, storedWebhooks, toCheckedConnection } from "./connection-item";

/** One click: points the application's or profile's webhooks (and call costs) back at this API. */
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
  let telnyx;
  try {
    telnyx =
      row.kind === "CALL_CONTROL_APPLICATION"
        ? await gateway.updateCallControlApplication(row.telnyxId, {
            webhookEventUrl: expected.calls,
            webhookEventFailoverUrl: expected.any,
            callCostInWebhooks: true,
          })
        : await gateway.updateMessagingProfile(row.telnyxId, {
            webhookUrl: expected.messages,
            webhookFailoverUrl: expected.any,
          });
  } catch (error) {
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { before, error: isAppError(error) ? error.message : "Unexpected error" },
    });
    throw error;
  }
  const after = storedWebhooks(telnyx, row.kind);
  const updated = await db.prisma.telnyxConnection.update({
    where: { id: row.id },
    data: after,
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
    },
  });
  return toCheckedConnection(updated, telnyx, expected);
}
