import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { SyncTrigger } from "./sync-schemas";

/** A RUNNING run older than this was interrupted (the server stopped mid-sync). */
const STALE_AFTER_MS = 30 * 60_000;

/**
 * Opens a sync run for the organization, or answers the one already running (a second click, or
 * the hourly job meeting a manual run) — serialised per organization by a transaction-scoped
 * advisory lock, so two API instances never open two runs at once.
 */
export async function startSync(options: {
  db: Db;
  organizationId: string;
  trigger: SyncTrigger;
  userId?: string | null;
  ip?: string;
}): Promise<{ runId: string; isNew: boolean }> {
  const { db, organizationId, trigger } = options;
  const staleBefore = new Date(Date.now() - STALE_AFTER_MS);
  const outcome = await db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sync:${organizationId}`}))`;
    await tx.syncRun.updateMany({
      where: { organizationId, status: "RUNNING", startedAt: { lt: staleBefore } },
      data: { status: "FAILED", finishedAt: new Date(), errors: ["Interrupted: the server stopped during this sync."] },
    });
    const running = await tx.syncRun.findFirst({ where: { organizationId, status: "RUNNING" }, select: { id: true } });
    if (running) return { runId: running.id, isNew: false };
    const run = await tx.syncRun.create({ data: { organizationId, trigger, status: "RUNNING" }, select: { id: true } });
    return { runId: run.id, isNew: true };
  });
  if (outcome.isNew) {
    await recordAudit(db, {
      organizationId,
      userId: options.userId ?? null,
      action: "sync.run",
      targetType: "syncRun",
      targetId: outcome.runId,
      ip: options.ip,
      details: { trigger },
    });
  }
  return outcome;
}
