/**
 * Leader election per job run, in SQL: a transaction takes a transaction-scoped PostgreSQL advisory
 * lock for the job (pg_try_advisory_xact_lock — never waits), checks that no run holds the same
 * slot and none is still running, and records the run, all before it commits. So across any number
 * of API instances exactly one claims a given slot ("sync.hourly" at 10:00), and a run that outlasts
 * its period is not overlapped. The unique (job, slot) index is the last line of defence. On PGlite
 * (one process) the lock is trivially held.
 */
import type { Db } from "@app/db/open-db";

/** Advisory lock namespace of scheduler jobs (the first key of the two-key form). */
const JOB_LOCK_NAMESPACE = 7_246_351;
/**
 * Prisma gives up starting a transaction after 2 s by default. On PGlite (one connection) a busy
 * webhook processor holds it longer than that, and a claim that gives up loses its slot: the hour's
 * sync would not run. Waiting as long as the processor's own transactions may last avoids that.
 */
const CLAIM_TRANSACTION = { maxWait: 30_000, timeout: 30_000 };
/** A RUNNING row older than this belongs to a crashed instance and no longer blocks. */
const STALE_AFTER_MS = 2 * 3600_000;

export async function claimJobRun(
  db: Db,
  claim: { job: string; slot: string; instance: string },
): Promise<{ id: string } | null> {
  return db.prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      Array<{ locked: boolean }>
    >`SELECT pg_try_advisory_xact_lock(${JOB_LOCK_NAMESPACE}::int, hashtext(${claim.job})) AS locked`;
    if (!lock?.locked) return null;
    const busy = await tx.jobRun.findFirst({
      where: {
        job: claim.job,
        OR: [{ slot: claim.slot }, { status: "RUNNING", startedAt: { gt: new Date(Date.now() - STALE_AFTER_MS) } }],
      },
      select: { id: true },
    });
    if (busy) return null;
    return tx.jobRun.create({
      data: { job: claim.job, slot: claim.slot, instance: claim.instance },
      select: { id: true },
    });
  }, CLAIM_TRANSACTION);
}

export async function finishJobRun(
  db: Db,
  id: string,
  outcome: { ok: true; details: Record<string, unknown> } | { ok: false; error: string },
): Promise<void> {
  await db.prisma.jobRun.update({
    where: { id },
    data: outcome.ok
      ? { status: "SUCCEEDED", finishedAt: new Date(), details: outcome.details as never }
      : { status: "FAILED", finishedAt: new Date(), error: outcome.error },
  });
}

/** Scheduler bookkeeping: 30 days of runs, one day for jobs that tick every minute. */
export async function purgeJobRuns(db: Db, options: { now: Date; frequentJobs: string[] }): Promise<number> {
  const daysAgo = (days: number) => new Date(options.now.getTime() - days * 86_400_000);
  const { count } = await db.prisma.jobRun.deleteMany({
    where: {
      status: { not: "RUNNING" },
      OR: [{ startedAt: { lt: daysAgo(30) } }, { job: { in: options.frequentJobs }, startedAt: { lt: daysAgo(1) } }],
    },
  });
  return count;
}
