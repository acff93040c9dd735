import type { Db } from "@app/db/open-db";
import { noopPublisher, type Publisher } from "@app/telnyx-core/realtime/events";
import { API_KEY_SETTING } from "@app/telnyx-core/settings/telnyx-keys";
import { runSync } from "@app/telnyx-core/sync/run-sync";
import type { TSyncRun } from "@app/telnyx-core/sync/sync-schemas";
import type { BackoffOptions } from "@app/telnyx-core/sync/with-backoff";
import type { TelnyxAccess } from "../telnyx/telnyx-access";
import { organizationWebhookUrls } from "../telnyx/webhook-urls";

export interface SyncDeps {
  db: Db;
  telnyx: TelnyxAccess;
  publisher?: Publisher;
  publicUrl?: () => string;
  backoff?: BackoffOptions;
}

/**
 * Whether everything in the Telnyx account the organization uses is its own: its own key, or the
 * deployment's account when no other organization shares it (a single-tenant install). On a shared
 * account only what is attached to the organization's applications and profiles is its own.
 */
async function isOwnAccount(deps: SyncDeps, organizationId: string): Promise<boolean> {
  const source = await deps.telnyx.sourceFor(organizationId).catch(() => "environment" as const);
  if (source === "organization") return true;
  const sharing = await deps.db.prisma.organization.count({
    where: { id: { not: organizationId }, settings: { none: { key: API_KEY_SETTING, encryptedValue: { not: null } } } },
  });
  return sharing === 0;
}

/** Runs an opened sync run against the organization's Telnyx account (its own key, else the deployment's). */
export async function syncOrganization(
  deps: SyncDeps,
  run: { organizationId: string; runId: string },
): Promise<TSyncRun> {
  return runSync({
    db: deps.db,
    runId: run.runId,
    organizationId: run.organizationId,
    gatewayFor: () => deps.telnyx.gatewayFor(run.organizationId),
    isOwnAccount: await isOwnAccount(deps, run.organizationId),
    expectedWebhookUrls: deps.publicUrl
      ? await organizationWebhookUrls(deps.db, deps.publicUrl(), run.organizationId)
      : undefined,
    publisher: deps.publisher ?? noopPublisher,
    backoff: deps.backoff,
  });
}
