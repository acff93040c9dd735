/**
 * The webhook endpoints Telnyx must call, derived from the server's public URL. Each organization has
 * its own (`/o/<token>`: the endpoint decides the organization, never the payload); the shared paths
 * without a token are the legacy ones (installation key only, see webhook-routes.ts).
 */
import type { Db } from "@app/db/open-db";

export interface WebhookUrls {
  calls: string;
  messages: string;
  any: string;
}

export function webhookUrls(baseUrl: string, webhookToken: string): WebhookUrls {
  return pathsUnder(`${baseUrl.replace(/\/+$/, "")}/api/telnyx/webhooks/o/${webhookToken}`);
}

/** The shared endpoints of installations set up before per-organization URLs. */
export function legacyWebhookUrls(baseUrl: string): WebhookUrls {
  return pathsUnder(`${baseUrl.replace(/\/+$/, "")}/api/telnyx/webhooks`);
}

/** An organization's webhook URLs (its current token). */
export async function organizationWebhookUrls(db: Db, baseUrl: string, organizationId: string): Promise<WebhookUrls> {
  const { webhookToken } = await db.prisma.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { webhookToken: true },
  });
  return webhookUrls(baseUrl, webhookToken);
}

const pathsUnder = (root: string): WebhookUrls => ({ calls: `${root}/calls`, messages: `${root}/messages`, any: root });
