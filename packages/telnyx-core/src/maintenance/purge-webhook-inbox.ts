import type { Db } from "@app/db/open-db";

export const WEBHOOK_RETENTION_DAYS = 30;

/**
 * The webhook inbox keeps 30 days of events (enough to investigate, and far beyond Telnyx's
 * retries, which stop after minutes); older rows are deleted whatever their state. Idempotent.
 */
export async function purgeWebhookInbox(options: {
  db: Db;
  now?: Date;
  days?: number;
}): Promise<{ cutoff: Date; webhookEvents: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.days ?? WEBHOOK_RETENTION_DAYS) * 86_400_000);
  const { count } = await options.db.prisma.webhookEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return { cutoff, webhookEvents: count };
}
