import { recordAudit } from "../audit/record-audit";
import { isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import {
  connectionSelect,
  type TConnection,
  type TConnectionUpdate,
  type TExpectedWebhooks,
} from "./connection-schemas";
import { findConnectionRow, storedWebhooks, toCheckedConnection } from "./connection-item";

/** Renames or (de)activates an application, profile or credential connection, in Telnyx first, then here. */
export async function updateConnection(
  options: TelnyxContext & {
    expected: TExpectedWebhooks;
    input: TConnectionUpdate;
  },
): Promise<TConnection> {
  const { db, actor, gatewayFor, expected, input } = options;
  const gateway = await gatewayFor(actor.organizationId);
  const row = await findConnectionRow(db, actor, input.id);
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "connection.update",
    targetType: "connection",
    targetId: row.id,
    ip: actor.ip,
  };
  const { name, active } = input.data;
  let telnyx;
  try {
    switch (row.kind) {
      case "CALL_CONTROL_APPLICATION":
        telnyx = await gateway.updateCallControlApplication(row.telnyxId, { applicationName: name, active });
        break;
      case "MESSAGING_PROFILE":
        telnyx = await gateway.updateMessagingProfile(row.telnyxId, { name, enabled: active });
        break;
      case "CREDENTIAL_CONNECTION":
        telnyx = await gateway.updateCredentialConnection(row.telnyxId, { connectionName: name, active });
        break;
    }
  } catch (error) {
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { fields: Object.keys(input.data), error: isAppError(error) ? error.message : "Unexpected error" },
    });
    throw error;
  }
  const updated = await db.prisma.telnyxConnection.update({
    where: { id: row.id },
    data: {
      ...(name !== undefined ? { name } : {}),
      ...(active !== undefined ? { active } : {}),
      ...storedWebhooks(telnyx, row.kind),
    },
    select: connectionSelect,
  });
  await recordAudit(db, { ...audit, details: { fields: Object.keys(input.data), name, active } });
  return toCheckedConnection(updated, telnyx, expected);
}
