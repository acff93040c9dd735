import type { Db } from "@app/db/open-db";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import type { TSyncChange } from "./sync-schemas";

/** Changes listed per run; beyond it they are counted only (a first sync of a big account). */
const MAX_CHANGES = 300;

export interface SyncReport {
  counts: Record<string, number>;
  changes: TSyncChange[];
  errors: string[];
  count(key: string, by?: number): void;
  change(kind: string, description: string): void;
}

export function createSyncReport(): SyncReport {
  const report: SyncReport = {
    counts: {},
    changes: [],
    errors: [],
    count(key, by = 1) {
      report.counts[key] = (report.counts[key] ?? 0) + by;
    },
    change(kind, description) {
      report.count("changes");
      if (report.changes.length < MAX_CHANGES) report.changes.push({ kind, description });
    },
  };
  return report;
}

/** What each sync step gets. */
export interface SyncContext {
  db: Db;
  gateway: TelnyxGateway;
  organizationId: string;
  now: Date;
  /** Start of the window for calls, messages and recordings (24 h back). */
  since: Date;
  /** The organization runs on its own Telnyx account: everything in it is the organization's. */
  isOwnAccount: boolean;
  /** What the webhooks should point at, when known. */
  expectedWebhookUrls?: { calls: string; messages: string; any: string };
  publisher: Publisher;
  report: SyncReport;
  /** A Telnyx read with backoff on rate limits and outages. */
  read<T>(call: () => Promise<T>): Promise<T>;
}

/** Telnyx ids of the organization's applications and profiles (what "belongs to us" in a shared account). */
export async function organizationConnectionIds(
  ctx: SyncContext,
): Promise<{ applications: Set<string>; profiles: Set<string> }> {
  const rows = await ctx.db.prisma.telnyxConnection.findMany({
    where: { organizationId: ctx.organizationId },
    select: { kind: true, telnyxId: true },
  });
  return {
    applications: new Set(rows.filter((row) => row.kind !== "MESSAGING_PROFILE").map((row) => row.telnyxId)),
    profiles: new Set(rows.filter((row) => row.kind === "MESSAGING_PROFILE").map((row) => row.telnyxId)),
  };
}
