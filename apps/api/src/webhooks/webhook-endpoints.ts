/**
 * Per-organization webhook endpoints: `/api/telnyx/webhooks/o/<token>` → the organization whose
 * Organization.webhookToken it is. Lookups are cached briefly (every webhook would otherwise read the
 * database before its inbox write); a rotation on this instance drops the cache at once, on another
 * instance the old token stops working within TOKEN_TTL_MS.
 */
import type { Db } from "@app/db/open-db";

const TOKEN_TTL_MS = 10_000;
/** Bounded: unknown tokens are cached too (a flood of guesses costs one read each per TTL, not one per request). */
const MAX_CACHED = 1_000;

export interface WebhookEndpoints {
  /** The organization of a token, or null when no organization has it. */
  organizationOf(token: string): Promise<string | null>;
  /** Forget cached tokens (after a rotation). */
  invalidate(): void;
}

export function createWebhookEndpoints(db: Db): WebhookEndpoints {
  let cache = new Map<string, { organizationId: string | null; at: number }>();
  return {
    async organizationOf(token) {
      const cached = cache.get(token);
      if (cached && Date.now() - cached.at < TOKEN_TTL_MS) return cached.organizationId;
      const row = await db.prisma.organization.findUnique({ where: { webhookToken: token }, select: { id: true } });
      if (cache.size >= MAX_CACHED) cache = new Map();
      cache.set(token, { organizationId: row?.id ?? null, at: Date.now() });
      return row?.id ?? null;
    },
    invalidate() {
      cache = new Map();
    },
  };
}
