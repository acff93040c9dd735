import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { CallControlApplication, MessagingProfile } from "../gateway/account-api";
import type { CredentialConnection } from "../gateway/credentials-api";
import {
  checkWebhooks,
  liveOfApplication,
  liveOfCredentialConnection,
  liveOfProfile,
  type LiveWebhooks,
} from "./check-webhooks";
import {
  connectionSelect,
  type ConnectionRow,
  type TConnection,
  type TExpectedWebhooks,
  type TWebhookCheck,
} from "./connection-schemas";

export const UNKNOWN_CHECK: TWebhookCheck = { status: "unknown", problems: [] };
/** A credential connection has no webhook this product depends on (calls reach browsers through the application). */
export const EXISTS_CHECK: TWebhookCheck = { status: "ok", problems: [] };

type TelnyxConnectionResource = CallControlApplication | MessagingProfile | CredentialConnection;

function liveOf(telnyx: TelnyxConnectionResource, kind: ConnectionRow["kind"]): LiveWebhooks {
  switch (kind) {
    case "CALL_CONTROL_APPLICATION":
      return liveOfApplication(telnyx as CallControlApplication);
    case "MESSAGING_PROFILE":
      return liveOfProfile(telnyx as MessagingProfile);
    case "CREDENTIAL_CONNECTION":
      return liveOfCredentialConnection(telnyx as CredentialConnection);
  }
}

/** The list item: our row, with Telnyx's live webhook settings and their check when known. */
export function toConnection(row: ConnectionRow, live: LiveWebhooks | null, check: TWebhookCheck): TConnection {
  return {
    id: row.id,
    kind: row.kind,
    telnyxId: row.telnyxId,
    name: row.name,
    webhookUrl: live ? live.webhookUrl : row.webhookUrl,
    webhookFailoverUrl: live ? live.webhookFailoverUrl : row.webhookFailoverUrl,
    callCostInWebhooks: live ? live.callCostInWebhooks : row.callCostInWebhooks,
    active: row.active,
    isDefault: row.isDefault,
    check,
  };
}

/** Item for a row right after Telnyx answered with the application, profile or credential connection. */
export function toCheckedConnection(
  row: ConnectionRow,
  telnyx: TelnyxConnectionResource,
  expected: TExpectedWebhooks,
): TConnection {
  const live = liveOf(telnyx, row.kind);
  if (row.kind === "CREDENTIAL_CONNECTION") return toConnection(row, live, EXISTS_CHECK);
  return toConnection(row, live, checkWebhooks(row.kind, live, expected));
}

/** Our stored view of what Telnyx now holds (so the list shows it even when Telnyx is unreachable). */
export function storedWebhooks(telnyx: TelnyxConnectionResource, kind: ConnectionRow["kind"]) {
  const live = liveOf(telnyx, kind);
  return {
    webhookUrl: live.webhookUrl,
    webhookFailoverUrl: live.webhookFailoverUrl,
    callCostInWebhooks: live.callCostInWebhooks,
    syncedAt: new Date(),
  };
}

export async function findConnectionRow(db: Db, actor: Actor, id: string): Promise<ConnectionRow> {
  const row = await db.prisma.telnyxConnection.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: connectionSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "This connection does not exist in your organization.");
  return row;
}

export function kindLabel(kind: ConnectionRow["kind"]): string {
  switch (kind) {
    case "CALL_CONTROL_APPLICATION":
      return "Call Control application";
    case "MESSAGING_PROFILE":
      return "messaging profile";
    case "CREDENTIAL_CONNECTION":
      return "credential connection";
  }
}
