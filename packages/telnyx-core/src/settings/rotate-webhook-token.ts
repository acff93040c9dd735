/**
 * A new webhook endpoint for the organization (Organization.webhookToken): the old URL stops working,
 * and the organization's Call Control applications and messaging profiles are pointed at the new one
 * through the Connections page's own "Fix webhooks" path. A connection Telnyx could not update is
 * reported (fix it from the Connections page); the rotation itself stands.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { TExpectedWebhooks } from "../connections/connection-schemas";
import { fixWebhooks } from "../connections/fix-webhooks";
import type { Actor } from "../domain/actor";
import { isAppError } from "../errors/app-error";
import type { TelnyxContext } from "../domain/domain-context";
import type { TWebhookRepoint } from "./settings-schemas";

/** 256 random bits, base64url (43 characters): the URL path segment Telnyx is given. */
export function newWebhookToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function rotateWebhookToken(options: {
  db: Db;
  actor: Actor;
  gatewayFor: TelnyxContext["gatewayFor"];
  /** The organization's webhook URLs for a token; throws when Telnyx could not reach them. */
  expectedFor: (webhookToken: string) => TExpectedWebhooks;
}): Promise<TWebhookRepoint> {
  const { db, actor } = options;
  const webhookToken = newWebhookToken();
  await db.prisma.organization.update({ where: { id: actor.organizationId }, data: { webhookToken } });
  const connections = await db.prisma.telnyxConnection.findMany({
    where: {
      organizationId: actor.organizationId,
      active: true,
      kind: { in: ["CALL_CONTROL_APPLICATION", "MESSAGING_PROFILE"] },
    },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const repoint: TWebhookRepoint = { updated: 0, failed: [] };
  for (const connection of connections) {
    try {
      const expected = options.expectedFor(webhookToken);
      await fixWebhooks({ db, actor, gatewayFor: options.gatewayFor, expected, id: connection.id });
      repoint.updated += 1;
    } catch (error) {
      repoint.failed.push({ name: connection.name, error: isAppError(error) ? error.message : "Unexpected error" });
    }
  }
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "settings.webhookToken.rotate",
    targetType: "organization",
    targetId: actor.organizationId,
    ip: actor.ip,
    result: repoint.failed.length > 0 ? "failed" : "ok",
    details: { repointed: repoint.updated, failed: repoint.failed.map((f) => f.name) },
  });
  return repoint;
}
