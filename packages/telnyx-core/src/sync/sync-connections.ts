import type { Prisma } from "@app/db/client";
import type { SyncContext } from "./sync-context";

interface RemoteConnection {
  kind: "CALL_CONTROL_APPLICATION" | "MESSAGING_PROFILE" | "CREDENTIAL_CONNECTION";
  telnyxId: string;
  name: string;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  callCostInWebhooks: boolean;
  active: boolean;
  raw: Prisma.InputJsonValue;
}

const LABEL = {
  CALL_CONTROL_APPLICATION: "Application",
  MESSAGING_PROFILE: "Messaging profile",
  CREDENTIAL_CONNECTION: "Credential connection",
} as const;
const withoutPassword = ({ password: _password, ...rest }: { password?: string }) => rest as Prisma.InputJsonValue;
const shown = (url: string | null) => url ?? "(none)";

async function listRemote(ctx: SyncContext): Promise<RemoteConnection[]> {
  const [applications, profiles, credentialConnections] = await Promise.all([
    ctx.read(() => ctx.gateway.listCallControlApplications()),
    ctx.read(() => ctx.gateway.listMessagingProfiles()),
    ctx.read(() => ctx.gateway.listCredentialConnections()),
  ]);
  return [
    ...applications.flatMap((app): RemoteConnection[] =>
      app.id
        ? [
            {
              kind: "CALL_CONTROL_APPLICATION",
              telnyxId: app.id,
              name: app.application_name ?? app.id,
              webhookUrl: app.webhook_event_url || null,
              webhookFailoverUrl: app.webhook_event_failover_url || null,
              callCostInWebhooks: app.call_cost_in_webhooks ?? false,
              active: app.active ?? true,
              raw: app as Prisma.InputJsonValue,
            },
          ]
        : [],
    ),
    ...profiles.flatMap((profile): RemoteConnection[] =>
      profile.id
        ? [
            {
              kind: "MESSAGING_PROFILE",
              telnyxId: profile.id,
              name: profile.name ?? profile.id,
              webhookUrl: profile.webhook_url || null,
              webhookFailoverUrl: profile.webhook_failover_url || null,
              callCostInWebhooks: false,
              active: profile.enabled ?? true,
              raw: profile as Prisma.InputJsonValue,
            },
          ]
        : [],
    ),
    ...credentialConnections.flatMap((connection): RemoteConnection[] =>
      connection.id
        ? [
            {
              kind: "CREDENTIAL_CONNECTION",
              telnyxId: connection.id,
              name: connection.connection_name ?? connection.id,
              webhookUrl: connection.webhook_event_url || null,
              webhookFailoverUrl: connection.webhook_event_failover_url || null,
              callCostInWebhooks: false,
              active: connection.active ?? true,
              // Never keep a password, even masked.
              raw: withoutPassword(connection),
            },
          ]
        : [],
    ),
  ];
}

/**
 * Applications, messaging profiles and credential connections: ours that vanished from Telnyx are marked inactive; a
 * webhook changed in Telnyx is reported and recorded (connections.list then flags the mismatch
 * and offers "fix webhooks"); on an organization's own account, unknown ones are imported.
 */
export async function syncConnections(ctx: SyncContext): Promise<void> {
  const { db, organizationId, report } = ctx;
  const remote = await listRemote(ctx);
  const ours = await db.prisma.telnyxConnection.findMany({
    where: { organizationId },
  });
  report.count("connections", remote.length);

  for (const local of ours) {
    const label = `${LABEL[local.kind]} "${local.name}"`;
    const match = remote.find((item) => item.kind === local.kind && item.telnyxId === local.telnyxId);
    if (!match) {
      if (local.active) {
        await db.prisma.telnyxConnection.update({
          where: { id: local.id },
          data: { active: false, syncedAt: ctx.now },
        });
        report.change(
          "connection.missing",
          `${label} no longer exists in Telnyx (${local.telnyxId}): marked inactive.`,
        );
      }
      continue;
    }
    if (match.webhookUrl !== local.webhookUrl || match.webhookFailoverUrl !== local.webhookFailoverUrl) {
      const expected = ctx.expectedWebhookUrls
        ? local.kind === "MESSAGING_PROFILE"
          ? ctx.expectedWebhookUrls.messages
          : ctx.expectedWebhookUrls.calls
        : undefined;
      const advice =
        expected && match.webhookUrl !== expected
          ? ` This CRM expects ${expected}: use "Fix webhooks" on the Connections page.`
          : "";
      const what =
        match.webhookUrl !== local.webhookUrl
          ? `webhook URL changed in Telnyx to ${shown(match.webhookUrl)} (was ${shown(local.webhookUrl)})`
          : `failover URL changed in Telnyx to ${shown(match.webhookFailoverUrl)} (was ${shown(local.webhookFailoverUrl)})`;
      report.change("connection.webhook_changed", `${label}: ${what}.${advice}`);
    }
    if (match.active !== local.active) {
      report.change("connection.active_changed", `${label} is ${match.active ? "enabled" : "disabled"} in Telnyx.`);
    }
    await db.prisma.telnyxConnection.update({
      where: { id: local.id },
      data: {
        name: match.name,
        webhookUrl: match.webhookUrl,
        webhookFailoverUrl: match.webhookFailoverUrl,
        callCostInWebhooks: match.callCostInWebhooks,
        active: match.active,
        raw: match.raw,
        syncedAt: ctx.now,
      },
    });
  }

  const known = new Set(ours.map((local) => `${local.kind}:${local.telnyxId}`));
  for (const item of remote.filter((candidate) => !known.has(`${candidate.kind}:${candidate.telnyxId}`))) {
    const elsewhere = await db.prisma.telnyxConnection.findFirst({
      where: { kind: item.kind, telnyxId: item.telnyxId },
      select: { id: true },
    });
    if (elsewhere || !ctx.isOwnAccount) {
      report.count("connectionsNotOurs");
      continue;
    }
    await db.prisma.telnyxConnection.create({
      data: {
        organizationId,
        kind: item.kind,
        telnyxId: item.telnyxId,
        name: item.name,
        webhookUrl: item.webhookUrl,
        webhookFailoverUrl: item.webhookFailoverUrl,
        callCostInWebhooks: item.callCostInWebhooks,
        active: item.active,
        raw: item.raw,
        syncedAt: ctx.now,
      },
    });
    report.change("connection.imported", `${LABEL[item.kind]} "${item.name}" found in Telnyx: added.`);
  }
}
