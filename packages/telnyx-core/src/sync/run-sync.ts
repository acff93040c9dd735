/**
 * Reconciles an organization with its Telnyx account, both ways: applications and profiles,
 * numbers, the calls held here as live, then the last 24 h of messages, calls and recordings. Each step reads with backoff and
 * fails alone (its error is recorded, the next step runs); every change is recorded on the SyncRun
 * and progress is pushed live as sync:progress.
 */
import type { Db } from "@app/db/open-db";
import type { Prisma } from "@app/db/client";
import { isAppError } from "../errors/app-error";
import { redactSecrets } from "../gateway/map-telnyx-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { syncCalls, syncRecordings } from "./sync-calls";
import { syncConnections } from "./sync-connections";
import { syncLiveCalls } from "./sync-live-calls";
import { createSyncReport, type SyncContext } from "./sync-context";
import { syncMessages } from "./sync-messages";
import { syncNumbers } from "./sync-numbers";
import { syncSoftphoneCredentials } from "./sync-softphone-credentials";
import { syncRunSelect, toSyncRunDto, type TSyncRun } from "./sync-schemas";
import { withBackoff, type BackoffOptions } from "./with-backoff";

const STEPS: Array<{ label: string; run: (ctx: SyncContext) => Promise<void> }> = [
  { label: "Applications and messaging profiles", run: syncConnections },
  { label: "Softphone credentials", run: syncSoftphoneCredentials },
  { label: "Phone numbers", run: syncNumbers },
  // Before the detail records: a lost hangup ends the call through the call applier (live events, agent state).
  { label: "Live calls", run: syncLiveCalls },
  { label: "Messages (last 24 h)", run: syncMessages },
  { label: "Calls (last 24 h)", run: syncCalls },
  { label: "Recordings (last 24 h)", run: syncRecordings },
];

export interface RunSyncOptions {
  db: Db;
  runId: string;
  organizationId: string;
  /** Resolved inside the run, so a missing or rejected key becomes the run's error. */
  gatewayFor: () => Promise<TelnyxGateway>;
  isOwnAccount: boolean;
  expectedWebhookUrls?: SyncContext["expectedWebhookUrls"];
  publisher: Publisher;
  backoff?: BackoffOptions;
  now?: Date;
}

const messageOf = (error: unknown) =>
  isAppError(error)
    ? error.message
    : `Unexpected error: ${redactSecrets(error instanceof Error ? error.message : String(error))}`;

export async function runSync(options: RunSyncOptions): Promise<TSyncRun> {
  const { db, runId, organizationId } = options;
  const { publisher } = options;
  const report = createSyncReport();
  const progress = (status: string, value: number, message: string | null) =>
    publisher.toOrganization(organizationId, "sync:progress", { id: runId, status, progress: value, message });
  const now = options.now ?? new Date();

  progress("RUNNING", 0, "Connecting to Telnyx");
  let gateway: TelnyxGateway | undefined;
  try {
    gateway = await options.gatewayFor();
  } catch (error) {
    report.errors.push(messageOf(error));
  }
  if (gateway) {
    let stepValue = 0;
    const ctx: SyncContext = {
      db,
      gateway,
      organizationId,
      now,
      since: new Date(now.getTime() - 24 * 3600_000),
      isOwnAccount: options.isOwnAccount,
      expectedWebhookUrls: options.expectedWebhookUrls,
      publisher,
      report,
      read: (call) =>
        withBackoff(call, {
          ...options.backoff,
          onRetry: (attempt, waitMs) =>
            progress(
              "RUNNING",
              stepValue,
              `Telnyx asked to slow down: retry ${attempt} in ${Math.ceil(waitMs / 1000)} s`,
            ),
        }),
    };
    for (const [index, step] of STEPS.entries()) {
      stepValue = index / STEPS.length;
      progress("RUNNING", stepValue, step.label);
      try {
        await step.run(ctx);
      } catch (error) {
        report.errors.push(`${step.label}: ${messageOf(error)}`);
      }
    }
  }

  const status = report.errors.length > 0 ? "FAILED" : "SUCCEEDED";
  const row = await db.prisma.syncRun.update({
    where: { id: runId },
    data: {
      status,
      finishedAt: new Date(),
      counts: report.counts,
      changes: report.changes as unknown as Prisma.InputJsonValue,
      errors: report.errors,
    },
    select: syncRunSelect,
  });
  const changes = report.counts["changes"] ?? 0;
  progress(
    status,
    1,
    status === "SUCCEEDED"
      ? `Done: ${changes} change${changes === 1 ? "" : "s"}`
      : `Finished with ${report.errors.length} error(s): ${report.errors[0]}`,
  );
  return toSyncRunDto(row);
}
