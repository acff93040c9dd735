import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import { credentialConnectionInput } from "../connections/create-connection";
import { findDefaultConnection } from "../connections/default-connection";
import { AppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TExpectedWebhooks } from "../connections/connection-schemas";
import { SOFTPHONE_CONNECTION_NAME } from "./softphone-schemas";

/**
 * The organization's credential connection (the default one, else the oldest active); created in Telnyx on first
 * need — auto-configuration — with our webhooks and SIP URI calls allowed from this account only. Its password is
 * random and never kept: agents log in with tokens minted from their own credentials.
 */
export async function ensureCredentialConnection(options: {
  db: Db;
  gateway: TelnyxGateway;
  organizationId: string;
  expected: TExpectedWebhooks | null;
}): Promise<{ id: string; telnyxId: string }> {
  const { db, gateway, organizationId } = options;
  const existing = await findDefaultConnection(db.prisma, organizationId, "CREDENTIAL_CONNECTION");
  if (existing) return existing;

  const created = await gateway.createCredentialConnection(
    credentialConnectionInput(SOFTPHONE_CONNECTION_NAME, options.expected),
  );
  if (!created.id) throw new AppError("TELNYX_ERROR", "Telnyx answered without an id for the credential connection.");
  // Two first requests at once may both create one: the oldest row wins, the other is removed from Telnyx.
  const row = await db.prisma.telnyxConnection.create({
    data: {
      organizationId,
      kind: "CREDENTIAL_CONNECTION",
      telnyxId: created.id,
      name: created.connection_name ?? SOFTPHONE_CONNECTION_NAME,
      webhookUrl: created.webhook_event_url || null,
      webhookFailoverUrl: created.webhook_event_failover_url || null,
      active: true,
      isDefault: true,
    },
    select: { id: true, telnyxId: true },
  });
  const winner = await findDefaultConnection(db.prisma, organizationId, "CREDENTIAL_CONNECTION");
  if (winner && winner.id !== row.id) {
    await db.prisma.telnyxConnection.delete({ where: { id: row.id } });
    await gateway.deleteCredentialConnection(row.telnyxId).catch(() => undefined);
    return winner;
  }
  await recordAudit(db, {
    organizationId,
    userId: null,
    action: "connection.auto_create",
    targetType: "connection",
    targetId: row.id,
    details: { kind: "CREDENTIAL_CONNECTION", telnyxId: row.telnyxId },
  });
  return row;
}
