import { recordAudit } from "../audit/record-audit";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import { clearedCredential } from "../softphone/issue-softphone-token";
import { findConnectionRow } from "./connection-item";

/**
 * Deletes a credential connection in Telnyx (its agents' credentials go with it), then here; members on it get a new
 * credential, on the next connection, when they next ask for a softphone token. Applications and profiles carry
 * numbers: they are deactivated, not deleted.
 */
export async function deleteConnection(options: TelnyxContext & { id: string }): Promise<{ id: string }> {
  const { db, actor, gatewayFor } = options;
  const row = await findConnectionRow(db, actor, options.id);
  if (row.kind !== "CREDENTIAL_CONNECTION") {
    throw new AppError(
      "VALIDATION",
      "Applications and messaging profiles carry phone numbers: deactivate them instead of deleting them.",
    );
  }
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "connection.delete",
    targetType: "connection",
    targetId: row.id,
    ip: actor.ip,
  };
  const gateway = await gatewayFor(actor.organizationId);
  try {
    await gateway.deleteCredentialConnection(row.telnyxId);
  } catch (error) {
    // Already gone from Telnyx (deleted in the portal): forgetting it here is what the admin asked.
    if (!isAppError(error) || error.code !== "TELNYX_NOT_FOUND") {
      await recordAudit(db, {
        ...audit,
        result: "failed",
        details: { name: row.name, error: error instanceof Error ? error.message : "Unexpected error" },
      });
      throw error;
    }
  }
  await db.prisma.$transaction([
    db.prisma.membership.updateMany({
      where: { organizationId: actor.organizationId, softphoneConnectionId: row.telnyxId },
      data: clearedCredential,
    }),
    db.prisma.telnyxConnection.delete({ where: { id: row.id } }),
  ]);
  await recordAudit(db, { ...audit, details: { kind: row.kind, name: row.name, telnyxId: row.telnyxId } });
  return { id: row.id };
}
