import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import {
  checkWebhooks,
  liveOfApplication,
  liveOfCredentialConnection,
  liveOfProfile,
  type LiveWebhooks,
} from "./check-webhooks";
import { connectionSelect, type TConnection, type TExpectedWebhooks } from "./connection-schemas";
import { EXISTS_CHECK, kindLabel, toConnection } from "./connection-item";

/**
 * The organization's applications, profiles and credential connections, each checked live against Telnyx: do its webhooks
 * reach this API (and send call costs)? When Telnyx cannot be asked, the check says "unknown".
 */
export async function listConnections(options: {
  db: Db;
  actor: Actor;
  gatewayFor: TelnyxContext["gatewayFor"];
  expected: TExpectedWebhooks;
}): Promise<{ items: TConnection[]; expected: TExpectedWebhooks }> {
  const { db, actor, expected } = options;
  const rows = await db.prisma.telnyxConnection.findMany({
    where: { organizationId: actor.organizationId },
    select: connectionSelect,
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const hasApps = rows.some((row) => row.kind === "CALL_CONTROL_APPLICATION");
  const hasProfiles = rows.some((row) => row.kind === "MESSAGING_PROFILE");
  const hasCredentials = rows.some((row) => row.kind === "CREDENTIAL_CONNECTION");
  const live = new Map<string, LiveWebhooks>();
  let unreachable: string | null = null;
  if (hasApps || hasProfiles || hasCredentials) {
    try {
      const gateway = await options.gatewayFor(actor.organizationId);
      const [apps, profiles, credentialConnections] = await Promise.all([
        hasApps ? gateway.listCallControlApplications() : [],
        hasProfiles ? gateway.listMessagingProfiles() : [],
        hasCredentials ? gateway.listCredentialConnections() : [],
      ]);
      for (const connection of credentialConnections)
        if (connection.id) live.set(`CREDENTIAL_CONNECTION:${connection.id}`, liveOfCredentialConnection(connection));
      for (const app of apps) if (app.id) live.set(`CALL_CONTROL_APPLICATION:${app.id}`, liveOfApplication(app));
      for (const profile of profiles)
        if (profile.id) live.set(`MESSAGING_PROFILE:${profile.id}`, liveOfProfile(profile));
    } catch (error) {
      unreachable = isAppError(error) ? error.message : "unexpected error";
    }
  }
  const items = rows.map((row) => {
    if (unreachable)
      return toConnection(row, null, { status: "unknown", problems: [`Telnyx could not be asked: ${unreachable}`] });
    const current = live.get(`${row.kind}:${row.telnyxId}`);
    if (!current) {
      const problem = `This ${kindLabel(row.kind)} no longer exists in the Telnyx account (deleted in the portal, or another API key)`;
      return toConnection(row, null, { status: "mismatch", problems: [problem] });
    }
    if (row.kind === "CREDENTIAL_CONNECTION") return toConnection(row, current, EXISTS_CHECK);
    return toConnection(row, current, checkWebhooks(row.kind, current, expected));
  });
  return { items, expected };
}
