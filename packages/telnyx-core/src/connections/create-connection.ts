import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { AppError, isAppError } from "../errors/app-error";
import type { CallControlApplication, MessagingProfile } from "../gateway/account-api";
import type { CredentialConnection } from "../gateway/credentials-api";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TelnyxContext } from "../domain/domain-context";
import { connectionSelect, type TConnection, type TExpectedWebhooks } from "./connection-schemas";
import { storedWebhooks, toCheckedConnection } from "./connection-item";

/**
 * Creates a Call Control application (webhooks to this API, API v2, call costs in webhooks, the
 * generic endpoint as failover) or a messaging profile (any destination, same webhooks) in Telnyx,
 * and keeps it. The first of its kind becomes the organization's default.
 */
export async function createConnection(
  options: TelnyxContext & {
    expected: TExpectedWebhooks;
    kind: "CALL_CONTROL_APPLICATION" | "MESSAGING_PROFILE" | "CREDENTIAL_CONNECTION";
    name: string;
  },
): Promise<TConnection> {
  const { db, actor, gatewayFor, expected, kind, name } = options;
  const gateway = await gatewayFor(actor.organizationId);
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "connection.create",
    targetType: "connection",
    ip: actor.ip,
  };
  let telnyx: CallControlApplication | MessagingProfile | CredentialConnection;
  try {
    telnyx =
      kind === "CREDENTIAL_CONNECTION"
        ? await gateway.createCredentialConnection(credentialConnectionInput(name, expected))
        : await createInTelnyx(gateway, kind, name, expected);
  } catch (error) {
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { kind, name, error: isAppError(error) ? error.message : "Unexpected error" },
    });
    throw error;
  }
  if (!telnyx.id) throw new AppError("TELNYX_ERROR", "Telnyx answered without an id for the new connection.");

  const hasDefault = await db.prisma.telnyxConnection.count({
    where: { organizationId: actor.organizationId, kind, isDefault: true, active: true },
  });
  const row = await db.prisma.telnyxConnection.create({
    data: {
      organizationId: actor.organizationId,
      kind,
      telnyxId: telnyx.id,
      name,
      active: true,
      isDefault: hasDefault === 0,
      ...storedWebhooks(telnyx, kind),
    },
    select: connectionSelect,
  });
  await recordAudit(db, {
    ...audit,
    targetId: row.id,
    details: { kind, name, telnyxId: row.telnyxId, isDefault: row.isDefault },
  });
  return toCheckedConnection(row, telnyx, expected);
}

/**
 * A credential connection for agents' browsers: a random SIP user name and password (never kept: agents log in with
 * tokens minted from their own credentials), our webhooks, SIP URI calls from this account only.
 */
export function credentialConnectionInput(name: string, expected: TExpectedWebhooks | null) {
  return {
    connectionName: name,
    userName: `crm${randomBytes(12).toString("hex")}`,
    password: randomBytes(24).toString("base64url"),
    webhookEventUrl: expected?.calls,
    webhookEventFailoverUrl: expected?.any,
    sipUriCallingPreference: "internal" as const,
  };
}

/** The application (our webhooks, API v2, call costs, the generic endpoint as failover) or profile, made in Telnyx. */
export function createInTelnyx(
  gateway: TelnyxGateway,
  kind: "CALL_CONTROL_APPLICATION" | "MESSAGING_PROFILE",
  name: string,
  expected: TExpectedWebhooks,
): Promise<CallControlApplication | MessagingProfile> {
  return kind === "CALL_CONTROL_APPLICATION"
    ? gateway.createCallControlApplication({
        applicationName: name,
        webhookEventUrl: expected.calls,
        webhookEventFailoverUrl: expected.any,
        callCostInWebhooks: true,
      })
    : gateway.createMessagingProfile({
        name,
        whitelistedDestinations: ["*"],
        webhookUrl: expected.messages,
        webhookFailoverUrl: expected.any,
      });
}
