/**
 * The API's scheduled jobs: hourly sync of every organization that uses Telnyx, daily retention (old records,
 * webhook inbox, job runs, idempotency keys past their 24 h),
 * every minute the number-order poll (a purchase whose webhook was lost still completes) and the revocation of
 * softphone credentials of members who left, and once
 * at start the reconciliation of live calls and presence (reconcile-job.ts).
 */
import type { Db } from "@app/db/open-db";
import { noopPublisher, type Publisher } from "@app/telnyx-core/realtime/events";
import { archiveOldRecords } from "@app/telnyx-core/maintenance/archive-old-records";
import { purgeWebhookInbox } from "@app/telnyx-core/maintenance/purge-webhook-inbox";
import { purgeIdempotencyKeys } from "@app/telnyx-core/idempotency/run-idempotent";
import { pollNumberOrders } from "@app/telnyx-core/numbers/poll-number-orders";
import { revokePendingSoftphoneCredentials } from "@app/telnyx-core/softphone/revoke-pending-credentials";
import { API_KEY_SETTING } from "@app/telnyx-core/settings/telnyx-keys";
import { startSync } from "@app/telnyx-core/sync/start-sync";
import type { BackoffOptions } from "@app/telnyx-core/sync/with-backoff";
import type { TelnyxAccess } from "../telnyx/telnyx-access";
import { daySlot, hourSlot, minuteSlot, type JobDefinition } from "./scheduler";
import { purgeJobRuns } from "./claim-job-run";
import { createReconcileJob } from "./reconcile-job";
import { syncOrganization } from "./sync-organization";

export const HOURLY_SYNC_JOB = "sync.hourly";
export const DAILY_RETENTION_JOB = "retention.daily";
export const NUMBER_ORDER_POLL_JOB = "numbers.poll";
export const SOFTPHONE_REVOKE_JOB = "softphone.revoke";

export interface ApiJobDeps {
  db: Db;
  telnyx: TelnyxAccess;
  publisher?: Publisher;
  publicUrl?: () => string;
  backoff?: BackoffOptions;
  /** Settles pending number orders whose number_order.complete webhook was lost (default: the numbers domain's poll). */
  pollNumberOrders?: (options: {
    db: Db;
    telnyx: TelnyxAccess;
    publisher?: Publisher;
  }) => Promise<Record<string, unknown>>;
}

/** Organizations that use Telnyx: an application/profile of their own, or their own key. */
async function organizationsToSync(db: Db): Promise<string[]> {
  const rows = await db.prisma.organization.findMany({
    where: {
      OR: [
        { connections: { some: {} } },
        { settings: { some: { key: API_KEY_SETTING, encryptedValue: { not: null } } } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.id);
}

async function pollPendingOrders(options: {
  db: Db;
  telnyx: TelnyxAccess;
  publisher?: Publisher;
}): Promise<Record<string, unknown>> {
  const result = await pollNumberOrders({
    db: options.db,
    gatewayFor: (organizationId) => options.telnyx.gatewayFor(organizationId),
    publisher: options.publisher ?? noopPublisher,
  });
  return {
    configured: result.configured,
    failed: result.failed,
    pending: result.pending,
    errors: result.errors.length,
  };
}

export function createApiJobs(deps: ApiJobDeps): JobDefinition[] {
  const jobs: JobDefinition[] = [
    {
      name: HOURLY_SYNC_JOB,
      schedule: "7 * * * *",
      slotOf: hourSlot,
      async run() {
        const counts = { organizations: 0, succeeded: 0, failed: 0, skipped: 0 };
        for (const organizationId of await organizationsToSync(deps.db)) {
          counts.organizations += 1;
          const { runId, isNew } = await startSync({ db: deps.db, organizationId, trigger: "hourly" });
          if (!isNew) {
            counts.skipped += 1; // a manual sync is running for it right now
            continue;
          }
          const run = await syncOrganization(deps, { organizationId, runId });
          counts[run.status === "SUCCEEDED" ? "succeeded" : "failed"] += 1;
        }
        return counts;
      },
    },
    {
      name: DAILY_RETENTION_JOB,
      schedule: "17 3 * * *",
      slotOf: daySlot,
      async run(at) {
        const archived = await archiveOldRecords({ db: deps.db, now: at });
        const purged = await purgeWebhookInbox({ db: deps.db, now: at });
        const purgedJobRuns = await purgeJobRuns(deps.db, {
          now: at,
          frequentJobs: [NUMBER_ORDER_POLL_JOB, SOFTPHONE_REVOKE_JOB],
        });
        const purgedIdempotencyKeys = await purgeIdempotencyKeys({ db: deps.db, now: at });
        return {
          archivedCalls: archived.calls,
          archivedMessages: archived.messages,
          purgedWebhookEvents: purged.webhookEvents,
          purgedJobRuns,
          purgedIdempotencyKeys,
        };
      },
    },
  ];
  const poll = deps.pollNumberOrders ?? pollPendingOrders;
  jobs.push({
    name: NUMBER_ORDER_POLL_JOB,
    schedule: "* * * * *",
    slotOf: minuteSlot,
    run: () => poll({ db: deps.db, telnyx: deps.telnyx, publisher: deps.publisher }),
  });
  // A member who left keeps a working softphone until their credential is deleted at Telnyx: within a minute.
  jobs.push({
    name: SOFTPHONE_REVOKE_JOB,
    schedule: "* * * * *",
    slotOf: minuteSlot,
    run: () =>
      revokePendingSoftphoneCredentials({
        db: deps.db,
        gatewayFor: (organizationId) => deps.telnyx.gatewayFor(organizationId),
      }),
  });
  jobs.push(createReconcileJob(deps));
  return jobs;
}
